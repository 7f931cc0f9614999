package org.contested.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountsTest {

  @Test
  void ratesFromCounts() {
    Counts c = new Counts(6, 2, 4);
    assertEquals(0.75, c.precision(), 1e-12);
    assertEquals(0.6, c.recall(), 1e-12);
    // Harmonic mean 2PR/(P+R) = 0.9/1.35.
    assertEquals(2 * 0.75 * 0.6 / (0.75 + 0.6), c.f1(), 1e-12);
  }

  @Test
  void zeroDenominatorsAreUndefinedButZeroTpIsZero() {
    assertTrue(Double.isNaN(Counts.ZERO.precision()));
    assertTrue(Double.isNaN(Counts.ZERO.recall()));
    assertTrue(Double.isNaN(Counts.ZERO.f1()));
    Counts onlyFp = new Counts(0, 3, 0);
    assertEquals(0.0, onlyFp.precision());
    assertTrue(Double.isNaN(onlyFp.recall()));
    assertEquals(0.0, onlyFp.f1());
  }

  @Test
  void sumsAreMicroAverages() {
    Counts a = new Counts(1, 0, 0);
    Counts b = new Counts(1, 2, 2);
    Counts sum = a.plus(b);
    assertEquals(new Counts(2, 2, 2), sum);
    assertEquals(0.5, sum.precision(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Counts(-1, 0, 0));
  }

  @Test
  void rendersUndefinedAsDash() {
    assertEquals("-", Reports.rate(Double.NaN));
    assertEquals("0.667", Reports.rate(2.0 / 3));
  }
}
