package org.contested.eval;

/**
 * True positives, false positives and false negatives, with micro-averaged rates. A rate whose
 * denominator is zero is undefined and returned as NaN (shown as "-" and written as null).
 */
public record Counts(long tp, long fp, long fn) {
  public static final Counts ZERO = new Counts(0, 0, 0);

  public Counts {
    if (tp < 0 || fp < 0 || fn < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  public Counts plus(Counts other) {
    return new Counts(tp + other.tp, fp + other.fp, fn + other.fn);
  }

  public double precision() {
    return ratio(tp, tp + fp);
  }

  public double recall() {
    return ratio(tp, tp + fn);
  }

  /** 2TP / (2TP + FP + FN): the harmonic mean of P and R, and 0 when either is 0. */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  private static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }
}
