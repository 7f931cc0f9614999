package org.contested.eval;

import java.time.LocalDate;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/** Hand-made gold claims and predictions for scorer tests (made-up ids, real-looking places). */
final class Fixtures {
  private Fixtures() {}

  static GoldClaim gold(String location, Long id, ClaimType type, String controller) {
    return gold(
        location, id, type, controller, Polarity.AFFIRMED, "UA", "2023-05-20", DatePrecision.DAY);
  }

  static GoldClaim gold(
      String location,
      Long id,
      ClaimType type,
      String controller,
      Polarity polarity,
      String side,
      String date,
      DatePrecision precision) {
    return new GoldClaim(
        location,
        id,
        type,
        controller,
        polarity,
        "someone",
        side,
        LocalDate.parse(date),
        precision,
        null);
  }

  static Prediction pred(
      String name, String locationId, LocationType locType, ClaimType type, String controller) {
    return pred(name, locationId, locType, type, controller, Polarity.AFFIRMED, "UA", "2023-05-20");
  }

  static Prediction pred(
      String name,
      String locationId,
      LocationType locType,
      ClaimType type,
      String controller,
      Polarity polarity,
      String side,
      String date) {
    return new Prediction(
        "c-" + name + "-" + date,
        "a1",
        locationId,
        name,
        locType,
        type,
        controller,
        polarity,
        "someone",
        side,
        date == null ? null : LocalDate.parse(date),
        DatePrecision.DAY,
        null,
        null);
  }

  static Prediction forArticle(String articleId, Prediction p) {
    return new Prediction(
        p.claimId(),
        articleId,
        p.locationId(),
        p.locationName(),
        p.locationType(),
        p.claimType(),
        p.controller(),
        p.polarity(),
        p.claimant(),
        p.claimantSide(),
        p.eventDate(),
        p.datePrecision(),
        p.percent(),
        p.evidence());
  }
}
