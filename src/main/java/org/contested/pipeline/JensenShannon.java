package org.contested.pipeline;

import java.util.List;

/**
 * The generalised Jensen–Shannon divergence of n distributions with equal weights,
 * JS = H(mean of P_i) - mean of H(P_i) (natural logs), divided by its largest possible value for
 * n distributions over k outcomes, log(min(n, k)), so that 0 means identical views and 1 means
 * views as far apart as n views over k statuses can be.
 */
public final class JensenShannon {
  private JensenShannon() {}

  /**
   * @param views distributions over the same k outcomes, each summing to 1
   * @return the normalised divergence in [0, 1]; 0 for fewer than two views or one outcome
   */
  public static double normalised(List<double[]> views) {
    int n = views.size();
    if (n < 2) {
      return 0.0;
    }
    int k = views.get(0).length;
    int bound = Math.min(n, k);
    if (bound < 2) {
      return 0.0;
    }
    double js = raw(views);
    return Math.max(0.0, Math.min(1.0, js / Math.log(bound)));
  }

  /** The unnormalised divergence in nats. */
  public static double raw(List<double[]> views) {
    int n = views.size();
    int k = views.get(0).length;
    double[] mean = new double[k];
    double meanEntropy = 0.0;
    for (double[] p : views) {
      if (p.length != k) {
        throw new IllegalArgumentException("views over different outcomes: " + p.length + " vs " + k);
      }
      for (int i = 0; i < k; i++) {
        mean[i] += p[i] / n;
      }
      meanEntropy += entropy(p) / n;
    }
    return Math.max(0.0, entropy(mean) - meanEntropy);
  }

  /** Shannon entropy in nats; 0 log 0 = 0. */
  public static double entropy(double[] p) {
    double h = 0.0;
    for (double x : p) {
      if (x > 0) {
        h -= x * Math.log(x);
      }
    }
    return h;
  }
}
