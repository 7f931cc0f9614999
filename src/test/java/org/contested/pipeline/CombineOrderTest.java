package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

/**
 * The view sums are bit-identical whatever order a runner hands a group's claims over in: what
 * makes tables byte-identical across runners, sharding and input order. And the digests that carry
 * claims through the grouping survive their coder.
 */
class CombineOrderTest {
  private static final StatusMapping MAPPING = new StatusMapping(List.of("RU", "UA"));
  private static final Instant[] DAY = {
    Instant.parse("2025-11-20T00:00:00Z"), Instant.parse("2025-11-21T00:00:00Z")
  };

  private static List<Claim> claims() {
    List<Claim> claims = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 300; i++) {
      claims.add(
          Claims.claim("c" + i)
              .says(
                  i % 5 == 0 ? ClaimType.CONTESTED : ClaimType.CONTROL,
                  i % 5 == 0 ? null : (i % 2 == 0 ? "RU" : "UA"),
                  i % 7 == 0 ? Polarity.DENIED : Polarity.AFFIRMED)
              .confidence(0.05 + 0.95 * r.nextDouble())
              .build());
    }
    return claims;
  }

  private static ComputeViews.ViewAccumulator sum(List<Claim> claims) {
    ComputeViews.ViewAccumulator acc = new ComputeViews.ViewAccumulator(MAPPING.statuses().size());
    for (Claim c : claims) {
      acc.add(ComputeViews.digest(MAPPING, c, DAY));
    }
    return acc;
  }

  @Test
  void sumsDoNotDependOnOrder() {
    List<Claim> claims = claims();
    ComputeViews.ViewAccumulator inOrder = sum(claims);
    for (int seed = 0; seed < 5; seed++) {
      List<Claim> shuffled = new ArrayList<>(claims);
      Collections.shuffle(shuffled, new Random(seed));
      ComputeViews.ViewAccumulator other = sum(shuffled);
      assertEquals(inOrder.weight, other.weight, 0.0);
      assertArrayEquals(inOrder.weighted, other.weighted, 0.0, "bit-identical weighted sums");
    }
    // Without the quantisation, plain double sums of the same numbers depend on order.
    double forward = 0;
    double backward = 0;
    for (int i = 0; i < claims.size(); i++) {
      forward += claims.get(i).confidence() * 0.1;
      backward += claims.get(claims.size() - 1 - i).confidence() * 0.1;
    }
    assertNotEquals(forward, backward, "the hazard this guards against is real");
  }

  @Test
  void digestsRoundTripThroughTheirCoder() throws Exception {
    Claim partial =
        Claims.claim("p")
            .says(ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED)
            .percent(80)
            .place(null, null, null)
            .build();
    Claim unmapped = Claims.claim("u").says(ClaimType.CONTROL, "OTHER", Polarity.AFFIRMED).build();
    for (Claim c : List.of(claims().get(3), partial, unmapped)) {
      ComputeViews.ClaimDigest d = ComputeViews.digest(MAPPING, c, DAY);
      CoderProperties.structuralValueDecodeEncodeEqual(ComputeViews.ClaimDigest.CODER, d);
      ComputeViews.ClaimDigest back =
          CoderUtils.clone(ComputeViews.ClaimDigest.CODER, d);
      assertEquals(d.place(), back.place());
      assertEquals(d.percent(), back.percent());
      assertEquals(d.publishedAt(), back.publishedAt());
      assertArrayEquals(d.distribution(), back.distribution(), 0.0);
    }
    assertEquals(0, ComputeViews.digest(MAPPING, unmapped, DAY).distribution().length);
  }
}
