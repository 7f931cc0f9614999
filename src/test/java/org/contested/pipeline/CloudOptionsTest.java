package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.contested.bigquery.BigQueryOutput;
import org.junit.jupiter.api.Test;

/** --runDate, --inputTable and bq: output: parsing and the one-line errors. */
class CloudOptionsTest {
  private static final Clock LATE_EVENING_IN_KYIV =
      Clock.fixed(Instant.parse("2025-11-21T22:30:00Z"), ZoneId.of("Europe/Kyiv"));

  @Test
  void runDateDefaultsToYesterdayInUtc() {
    // 00:30 on the 22nd in Kyiv is still the 21st in UTC, so yesterday is the 20th.
    assertEquals(List.of(LocalDate.parse("2025-11-20")), RunDates.parse(null, LATE_EVENING_IN_KYIV));
    assertEquals(List.of(LocalDate.parse("2025-11-20")), RunDates.parse(" ", LATE_EVENING_IN_KYIV));
  }

  @Test
  void runDateIsADayOrAnInclusiveRange() {
    assertEquals(List.of(LocalDate.parse("2024-02-28")),
        RunDates.parse("2024-02-28", LATE_EVENING_IN_KYIV));
    assertEquals(
        List.of(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-02-29"),
            LocalDate.parse("2024-03-01")),
        RunDates.parse("2024-02-28..2024-03-01", LATE_EVENING_IN_KYIV));
  }

  @Test
  void badRunDatesSayWhy() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RunDates.parse("2025-13-01", LATE_EVENING_IN_KYIV)).getMessage()
        .startsWith("--runDate=2025-13-01 is not YYYY-MM-DD"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RunDates.parse("2025-02-01..2025-01-01", LATE_EVENING_IN_KYIV)).getMessage()
        .contains("ends before it starts"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RunDates.parse("2000-01-01..2025-01-01", LATE_EVENING_IN_KYIV)).getMessage()
        .contains("split it into ranges"));
  }

  @Test
  void datedInputTemplatesExpandPerDay() {
    List<LocalDate> days = RunDates.parse("2025-11-30..2025-12-01", LATE_EVENING_IN_KYIV);
    assertEquals(List.of("gs://b/a/2025-11-30/*.jsonl", "gs://b/a/2025-12-01/*.jsonl"),
        RunDates.inputPatterns("gs://b/a/{date}/*.jsonl", days));
    assertEquals(List.of("gs://b/a/*.jsonl"), RunDates.inputPatterns("gs://b/a/*.jsonl", days));
    assertEquals("claims$20251130", RunDates.partition("claims", days.get(0)));
  }

  @Test
  void bigQueryOutputParses() {
    assertEquals(new BigQueryOutput("my-project", "contested"),
        BigQueryOutput.parse("bq:my-project:contested"));
    assertEquals(new BigQueryOutput("my-project", "contested_2"),
        BigQueryOutput.parse("bq:my-project.contested_2"));
    assertEquals("my-project:contested.claims",
        BigQueryOutput.parse("bq:my-project:contested").tableSpec("claims"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> BigQueryOutput.parse("bq:My_Project:x")).getMessage()
        .startsWith("--output=bq:My_Project:x is not bq:PROJECT:DATASET"));
  }

  private static ContestedOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ContestedOptions.class);
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class,
        () -> OptionsValidation.validate(options(args))).getMessage();
  }

  @Test
  void optionCombinationsAreChecked() {
    assertEquals("--runDate is for scheduled runs into BigQuery; it needs --output=bq:PROJECT:DATASET",
        error("--input=a.jsonl", "--output=out", "--runDate=2025-11-20"));
    assertEquals("--input with {date} needs --output=bq:PROJECT:DATASET",
        error("--input=gs://b/{date}/*.jsonl", "--output=out"));
    assertEquals("--inputTable is read by runs into BigQuery; it needs --output=bq:PROJECT:DATASET",
        error("--inputTable=my-project:news.articles", "--output=out"));
    assertEquals("give --input or --inputTable, not both",
        error("--input=a.jsonl", "--inputTable=p-roject:d.t", "--output=bq:my-project:d"));
    assertEquals("--inputTable=articles is not PROJECT:DATASET.TABLE",
        error("--inputTable=articles", "--output=bq:my-project:d"));
    assertTrue(error("--input=a.jsonl", "--output=bq:my-project:d", "--runDate=soon")
        .startsWith("--runDate=soon is not"));
    OptionsValidation.validate(options("--inputTable=my-project:news.articles",
        "--output=bq:my-project:contested", "--runDate=2025-11-20"));
  }

  @Test
  void theLocalRunEntryPointRefusesBigQueryOutput() {
    ContestedOptions o = options("--input=a.jsonl", "--output=bq:my-project:contested");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ContestedPipeline.run(o))
        .getMessage().contains("CloudRun"));
  }
}
