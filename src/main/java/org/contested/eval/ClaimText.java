package org.contested.eval;

import java.time.LocalDate;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.Polarity;

/** The one-line form of a gold or predicted claim in error listings. */
final class ClaimText {
  private ClaimText() {}

  /**
   * "Kupiansk [geonames:703656] CONTROL RU AFFIRMED by Gerasimov (RU) 2025-11-20 DAY 80%".
   *
   * @param id the id to show in brackets, or null
   */
  static String of(String location, String id, ClaimType claimType, String controller, Polarity polarity,
      String claimant, String claimantSide, LocalDate eventDate, DatePrecision datePrecision, Number percent) {
    return String.format(
        "%s%s %s %s %s by %s (%s) %s %s%s",
        location,
        id == null ? "" : " [" + id + "]",
        claimType,
        controller == null ? "-" : controller,
        polarity,
        claimant == null ? "?" : claimant,
        claimantSide == null ? "?" : claimantSide,
        eventDate,
        datePrecision,
        percent == null ? "" : " " + percent + "%");
  }
}
