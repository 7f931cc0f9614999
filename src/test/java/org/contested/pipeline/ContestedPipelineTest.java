package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DeadLetter;
import org.contested.model.Divergence;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole graph on a small corpus: read, extract, window, aggregate, write, dead letters. */
class ContestedPipelineTest {
  @TempDir Path tmp;

  @Test
  void articlesToClaimsDivergenceAndDeadLetters() throws Exception {
    Path input = tmp.resolve("articles.jsonl");
    Files.write(input, List.of(
        "{\"id\":\"a1\",\"outlet\":\"Moscow Wire\",\"published_at\":\"2025-11-20\",\"title\":\"\","
            + "\"text\":\"The Russian defence ministry said its forces had captured Kupiansk.\",\"language\":\"en\"}",
        "{\"id\":\"a2\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-20T18:00:00Z\",\"title\":\"\","
            + "\"text\":\"The Ukrainian general staff denied that Kupiansk had fallen and said fighting continues in Kupiansk.\",\"language\":\"en\"}",
        "{not json"));
    Path out = tmp.resolve("out");
    ContestedOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + out)
        .as(ContestedOptions.class);
    TestPipeline pipeline = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    ContestedPipeline.Outputs outputs = ContestedPipeline.buildPipeline(pipeline, options);

    PAssert.that(outputs.claims()).satisfies(claims -> {
      List<Claim> all = StreamSupport.stream(claims.spliterator(), false).toList();
      assertTrue(all.stream().anyMatch(c -> c.locationName().equals("Kupiansk") && c.claimType() == ClaimType.CONTROL
          && "RU".equals(c.controller()) && c.polarity() == Polarity.AFFIRMED && c.claimantSide().equals("RU")), all.toString());
      assertTrue(all.stream().anyMatch(c -> c.locationName().equals("Kupiansk") && c.polarity() == Polarity.DENIED
          && c.claimantSide().equals("UA")), all.toString());
      return null;
    });
    PAssert.that(outputs.deadLetters()).satisfies(letters -> {
      List<DeadLetter> all = StreamSupport.stream(letters.spliterator(), false).toList();
      assertEquals(1, all.size(), all.toString());
      assertEquals(3, all.get(0).position());
      return null;
    });
    PAssert.that(outputs.divergence()).satisfies(rows -> {
      List<Divergence> sides = StreamSupport.stream(rows.spliterator(), false)
          .filter(d -> d.locationName().equals("Kupiansk") && d.sourceKind().name().equals("CLAIMANT_SIDE")).toList();
      assertEquals(1, sides.size(), sides.toString());
      assertEquals(2, sides.get(0).sources());
      assertTrue(sides.get(0).divergence() > 0.5 && sides.get(0).disagreement(), sides.toString());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
