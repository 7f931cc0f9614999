package org.contested.eval;

import java.time.LocalDate;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/**
 * The columns of one row of a pipeline's {@code claims} table that scoring reads. {@code
 * locationId} is {@code geonames:<id>}, {@code geonames-admin1:<CC.code>} or null.
 */
public record Prediction(
    String claimId,
    String articleId,
    String locationId,
    String locationName,
    LocationType locationType,
    ClaimType claimType,
    String controller,
    Polarity polarity,
    String claimant,
    String claimantSide,
    LocalDate eventDate,
    DatePrecision datePrecision,
    Integer percent,
    String evidence) {

  private static final String GEONAMES = "geonames:";

  public Prediction {
    if (articleId == null || articleId.isBlank()) {
      throw new IllegalArgumentException("prediction without article_id");
    }
    if ((locationName == null || locationName.isBlank()) && locationId == null) {
      throw new IllegalArgumentException("prediction without location_name or location_id");
    }
    if (claimType == null || polarity == null) {
      throw new IllegalArgumentException("prediction without claim_type or polarity");
    }
    controller = Party.normalise(controller);
    claimantSide = Party.normalise(claimantSide);
  }

  /** The GeoNames id of a settlement-level location id, or null (regions, unresolved places). */
  public Long geonameid() {
    if (locationId == null || !locationId.startsWith(GEONAMES)) {
      return null;
    }
    try {
      return Long.parseLong(locationId.substring(GEONAMES.length()).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Typed as REGION, or named with region wording ("... Oblast"). */
  public boolean isRegion() {
    return locationType == LocationType.REGION || NameKey.hasRegionSuffix(locationName);
  }

  @Override
  public String toString() {
    return ClaimText.of(locationName, locationId, claimType, controller, polarity, claimant, claimantSide, eventDate,
        datePrecision, percent);
  }
}
