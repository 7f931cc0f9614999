package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole graph on the FlinkRunner in embedded mode ({@code --flinkMaster=[local]}), and the
 * same input on the DirectRunner: the tables must be the same lines.
 */
class FlinkRunnerTest {
  @TempDir Path tmp;

  @Test
  void flinkRunsTheWholePipelineAndWritesTheDirectRunnersTables() throws Exception {
    Path input = tmp.resolve("articles.jsonl");
    Files.write(input, List.of(
        "{\"id\":\"f1\",\"outlet\":\"Moscow Wire\",\"published_at\":\"2025-11-20\",\"title\":\"\","
            + "\"text\":\"The Russian defence ministry said its forces had captured Kupiansk.\",\"language\":\"en\"}",
        "{\"id\":\"f2\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-20T18:00:00Z\",\"title\":\"Front line\","
            + "\"text\":\"Shelling hit a school in the morning. The Ukrainian general staff denied that Kupiansk had fallen "
            + "and said fighting continues in Kupiansk.\",\"language\":\"en\"}",
        "{\"id\":\"f3\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-21\",\"title\":\"\","
            + "\"text\":\"Ukrainian forces liberated Kherson, the regional governor said.\",\"language\":\"en\"}",
        "{not json"));

    Path flinkOut = tmp.resolve("flink");
    ContestedOptions flink = options(input, flinkOut, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
    assertEquals(FlinkRunner.class, flink.getRunner());
    TestPipeline onFlink = TestPipeline.fromOptions(flink).enableAbandonedNodeEnforcement(true);
    ContestedPipeline.Outputs outputs = ContestedPipeline.buildPipeline(onFlink, flink);
    PAssert.that(outputs.claims()).satisfies(claims -> {
      List<Claim> all = StreamSupport.stream(claims.spliterator(), false).toList();
      assertTrue(all.stream().anyMatch(c -> c.locationName().equals("Kupiansk") && c.claimType() == ClaimType.CONTROL
          && "RU".equals(c.controller()) && c.polarity() == Polarity.AFFIRMED), all.toString());
      assertTrue(all.stream().anyMatch(c -> c.locationName().equals("Kherson") && "UA".equals(c.controller())), all.toString());
      return null;
    });
    onFlink.run().waitUntilFinish();

    Path directOut = tmp.resolve("direct");
    ContestedOptions direct = options(input, directOut, "--runner=DirectRunner");
    TestPipeline onDirect = TestPipeline.fromOptions(direct).enableAbandonedNodeEnforcement(true);
    ContestedPipeline.buildPipeline(onDirect, direct);
    onDirect.run().waitUntilFinish();

    for (String table : List.of("claims", "location_status", "divergence", "dead_letter")) {
      List<String> fromFlink = sortedLines(flinkOut.resolve(table));
      assertEquals(sortedLines(directOut.resolve(table)), fromFlink, table);
      if (!table.equals("dead_letter")) {
        assertFalse(fromFlink.isEmpty(), table + " is empty");
      }
    }
    assertEquals(1, sortedLines(flinkOut.resolve("dead_letter")).size());
  }

  static ContestedOptions options(Path input, Path out, String... runner) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + out, "--numShards=1"));
    args.addAll(List.of(runner));
    return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(ContestedOptions.class);
  }

  static List<String> sortedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.sort(null);
    return lines;
  }
}
