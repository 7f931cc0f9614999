package org.contested.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.contested.model.Claim;
import org.contested.model.Polarity;

/**
 * Turns one claim into a distribution over statuses: one status per party plus {@link
 * #CONTESTED}. The mapping (also in docs/tables.md), for a controller X:
 *
 * <ul>
 *   <li>CONTROL / AFFIRMED X: {X: 1}
 *   <li>PARTIAL_CONTROL / AFFIRMED X with percent p: {X: p/100, CONTESTED: 1 - p/100}; without a
 *       percent {X: 0.5, CONTESTED: 0.5}
 *   <li>CONTESTED / AFFIRMED: {CONTESTED: 1}
 *   <li>ENCIRCLED / AFFIRMED X: {CONTESTED: 1}: a besieged place is being fought over; X
 *       surrounds it but is not said to hold it, and who holds it inside is not said either
 *   <li>any type / DENIED X: uniform over every status except X (e.g. CONTROL / DENIED RU with
 *       parties RU, UA gives {UA: 0.5, CONTESTED: 0.5})
 *   <li>CONTESTED / DENIED ("no longer fought over"): uniform over the parties
 * </ul>
 *
 * A claim whose controller is missing (for a type that needs one) or is not one of the parties
 * has no distribution and is left out of the aggregates (counted as {@code unmapped_claims}).
 */
public final class StatusMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The status of a place nobody is said to hold. */
  public static final String CONTESTED = "CONTESTED";

  public static final List<String> DEFAULT_PARTIES = List.of("RU", "UA");

  private final List<String> statuses;

  /** @param parties party codes, e.g. ["RU", "UA"]; must not contain CONTESTED */
  public StatusMapping(List<String> parties) {
    if (parties.isEmpty() || parties.contains(CONTESTED)) {
      throw new IllegalArgumentException("parties must be non-empty and not CONTESTED: " + parties);
    }
    TreeSet<String> all = new TreeSet<>(parties);
    all.add(CONTESTED);
    this.statuses = Collections.unmodifiableList(new ArrayList<>(all));
  }

  public StatusMapping() {
    this(DEFAULT_PARTIES);
  }

  /** Every status, sorted by name (the column order of status_shares). */
  public List<String> statuses() {
    return statuses;
  }

  /** A distribution with every status at 0, sorted by status. */
  public SortedMap<String, Double> zeros() {
    SortedMap<String, Double> out = new TreeMap<>();
    for (String s : statuses) {
      out.put(s, 0.0);
    }
    return out;
  }

  /** The claim's distribution over {@link #statuses()}, or null when it cannot be mapped. */
  public SortedMap<String, Double> distribution(Claim claim) {
    String controller = claim.controller();
    boolean knownController = controller != null && statuses.contains(controller)
        && !CONTESTED.equals(controller);
    SortedMap<String, Double> d = zeros();
    if (claim.polarity() == Polarity.DENIED) {
      String denied;
      switch (claim.claimType()) {
        case CONTESTED -> denied = CONTESTED;
        default -> {
          if (!knownController) {
            return null;
          }
          denied = controller;
        }
      }
      double share = 1.0 / (statuses.size() - 1);
      for (String s : statuses) {
        if (!s.equals(denied)) {
          d.put(s, share);
        }
      }
      return d;
    }
    switch (claim.claimType()) {
      case CONTROL -> {
        if (!knownController) {
          return null;
        }
        d.put(controller, 1.0);
      }
      case PARTIAL_CONTROL -> {
        if (!knownController) {
          return null;
        }
        if (claim.percent() == null) {
          d.put(controller, 0.5);
          d.put(CONTESTED, 0.5);
        } else {
          // Whole percents divided once, so 80% gives exactly 0.8 and 0.2.
          int pct = Math.max(0, Math.min(100, claim.percent()));
          d.put(controller, pct / 100.0);
          d.put(CONTESTED, (100 - pct) / 100.0);
        }
      }
      case CONTESTED, ENCIRCLED -> d.put(CONTESTED, 1.0);
    }
    return d;
  }

  /**
   * The status with the largest share. Shares within 1e-9 tie; ties go to CONTESTED, then to the
   * alphabetically first party, so that a split view never names one side arbitrarily.
   */
  public static String dominant(Map<String, Double> shares) {
    String best = null;
    double bestShare = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : new TreeMap<>(shares).entrySet()) {
      double v = e.getValue();
      if (best == null || v > bestShare + 1e-9) {
        best = e.getKey();
        bestShare = v;
      } else if (Math.abs(v - bestShare) <= 1e-9 && CONTESTED.equals(e.getKey())) {
        best = CONTESTED;
      }
    }
    return best;
  }
}
