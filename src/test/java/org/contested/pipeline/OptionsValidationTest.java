package org.contested.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsValidationTest {
  @TempDir Path tmp;

  private static ContestedOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ContestedOptions.class);
  }

  private static String failure(String... args) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OptionsValidation.validate(options(args)));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void defaultsAreDailyFixedWindowsOverRuAndUa() {
    ContestedOptions o = options("--input=a.jsonl", "--output=out");
    WindowSpec spec = OptionsValidation.validate(o);
    assertEquals("auto", o.getFormat());
    assertEquals("P1D", o.getWindow());
    assertEquals(1, o.getNumShards());
    assertEquals(List.of("RU", "UA"), OptionsValidation.parties(o.getParties()));
    assertEquals(FixedWindows.of(org.joda.time.Duration.standardDays(1)), spec.windowFn());
  }

  @Test
  void missingInputOrOutputFails() {
    assertTrue(failure("--output=out").startsWith("--input is required"));
    assertTrue(failure("--input=a.jsonl").startsWith("--output is required"));
  }

  @Test
  void windowSpecsAreCheckedBeforeAnythingRuns() {
    assertTrue(failure("--input=a", "--output=o", "--window=P2X").contains("not an ISO-8601 period"));
    assertTrue(failure("--input=a", "--output=o", "--window=PT12H").contains("not an ISO-8601"));
    assertTrue(failure("--input=a", "--output=o", "--window=P1M2D").contains("mixes months and days"));
    assertTrue(failure("--input=a", "--output=o", "--window=P1D", "--every=P7D").contains("longer than"));
    assertTrue(failure("--input=a", "--output=o", "--window=P1M", "--every=P1D").contains("--every needs"));
    assertTrue(failure("--input=a", "--output=o", "--window=P0D").contains("empty period"));
  }

  @Test
  void windowSpecsMapToBeamWindowFns() {
    assertTrue(WindowSpec.parse("P7D", "P1D").windowFn() instanceof SlidingWindows);
    assertTrue(WindowSpec.parse("P1M", null).windowFn() instanceof CalendarWindows.MonthsWindows);
    assertTrue(WindowSpec.parse("P1Y", "").windowFn() instanceof CalendarWindows.YearsWindows);
    assertTrue(WindowSpec.parse("P2W", null).windowFn() instanceof FixedWindows);
    assertFalse(WindowSpec.parse("P7D", null).isSliding());
  }

  @Test
  void otherOptionsAreChecked() {
    assertTrue(failure("--input=a", "--output=o", "--format=xml").startsWith("--format=xml"));
    assertTrue(failure("--input=a", "--output=o", "--columns=title").startsWith("--columns"));
    assertTrue(failure("--input=a", "--output=o", "--parties=RU,UA,RU").contains("twice"));
    assertTrue(failure("--input=a", "--output=o", "--parties=RU,CONTESTED").contains("CONTESTED"));
    assertTrue(failure("--input=a", "--output=o", "--numShards=-1").startsWith("--numShards"));
    assertEquals(
        List.of("IL", "PS"), OptionsValidation.parties(" il , ps "));
  }

  @Test
  void runFailsOnAnInputThatMatchesNothingBeforeBuildingThePipeline() {
    ContestedOptions o =
        options("--input=" + tmp.resolve("nothing-*.jsonl"), "--output=" + tmp.resolve("out"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ContestedPipeline.run(o));
    assertTrue(e.getMessage().endsWith("matches no files"), e.getMessage());
  }

  @Test
  void runFailsOnABadWindowBeforeLookingAtFiles() throws IOException {
    ContestedOptions o = options("--input=x", "--output=y", "--window=weekly");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ContestedPipeline.run(o));
    assertTrue(e.getMessage().startsWith("--window=weekly"), e.getMessage());
  }
}
