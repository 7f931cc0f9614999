package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DeadLetter;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph after extraction, on hand-made claims, through to the tables and run summary. */
class AggregateAndWriteTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @TempDir Path out;

  @Test
  void countsRowsDeadLettersAndTheMostDivergentLocations() throws Exception {
    ContestedOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=unused", "--output=" + out, "--window=P7D", "--every=P1D")
            .as(ContestedOptions.class);
    List<Claim> claims =
        List.of(
            claim("1").side("RU").outlet("Agency").at("geonames:1", "Kupiansk").build(),
            claim("2").side("UA").outlet("Paper").at("geonames:1", "Kupiansk")
                .says(ClaimType.CONTROL, "UA", Polarity.AFFIRMED).build(),
            claim("3").side("UA").outlet("Paper").at("geonames:2", "Vovchansk")
                .says(ClaimType.CONTESTED, null, Polarity.AFFIRMED).build(),
            claim("4").side("OTHER").outlet("Wire").at("geonames:1", "Kupiansk")
                .says(ClaimType.CONTROL, "OTHER", Polarity.AFFIRMED).build());
    PCollection<Claim> extracted = p.apply("Claims", Create.of(claims));
    PCollection<DeadLetter> readDead =
        p.apply("ReadDead", Create.of(DeadLetter.of("a.jsonl", 3, "bad json", "{")));
    PCollection<DeadLetter> extractionDead =
        p.apply("ExtractionDead", Create.of(DeadLetter.of("a.jsonl", 9, "extractor threw", "x")));

    ContestedPipeline.Outputs outputs =
        ContestedPipeline.aggregateAndWrite(extracted, readDead, extractionDead, options);
    PAssert.that(outputs.claims()).containsInAnyOrder(claims);
    PAssert.that(outputs.deadLetters())
        .containsInAnyOrder(
            DeadLetter.of("a.jsonl", 3, "bad json", "{"),
            DeadLetter.of("a.jsonl", 9, "extractor threw", "x"));

    long started = System.currentTimeMillis();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    RunSummary summary =
        RunSummary.collect(options, result.metrics(), started, System.currentTimeMillis());

    Map<String, Long> counts = summary.counts();
    assertEquals(4L, counts.get("claims"));
    assertEquals(1L, counts.get("unmapped_claims"), "counted once, not once per sliding window");
    assertEquals(1L, counts.get("extraction_failures"));
    assertEquals(2L, counts.get("dead_letters"));
    // Seven 7-day windows hold each claim; Kupiansk has 2 sides + 2 outlets, Vovchansk 1 + 1.
    assertEquals(7L * 6, counts.get("location_status_rows"));
    assertEquals(7L * 4, counts.get("divergence_rows"));

    List<JsonNode> top = summary.top();
    assertEquals(2, top.size());
    assertEquals("Kupiansk", top.get(0).get("location_name").asText());
    assertEquals(1.0, top.get(0).get("divergence").asDouble(), 1e-9);
    assertEquals("2025-11-20T00:00:00Z", top.get(0).get("window_start").asText());
    assertEquals("CLAIMANT_SIDE", top.get(0).get("source_kind").asText());
    assertEquals("Vovchansk", top.get(1).get("location_name").asText());
    assertTrue(summary.toText().contains("Kupiansk"));

    summary.writeJson(out.toString());
    JsonNode run = new ObjectMapper().readTree(Files.readString(out.resolve("run.json")));
    assertEquals("P7D", run.get("options").get("window").asText());
    assertEquals(org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getSdkVersion(),
        run.get("versions").get("beam_sdk").asText());
    assertEquals(4, run.get("counts").get("claims").asInt());
    assertTrue(run.get("wall_time_seconds").asDouble() >= 0);
    assertEquals(2, run.get("top_divergent").size());
  }
}
