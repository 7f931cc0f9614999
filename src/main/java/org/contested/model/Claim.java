package org.contested.model;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.contested.model.RecordSchemaProvider.Nullable;

/**
 * One control claim (see CLAIMS.md): who said what about which place, when, published where.
 * Field names become the {@code claims} table's columns in snake_case. {@code locationId} is
 * {@code geonames:<id>} or null when the place is not in the gazetteer; {@code controller} is
 * null for CONTESTED claims.
 */
@DefaultSchema(RecordSchemaProvider.class)
public record Claim(
    String claimId,
    String articleId,
    String outlet,
    Instant publishedAt,
    String claimant,
    String claimantSide,
    @Nullable String locationId,
    String locationName,
    LocationType locationType,
    @Nullable String admin1,
    @Nullable String countryCode,
    @Nullable Double latitude,
    @Nullable Double longitude,
    ClaimType claimType,
    @Nullable String controller,
    Polarity polarity,
    @Nullable Integer percent,
    LocalDate eventDate,
    DatePrecision datePrecision,
    String evidence,
    int evidenceStart,
    int evidenceEnd,
    String language,
    double confidence) {

  /** The key aggregates group by: the gazetteer id, or the surface name when unresolved. */
  public String locationKey() {
    return locationId != null ? locationId : "name:" + locationName.toLowerCase(java.util.Locale.ROOT);
  }
}
