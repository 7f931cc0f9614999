package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;

import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.LocationStatus;
import org.contested.model.Polarity;
import org.contested.model.SourceKind;
import org.junit.jupiter.api.Test;

class ComputeLocationStatusTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static final Instant DAY = Instant.parse("2025-11-20T00:00:00Z");
  private static final Instant NEXT = Instant.parse("2025-11-21T00:00:00Z");

  private static Map<String, Double> shares(double contested, double ru, double ua) {
    return Map.of("CONTESTED", contested, "RU", ru, "UA", ua);
  }

  @Test
  void viewsPerClaimantSideAndOutletAreWeightedMeans() {
    Claim ruTook = claim("1").side("RU").outlet("State Agency").at("geonames:1", "Kupiansk")
        .published("2025-11-20T08:00:00Z").build();
    Claim ruPartial = claim("2").side("RU").outlet("State Agency").at("geonames:1", "Kupiansk")
        .says(ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED).percent(80).confidence(0.5)
        .published("2025-11-20T15:30:00Z").build();
    Claim uaDenies = claim("3").side("UA").outlet("Kyiv Paper").at("geonames:1", "Kupiansk")
        .says(ClaimType.CONTROL, "RU", Polarity.DENIED).published("2025-11-20T10:00:00Z").build();
    Claim uaContested = claim("4").side("UA").outlet("Kyiv Paper").at("geonames:1", "Kupiansk")
        .says(ClaimType.CONTESTED, null, Polarity.AFFIRMED).published("2025-11-21T07:00:00Z")
        .build();
    Claim unmapped = claim("5").side("OTHER").outlet("Wire").at("geonames:1", "Kupiansk")
        .says(ClaimType.CONTROL, "OTHER", Polarity.AFFIRMED).build();

    PCollection<LocationStatus> out =
        p.apply(Create.of(ruTook, ruPartial, uaDenies, uaContested, unmapped))
            .apply(new WindowClaims("P1D", null))
            .apply(new ComputeViews())
            .get(ComputeViews.STATUSES);

    // RU: (1.0 * {RU:1} + 0.5 * {RU:0.8, CONTESTED:0.2}) / 1.5
    Map<String, Double> ru = shares(0.066667, 0.933333, 0.0);
    // UA: mean of {UA:0.5, CONTESTED:0.5} and {CONTESTED:1}
    Map<String, Double> ua = shares(0.75, 0.0, 0.25);
    Instant ruFirst = Instant.parse("2025-11-20T08:00:00Z");
    Instant ruLast = Instant.parse("2025-11-20T15:30:00Z");
    Instant uaFirst = Instant.parse("2025-11-20T10:00:00Z");
    Instant uaLast = Instant.parse("2025-11-21T07:00:00Z");
    PAssert.that(out)
        .containsInAnyOrder(
            new LocationStatus(DAY, NEXT, "geonames:1", "Kupiansk", SourceKind.CLAIMANT_SIDE, "RU",
                2, ru, "RU", 80, ruFirst, ruLast),
            new LocationStatus(DAY, NEXT, "geonames:1", "Kupiansk", SourceKind.OUTLET,
                "State Agency", 2, ru, "RU", 80, ruFirst, ruLast),
            new LocationStatus(DAY, NEXT, "geonames:1", "Kupiansk", SourceKind.CLAIMANT_SIDE, "UA",
                2, ua, "CONTESTED", null, uaFirst, uaLast),
            new LocationStatus(DAY, NEXT, "geonames:1", "Kupiansk", SourceKind.OUTLET,
                "Kyiv Paper", 2, ua, "CONTESTED", null, uaFirst, uaLast));
    p.run().waitUntilFinish();
  }

  @Test
  void eachWindowAndUnresolvedNameGetsItsOwnRow() {
    Claim monday = claim("1").at(null, "Novoselivka").on("2025-11-17").build();
    Claim sunday = claim("2").at(null, "Novoselivka").on("2025-11-23")
        .says(ClaimType.ENCIRCLED, "RU", Polarity.AFFIRMED).build();
    Claim nextWeek = claim("3").at(null, "Novoselivka").on("2025-11-24").build();

    PCollection<LocationStatus> out =
        p.apply(Create.of(monday, sunday, nextWeek))
            .apply(new WindowClaims("P7D", null))
            .apply(new ComputeViews())
            .get(ComputeViews.STATUSES)
            .apply(org.apache.beam.sdk.transforms.Filter.by(
                s -> s.sourceKind() == SourceKind.CLAIMANT_SIDE));
    Instant published = Instant.parse("2025-11-20T09:00:00Z");
    PAssert.that(out)
        .containsInAnyOrder(
            new LocationStatus(Instant.parse("2025-11-17T00:00:00Z"),
                Instant.parse("2025-11-24T00:00:00Z"), "name:novoselivka", "Novoselivka",
                SourceKind.CLAIMANT_SIDE, "RU", 2, shares(0.5, 0.5, 0.0), "CONTESTED", null,
                published, published),
            new LocationStatus(Instant.parse("2025-11-24T00:00:00Z"),
                Instant.parse("2025-12-01T00:00:00Z"), "name:novoselivka", "Novoselivka",
                SourceKind.CLAIMANT_SIDE, "RU", 1, shares(0.0, 1.0, 0.0), "RU", null,
                published, published));
    p.run().waitUntilFinish();
  }
}
