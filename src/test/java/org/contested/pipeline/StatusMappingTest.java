package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.contested.model.ClaimType;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
  private final StatusMapping mapping = new StatusMapping();

  private Map<String, Double> of(ClaimType type, String controller, Polarity polarity, Integer pct) {
    return mapping.distribution(
        claim("c").says(type, controller, polarity).percent(pct).build());
  }

  @Test
  void statusesAreThePartiesAndContestedSorted() {
    assertEquals(List.of("CONTESTED", "RU", "UA"), mapping.statuses());
    assertEquals(
        List.of("CONTESTED", "IL", "PS"), new StatusMapping(List.of("PS", "IL")).statuses());
    assertThrows(IllegalArgumentException.class, () -> new StatusMapping(List.of("CONTESTED")));
  }

  @Test
  void affirmedClaims() {
    assertEquals(
        Map.of("CONTESTED", 0.0, "RU", 1.0, "UA", 0.0),
        of(ClaimType.CONTROL, "RU", Polarity.AFFIRMED, null));
    assertEquals(
        Map.of("CONTESTED", 0.2, "RU", 0.0, "UA", 0.8),
        of(ClaimType.PARTIAL_CONTROL, "UA", Polarity.AFFIRMED, 80));
    assertEquals(
        Map.of("CONTESTED", 0.5, "RU", 0.5, "UA", 0.0),
        of(ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED, null));
    assertEquals(
        Map.of("CONTESTED", 1.0, "RU", 0.0, "UA", 0.0),
        of(ClaimType.CONTESTED, null, Polarity.AFFIRMED, null));
    assertEquals(
        Map.of("CONTESTED", 1.0, "RU", 0.0, "UA", 0.0),
        of(ClaimType.ENCIRCLED, "RU", Polarity.AFFIRMED, null));
  }

  @Test
  void percentsOutsideZeroToHundredAreClamped() {
    assertEquals(
        Map.of("CONTESTED", 0.0, "RU", 1.0, "UA", 0.0),
        of(ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED, 150));
  }

  @Test
  void deniedClaimsSpreadOverTheOtherStatuses() {
    assertEquals(
        Map.of("CONTESTED", 0.5, "RU", 0.0, "UA", 0.5),
        of(ClaimType.CONTROL, "RU", Polarity.DENIED, null));
    assertEquals(
        Map.of("CONTESTED", 0.5, "RU", 0.5, "UA", 0.0),
        of(ClaimType.ENCIRCLED, "UA", Polarity.DENIED, null));
    assertEquals(
        Map.of("CONTESTED", 0.0, "RU", 0.5, "UA", 0.5),
        of(ClaimType.CONTESTED, null, Polarity.DENIED, null));
    StatusMapping three = new StatusMapping(List.of("A", "B", "C"));
    assertEquals(
        Map.of("A", 0.0, "B", 1.0 / 3, "C", 1.0 / 3, "CONTESTED", 1.0 / 3),
        three.distribution(claim("c").says(ClaimType.CONTROL, "A", Polarity.DENIED).build()));
  }

  @Test
  void claimsWithoutAKnownControllerHaveNoDistribution() {
    assertNull(of(ClaimType.CONTROL, "OTHER", Polarity.AFFIRMED, null));
    assertNull(of(ClaimType.CONTROL, null, Polarity.AFFIRMED, null));
    assertNull(of(ClaimType.PARTIAL_CONTROL, "XX", Polarity.DENIED, 40));
  }

  @Test
  void dominantBreaksTiesTowardsContestedThenAlphabetically() {
    assertEquals("UA", StatusMapping.dominant(Map.of("CONTESTED", 0.2, "RU", 0.1, "UA", 0.7)));
    assertEquals("CONTESTED", StatusMapping.dominant(Map.of("CONTESTED", 0.5, "RU", 0.5, "UA", 0.0)));
    assertEquals("RU", StatusMapping.dominant(Map.of("CONTESTED", 0.0, "RU", 0.5, "UA", 0.5)));
    // CONTESTED wins a tie even when a party sorts before it.
    assertEquals("CONTESTED", StatusMapping.dominant(Map.of("AM", 0.5, "AZ", 0.0, "CONTESTED", 0.5)));
    assertEquals("AM", StatusMapping.dominant(Map.of("AM", 0.5, "AZ", 0.5, "CONTESTED", 0.0)));
  }
}
