package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

/**
 * The location-status accumulator gives bit-identical sums whatever order a runner adds claims in
 * and however it splits and merges accumulators: what makes tables byte-identical across runners.
 */
class CombineOrderTest {
  @Test
  void sumsDoNotDependOnOrderOrMerging() {
    StatusMapping mapping = new StatusMapping(List.of("RU", "UA"));
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
    ComputeLocationStatus.ViewCombineFn fn = new ComputeLocationStatus.ViewCombineFn(mapping);
    ComputeLocationStatus.ViewAccumulator inOrder = fn.createAccumulator();
    for (Claim c : claims) {
      fn.addInput(inOrder, c);
    }
    for (int seed = 0; seed < 5; seed++) {
      List<Claim> shuffled = new ArrayList<>(claims);
      Collections.shuffle(shuffled, new Random(seed));
      List<ComputeLocationStatus.ViewAccumulator> parts = new ArrayList<>();
      for (int from = 0; from < shuffled.size(); from += 17 + seed * 13) {
        ComputeLocationStatus.ViewAccumulator a = fn.createAccumulator();
        for (Claim c : shuffled.subList(from, Math.min(shuffled.size(), from + 17 + seed * 13))) {
          fn.addInput(a, c);
        }
        parts.add(a);
      }
      Collections.reverse(parts);
      ComputeLocationStatus.ViewAccumulator merged = fn.mergeAccumulators(parts);
      assertEquals(inOrder.weight, merged.weight, 0.0);
      assertEquals(inOrder.weighted, merged.weighted, "bit-identical weighted sums");
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
}
