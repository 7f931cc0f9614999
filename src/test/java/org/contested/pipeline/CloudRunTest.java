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
        "--tempLocation=" + tmp.resolve("temp"),
        "--project=" + FakeBigQuery.PROJECT));
    args.addAll(List.of(extra));
    if (args.stream().noneMatch(a -> a.startsWith("--window="))) {
      args.add("--window=P7D");
    }
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

  @Test
  void nextDayRecomputesTheSharedWindowFromStoredClaims() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    Path dir = tmp.resolve("articles");
    Files.createDirectories(dir.resolve("2025-11-20"));
    Files.createDirectories(dir.resolve("2025-11-21"));
    Files.write(dir.resolve("2025-11-20/a.jsonl"), List.of(RU_20, UA_20));
    Files.write(dir.resolve("2025-11-21/a.jsonl"), List.of(UA_21));
    Path template = dir.resolve("{date}/*.jsonl");

    runDay(bq, template, "2025-11-20");
    List<String> day1Claims = bq.snapshot("claims");
    long uaBefore = uaKupianskClaims(bq);

    runDay(bq, template, "2025-11-21");
    List<TableRow> claims = bq.rows("claims");
    long newUa = claims.stream()
        .filter(c -> FakeBigQuery.day(c.get("published_at")).equals(LocalDate.parse("2025-11-21"))
            && "UA".equals(c.get("claimant_side")) && "Kupiansk".equals(c.get("location_name")))
        .count();
    assertTrue(newUa > 0, claims.toString());
    // Day 1's partition is untouched, and the week both days fall in now counts the claims of
    // both: the stored ones were read back from the claims table.
    List<String> stillDay1 = new java.util.ArrayList<>(bq.snapshot("claims"));
    stillDay1.removeIf(r -> !r.contains("article_id=a1") && !r.contains("article_id=a2"));
    assertEquals(day1Claims, stillDay1);
    assertEquals(uaBefore + newUa, uaKupianskClaims(bq));
    // One row per window, source and place: the window's partition was replaced, not appended to.
    List<TableRow> statuses = bq.rows("location_status");
    assertEquals(statuses.size(), statuses.stream()
        .map(r -> List.of(r.get("window_start"), r.get("source_kind"), r.get("source"),
            r.get("location_id")).toString()).distinct().count());
  }

  /** claims of the UA side's view of Kupiansk in the week of 17 November 2025. */
  private static long uaKupianskClaims(FakeBigQuery bq) throws Exception {
    return bq.rows("location_status").stream()
        .filter(r -> "CLAIMANT_SIDE".equals(r.get("source_kind")) && "UA".equals(r.get("source"))
            && "Kupiansk".equals(r.get("location_name"))
            && FakeBigQuery.day(r.get("window_start")).equals(LocalDate.parse("2025-11-17")))
        .mapToLong(r -> Long.parseLong(String.valueOf(r.get("claims"))))
        .reduce((a, b) -> {
          throw new AssertionError("two rows for one window and source");
        })
        .orElseThrow();
  }

  @Test
  void rowsBigQueryRejectsLandInDeadLetter() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    // BigQuery refuses every claims row quoting the Ukrainian denial.
    bq.datasets.setShouldFailRow(
        (java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
            row -> String.valueOf(row.get("evidence")).contains("denied"));
    Path day = tmp.resolve("articles.jsonl");
    Files.write(day, List.of(RU_20, UA_20));

    runDay(bq, day, "2025-11-20");

    List<TableRow> claims = bq.rows("claims");
    assertFalse(claims.isEmpty());
    assertTrue(claims.stream().noneMatch(c -> String.valueOf(c.get("evidence")).contains("denied")));
    List<TableRow> dead = bq.rows("dead_letter");
    assertFalse(dead.isEmpty(), "rejected rows are kept");
    for (TableRow d : dead) {
      assertEquals("bigquery:" + FakeBigQuery.PROJECT + ":" + FakeBigQuery.DATASET + ".claims",
          d.get("source"));
      assertTrue(String.valueOf(d.get("reason")).startsWith("rejected by BigQuery: "), d.toString());
      assertTrue(String.valueOf(d.get("payload")).contains("denied"), d.toString());
      assertTrue(String.valueOf(d.get("payload")).contains("\"article_id\":\"a2\""), d.toString());
    }
  }

  @Test
  void readsArticlesFromABigQueryTableThroughTheColumnMapping() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    com.google.api.services.bigquery.model.TableReference ref =
        BigQueryOutput.parse(FakeBigQuery.output()).table("raw_articles");
    bq.datasets.createTable(new com.google.api.services.bigquery.model.Table()
        .setTableReference(ref)
        .setSchema(new com.google.api.services.bigquery.model.TableSchema().setFields(new java.util.ArrayList<>(List.of(
            new com.google.api.services.bigquery.model.TableFieldSchema().setName("doc").setType("STRING"),
            new com.google.api.services.bigquery.model.TableFieldSchema().setName("site").setType("STRING"),
            new com.google.api.services.bigquery.model.TableFieldSchema().setName("ts").setType("TIMESTAMP"),
            new com.google.api.services.bigquery.model.TableFieldSchema().setName("body").setType("STRING"))))));
    bq.datasets.insertAll(ref, List.of(
        new TableRow().set("doc", "t1").set("site", "Moscow Wire").set("ts", "2025-11-20 08:00:00 UTC")
            .set("body", "The Russian defence ministry said its forces had captured Kupiansk."),
        new TableRow().set("doc", "t2").set("site", "Kyiv Wire").set("ts", "2025-11-20 09:00:00 UTC")
            .set("body", "")), null);

    ContestedOptions options = PipelineOptionsFactory.fromArgs(
            "--inputTable=" + FakeBigQuery.PROJECT + ":" + FakeBigQuery.DATASET + ".raw_articles",
            "--columns=id=doc,outlet=site,published_at=ts,text=body",
            "--output=" + FakeBigQuery.output(),
            "--runDate=2025-11-20",
            "--tempLocation=" + tmp.resolve("temp"),
            "--project=" + FakeBigQuery.PROJECT)
        .as(ContestedOptions.class);
    OptionsValidation.validate(options);
    BigQueryOutput output = BigQueryOutput.parse(options.getOutput());
    TableSetup.ensureTables(output, options.as(BigQueryOptions.class), bq.services);
    TestPipeline pipeline = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    CloudRun.build(pipeline, options, output, List.of(LocalDate.parse("2025-11-20")), List.of(),
        bq.services);
    pipeline.run().waitUntilFinish();

    List<TableRow> claims = bq.rows("claims");
    assertTrue(claims.stream().anyMatch(c -> "t1".equals(c.get("article_id"))
        && "Moscow Wire".equals(c.get("outlet")) && "Kupiansk".equals(c.get("location_name"))),
        claims.toString());
    List<TableRow> dead = bq.rows("dead_letter");
    assertEquals(1, dead.size(), dead.toString());
    assertTrue(String.valueOf(dead.get(0).get("reason")).startsWith("no text"), dead.toString());
    assertTrue(String.valueOf(dead.get(0).get("payload")).contains("\"doc\":\"t2\""), dead.toString());
  }

  @Test
  void aRerunWhoseInputLostAClaimClearsThatClaimsWindow() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    String past =
        "{\"id\":\"a4\",\"outlet\":\"Moscow Wire\",\"published_at\":\"2025-11-20T12:00:00Z\","
            + "\"text\":\"On 15 November the Russian defence ministry said its forces had "
            + "captured Kupiansk.\",\"language\":\"en\"}";
    Path day = tmp.resolve("articles.jsonl");
    Files.write(day, List.of(RU_20, UA_20, past));
    runDay(bq, day, "2025-11-20", "--window=P1D");
    List<TableRow> withPast = bq.rows("location_status");
    assertTrue(withPast.stream().anyMatch(r ->
        FakeBigQuery.day(r.get("window_start")).equals(LocalDate.parse("2025-11-15"))),
        withPast.toString());

    // The corrected input no longer has the article about 15 November.
    Files.write(day, List.of(RU_20, UA_20));
    runDay(bq, day, "2025-11-20", "--window=P1D");
    for (String table : List.of("location_status", "divergence")) {
      List<TableRow> rows = bq.rows(table);
      assertFalse(rows.isEmpty(), table);
      assertTrue(rows.stream().allMatch(r ->
          FakeBigQuery.day(r.get("window_start")).equals(LocalDate.parse("2025-11-20"))),
          table + ": " + rows);
    }
    assertTrue(bq.rows("claims").stream().noneMatch(c -> "a4".equals(c.get("article_id"))));
  }
}
