package org.contested.eval;

import java.time.LocalDate;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.Polarity;

/**
 * One labelled claim of a gold item (fields of {@code dev-gold.jsonl}). {@code geonameid} is null
 * for regions and unresolved places; {@code controller} is null for CONTESTED.
 */
public record GoldClaim(
    String location,
    Long geonameid,
    ClaimType claimType,
    String controller,
    Polarity polarity,
    String claimant,
    String claimantSide,
    LocalDate eventDate,
    DatePrecision datePrecision,
    Double percent) {

  public GoldClaim {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("gold claim without location");
    }
    if (claimType == null || polarity == null || eventDate == null || datePrecision == null) {
      throw new IllegalArgumentException(
          "gold claim for "
              + location
              + " lacks claim_type, polarity, event_date or date_precision");
    }
    controller = Party.normalise(controller);
    claimantSide = Party.normalise(claimantSide);
  }

  @Override
  public String toString() {
    return ClaimText.of(location, geonameid == null ? null : "geonames:" + geonameid, claimType, controller, polarity,
        claimant, claimantSide, eventDate, datePrecision, percent);
  }
}
