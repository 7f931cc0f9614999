package org.contested.pipeline;

import java.util.Comparator;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.contested.model.Claim;
import org.contested.model.RecordSchemaProvider;
import org.contested.model.RecordSchemaProvider.Nullable;

/**
 * Where a location is, as its claims describe it. Claims on one key normally agree; when they do
 * not (unresolved names in different case, say), the smallest by {@link #compareTo} is kept, so
 * the choice does not depend on processing order.
 */
@DefaultSchema(RecordSchemaProvider.class)
public record PlaceInfo(
    String locationName,
    @Nullable String admin1,
    @Nullable Double latitude,
    @Nullable Double longitude)
    implements Comparable<PlaceInfo> {

  private static final Comparator<PlaceInfo> ORDER =
      Comparator.comparing(PlaceInfo::locationName)
          .thenComparing(PlaceInfo::admin1, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(PlaceInfo::latitude, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(PlaceInfo::longitude, Comparator.nullsLast(Comparator.naturalOrder()));

  static PlaceInfo of(Claim claim) {
    return new PlaceInfo(
        claim.locationName(), claim.admin1(), claim.latitude(), claim.longitude());
  }

  @Override
  public int compareTo(PlaceInfo other) {
    return ORDER.compare(this, other);
  }
}
