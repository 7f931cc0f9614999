package org.contested.eval;

/** The three scoring levels, from loosest to strictest (docs/evaluation.md). */
public enum Level {
  /** Distinct locations per item. */
  LOCATION,
  /** Location, claim_type, controller, polarity. */
  STRICT,
  /** Strict plus claimant_side and event_date at the gold's precision. */
  FULL;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
