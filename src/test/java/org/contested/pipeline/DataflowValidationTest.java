package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.contested.bigquery.FakeBigQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --runner=DataflowRunner resolves and checks its options before anything is launched. */
class DataflowValidationTest {
  @TempDir Path tmp;

  private ContestedOptions options(String... extra) throws Exception {
    Path input = tmp.resolve("a.jsonl");
    Files.writeString(input, "{}\n");
    List<String> args = new java.util.ArrayList<>(List.of(
        "--runner=DataflowRunner", "--input=" + input, "--output=" + FakeBigQuery.output(),
        "--runDate=2025-11-20", "--project=" + FakeBigQuery.PROJECT));
    args.addAll(List.of(extra));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ContestedOptions.class);
  }

  @Test
  void theDataflowRunnerIsOnTheClasspath() throws Exception {
    assertEquals(DataflowRunner.class, options().getRunner());
  }

  @Test
  void missingRegionFailsBeforeAnyTableIsTouched() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CloudRun.run(options("--tempLocation=gs://contested-test-bucket/tmp"), bq.services));
    assertTrue(e.getMessage().contains("region"), e.getMessage());
    assertTrue(bq.rows("claims").isEmpty());
    assertEquals(null, bq.datasets.getTable(
        org.contested.bigquery.BigQueryOutput.parse(FakeBigQuery.output()).table("claims")),
        "no table was created");
  }

  @Test
  void aLocalTempLocationIsRefused() throws Exception {
    FakeBigQuery bq = FakeBigQuery.create();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CloudRun.run(
            options("--region=europe-west1", "--tempLocation=" + tmp.resolve("t")), bq.services));
    assertTrue(e.getMessage().contains("gs://") || e.getMessage().contains("GCS")
        || e.getMessage().contains("gcpTempLocation"), e.getMessage());
  }
}
