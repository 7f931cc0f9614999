package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.Divergence;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

class ComputeDivergenceTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static final Instant DAY = Instant.parse("2025-11-20T00:00:00Z");
  private static final Instant NEXT = Instant.parse("2025-11-21T00:00:00Z");

  private static double h(double... p) {
    double s = 0;
    for (double x : p) {
      s -= x > 0 ? x * Math.log(x) : 0;
    }
    return s;
  }

  private PCollection<Divergence> divergence(Claim... claims) {
    PCollection<Claim> windowed =
        p.apply(Create.of(java.util.List.of(claims))).apply(new WindowClaims("P1D", null));
    return windowed.apply(new ComputeViews()).get(ComputeViews.DIVERGENCE);
  }

  @Test
  void sidesThatDisagreeDivergeAndSingleSourcesAreCoveredAtZero() {
    Claim ru = claim("1").side("RU").outlet("State Agency").at("geonames:1", "Kupiansk")
        .place("Kharkiv Oblast", 49.71, 37.61).build();
    Claim uaDenies = claim("2").side("UA").outlet("Kyiv Paper").at("geonames:1", "Kupiansk")
        .place("Kharkiv Oblast", 49.71, 37.61).says(ClaimType.CONTROL, "RU", Polarity.DENIED)
        .build();
    Claim uaContested = claim("3").side("UA").outlet("State Agency").at("geonames:1", "Kupiansk")
        .place("Kharkiv Oblast", 49.71, 37.61).says(ClaimType.CONTESTED, null, Polarity.AFFIRMED)
        .build();
    Claim alone = claim("4").side("UA").outlet("Kyiv Paper").at("geonames:2", "Vovchansk")
        .place("Kharkiv Oblast", 50.29, 36.94).build();

    // Sides over [CONTESTED, RU, UA]: RU (0, 1, 0); UA mean of (.5, 0, .5) and (1, 0, 0). The
    // supports are disjoint, so the divergence is the maximum.
    double sides = (h(0.375, 0.5, 0.125) - h(0.75, 0, 0.25) / 2) / Math.log(2);
    assertEquals(1.0, sides, 1e-12);
    // Outlets: State Agency mean of (0, 1, 0) and (1, 0, 0); Kyiv Paper (.5, 0, .5).
    double outlets = (h(0.5, 0.25, 0.25) - (h(0.5, 0.5) + h(0.5, 0.5)) / 2) / Math.log(2);

    PAssert.that(divergence(ru, uaDenies, uaContested, alone))
        .satisfies(
            rows -> {
              Map<String, Divergence> byKey = new java.util.TreeMap<>();
              rows.forEach(d -> byKey.put(d.locationId() + "/" + d.sourceKind(), d));
              assertEquals(4, byKey.size(), byKey.keySet().toString());

              Divergence s = byKey.get("geonames:1/CLAIMANT_SIDE");
              assertEquals(DAY, s.windowStart());
              assertEquals(NEXT, s.windowEnd());
              assertEquals("Kupiansk", s.locationName());
              assertEquals("Kharkiv Oblast", s.admin1());
              assertEquals(49.71, s.latitude());
              assertEquals(37.61, s.longitude());
              assertEquals(2, s.sources());
              assertEquals(3, s.claims());
              assertEquals(sides, s.divergence(), 1e-6);
              assertEquals(true, s.disagreement());
              assertEquals(Map.of("RU", "RU", "UA", "CONTESTED"), s.views());

              Divergence o = byKey.get("geonames:1/OUTLET");
              assertEquals(outlets, o.divergence(), 1e-6);
              // Both outlets' views tie between two statuses; CONTESTED wins both ties.
              assertEquals(Map.of("Kyiv Paper", "CONTESTED", "State Agency", "CONTESTED"), o.views());
              assertEquals(false, o.disagreement());

              Divergence v = byKey.get("geonames:2/CLAIMANT_SIDE");
              assertEquals(1, v.sources());
              assertEquals(0.0, v.divergence(), 0.0);
              assertEquals(false, v.disagreement());
              assertEquals(Map.of("UA", "RU"), v.views());
              assertEquals(50.29, v.latitude());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void placeDetailsArePickedDeterministically() {
    Claim a = claim("1").side("RU").outlet("A").at("geonames:1", "Kupyansk").place(null, null, null).build();
    Claim b = claim("2").side("UA").outlet("B").at("geonames:1", "Kupiansk").place("Kharkiv Oblast", 49.7, 37.6)
        .says(ClaimType.CONTROL, "UA", Polarity.AFFIRMED).build();
    PCollection<Divergence> out = divergence(a, b);
    PAssert.that(out)
        .satisfies(
            rows -> {
              assertEquals(2, java.util.stream.StreamSupport.stream(rows.spliterator(), false).count());
              for (Divergence d : rows) {
                assertEquals("Kupiansk", d.locationName());
                assertEquals("Kharkiv Oblast", d.admin1());
                assertEquals(1.0, d.divergence(), 1e-9);
                assertEquals(true, d.disagreement());
              }
              return null;
            });
    p.run().waitUntilFinish();
  }
}
