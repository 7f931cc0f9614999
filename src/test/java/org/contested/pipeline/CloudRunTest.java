package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.TableRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.contested.bigquery.BigQueryOutput;
import org.contested.bigquery.FakeBigQuery;
import org.contested.bigquery.TableSetup;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily runs into BigQuery against Beam's FakeBigQueryServices. */
class CloudRunTest {
  @TempDir Path tmp;

  private static final String RU_20 =
      "{\"id\":\"a1\",\"outlet\":\"Moscow Wire\",\"published_at\":\"2025-11-20T08:00:00Z\","
          + "\"text\":\"The Russian defence ministry said its forces had captured Kupiansk.\","
          + "\"language\":\"en\"}";
  private static final String UA_20 =
      "{\"id\":\"a2\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-20T18:00:00Z\","
          + "\"text\":\"The Ukrainian general staff denied that Kupiansk had fallen and said "
          + "fighting continues in Kupiansk.\",\"language\":\"en\"}";
  private static final String UA_21 =
      "{\"id\":\"a3\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-21T10:00:00Z\","
          + "\"text\":\"The Ukrainian general staff said fighting continues in Kupiansk.\","
          + "\"language\":\"en\"}";

  private void runDay(FakeBigQuery bq, Path input, String runDate, String... extra)
      throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(
        "--input=" + input,
        "--output=" + FakeBigQuery.output(),
        "--runDate=" + runDate,
        "--window=P7D",
        "--tempLocation=" + tmp.resolve("temp"),
        "--project=" + FakeBigQuery.PROJECT));
    args.addAll(List.of(extra));
    ContestedOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ContestedOptions.class);
    OptionsValidation.validate(options);
    BigQueryOutput output = BigQueryOutput.parse(options.getOutput());
    TableSetup.ensureTables(output, options.as(BigQueryOptions.class), bq.services);
    List<LocalDate> days = RunDates.parse(options.getRunDate(), Clock.systemUTC());
    TestPipeline pipeline = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    CloudRun.build(
        pipeline, options, output, days, RunDates.inputPatterns(options.getInput(), days), bq.services);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void writesEveryTableAndRerunningADayChangesNothing() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    Path day = tmp.resolve("articles.jsonl");
    Files.write(day, List.of(RU_20, UA_20, UA_21, "{not json"));

    runDay(bq, day, "2025-11-20");

    List<TableRow> claims = bq.rows("claims");
    assertFalse(claims.isEmpty());
    for (TableRow c : claims) {
      // Only the run day's articles: a3 (21 November) belongs to the next day's run.
      assertEquals(LocalDate.parse("2025-11-20"), FakeBigQuery.day(c.get("published_at")), c.toString());
      assertTrue(List.of("a1", "a2").contains(c.get("article_id")), c.toString());
    }
    assertFalse(bq.rows("location_status").isEmpty());
    List<TableRow> divergence = bq.rows("divergence");
    assertTrue(divergence.stream().anyMatch(d -> "Kupiansk".equals(d.get("location_name"))
        && "CLAIMANT_SIDE".equals(d.get("source_kind"))
        && Boolean.TRUE.equals(d.get("disagreement"))), divergence.toString());
    List<TableRow> dead = bq.rows("dead_letter");
    assertEquals(1, dead.size(), dead.toString());
    assertEquals(LocalDate.parse("2025-11-20"), FakeBigQuery.day(dead.get(0).get("run_date")));
    assertTrue(String.valueOf(dead.get(0).get("reason")).startsWith("malformed JSON"));

    List<List<String>> before = List.of(
        bq.snapshot("claims"), bq.snapshot("location_status"), bq.snapshot("divergence"),
        bq.snapshot("dead_letter"));
    runDay(bq, day, "2025-11-20");
    List<List<String>> after = List.of(
        bq.snapshot("claims"), bq.snapshot("location_status"), bq.snapshot("divergence"),
        bq.snapshot("dead_letter"));
    assertEquals(before, after);
  }
}
