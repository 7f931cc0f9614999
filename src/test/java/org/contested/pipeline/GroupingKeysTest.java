package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.contested.beam.KeyBuckets;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

/** How many keys a run groups under, and that the number never changes a table. */
class GroupingKeysTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @Test
  void pickedForTheRunnerUnlessGiven() {
    ContestedOptions options = PipelineOptionsFactory.as(ContestedOptions.class);
    options.setRunner(DirectRunner.class);
    options.as(DirectOptions.class).setTargetParallelism(2);
    assertEquals(8, GroupingKeys.of(options));
    options.setRunner(FlinkRunner.class);
    assertEquals(KeyBuckets.DISTRIBUTED, GroupingKeys.of(options));
    options.setGroupingKeys(5);
    assertEquals(5, GroupingKeys.of(options));
    options.setGroupingKeys(-1);
    assertThrows(IllegalArgumentException.class, () -> GroupingKeys.of(options));
  }

  @Test
  void bucketsAreStableAndInRange() {
    Set<Integer> seen = new TreeSet<>();
    for (int i = 0; i < 1000; i++) {
      int b = KeyBuckets.of("geonames:" + i, 8);
      assertEquals(b, KeyBuckets.of("geonames:" + i, 8));
      seen.add(b);
    }
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), seen, "every bucket used");
  }

  /** The same claims give the same rows under one key, a few, or many. */
  @Test
  void tablesDoNotDependOnTheNumberOfKeys() {
    List<Claim> claims = new ArrayList<>();
    String[] places = {"Kupiansk", "Vovchansk", "Lyman", "Bakhmut", "Avdiivka"};
    for (int i = 0; i < 60; i++) {
      claims.add(
          claim("c" + i)
              .side(i % 3 == 0 ? "RU" : "UA")
              .outlet("Outlet " + (i % 4))
              .at("geonames:" + (i % places.length), places[i % places.length])
              .says(
                  i % 4 == 0 ? ClaimType.CONTESTED : ClaimType.CONTROL,
                  i % 4 == 0 ? null : (i % 2 == 0 ? "RU" : "UA"),
                  i % 5 == 0 ? Polarity.DENIED : Polarity.AFFIRMED)
              .published("2025-11-" + (10 + i % 9) + "T08:00:00Z")
              .build());
    }
    PCollection<Claim> windowed =
        p.apply(Create.of(claims)).apply(new WindowClaims("P7D", "P1D"));
    int[] keyCounts = {1, 3, KeyBuckets.DISTRIBUTED};
    PCollectionList<String> rows = PCollectionList.empty(p);
    for (int keys : keyCounts) {
      PCollectionTuple views =
          windowed.apply("Views" + keys, new ComputeViews(StatusMapping.DEFAULT_PARTIES, keys));
      rows =
          rows.and(views.get(ComputeViews.STATUSES).apply("Statuses" + keys, tagged(keys)))
              .and(views.get(ComputeViews.DIVERGENCE).apply("Divergence" + keys, tagged(keys)));
    }
    PAssert.that(rows.apply(Flatten.pCollections()))
        .satisfies(
            all -> {
              Map<String, List<String>> runsOfRow = new TreeMap<>();
              for (String r : all) {
                int bar = r.indexOf('|');
                runsOfRow.computeIfAbsent(r.substring(bar + 1), k -> new ArrayList<>()).add(r.substring(0, bar));
              }
              List<String> expected = List.of("1", "256", "3");
              runsOfRow.forEach(
                  (row, runs) -> {
                    java.util.Collections.sort(runs);
                    assertEquals(expected, runs, row);
                  });
              assertEquals(true, runsOfRow.size() > 20, "rows: " + runsOfRow.size());
              return null;
            });
    p.run().waitUntilFinish();
  }

  /** Rows in the global window as "keys|row", so that runs can be told apart and compared. */
  private static <T> MapElements<T, String> tagged(int keys) {
    return MapElements.into(TypeDescriptors.strings()).via((T row) -> keys + "|" + row);
  }
}
