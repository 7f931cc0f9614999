package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JensenShannonTest {
  private static double js(double[]... views) {
    return JensenShannon.normalised(List.of(views));
  }

  @Test
  void identicalViewsDoNotDiverge() {
    assertEquals(0.0, js(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}), 1e-12);
    assertEquals(0.0, js(new double[] {0, 1, 0}, new double[] {0, 1, 0}, new double[] {0, 1, 0}), 1e-12);
  }

  @Test
  void oneViewDoesNotDiverge() {
    assertEquals(0.0, js(new double[] {0.5, 0.5, 0}), 0.0);
  }

  @Test
  void disjointViewsDivergeFully() {
    assertEquals(1.0, js(new double[] {1, 0, 0}, new double[] {0, 0, 1}), 1e-12);
    assertEquals(1.0, js(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}), 1e-12);
    // Four sources over three statuses are normalised by log 3, not log 4: H(1/2,1/4,1/4)/log 3.
    double h = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
    assertEquals(
        h / Math.log(3),
        js(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1},
            new double[] {1, 0, 0}),
        1e-12);
  }

  @Test
  void knownIntermediateValues() {
    // JS((1,0), (1/2,1/2)) in bits = H(3/4,1/4) - 1/2 = 1.5 - 0.75 log2 3.
    double expected = 1.5 - 0.75 * Math.log(3) / Math.log(2);
    assertEquals(expected, js(new double[] {1, 0}, new double[] {0.5, 0.5}), 1e-12);
    assertEquals(0.3112781244591328, expected, 1e-15);
    // Three sources over two statuses, two against one: H(2/3, 1/3) bits (bound log 2).
    double h = -(2.0 / 3) * Math.log(2.0 / 3) / Math.log(2) - (1.0 / 3) * Math.log(1.0 / 3) / Math.log(2);
    assertEquals(h, js(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 1}), 1e-12);
  }

  @Test
  void divergenceIsSymmetricInTheOrderOfViews() {
    double[] a = {0.1, 0.6, 0.3};
    double[] b = {0.7, 0.2, 0.1};
    double[] c = {0.3, 0.3, 0.4};
    assertEquals(js(a, b, c), js(c, a, b), 1e-12);
  }
}
