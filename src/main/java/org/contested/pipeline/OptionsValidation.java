package org.contested.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks options before any pipeline is built, so that a bad value fails in one line instead of
 * deep inside a runner. Each check throws {@link IllegalArgumentException} whose message names
 * the option.
 */
public final class OptionsValidation {
  public static final Set<String> FORMATS = Set.of("auto", "jsonl", "json", "csv", "tsv", "text");

  private OptionsValidation() {}

  /** Validates every option; returns the parsed window spec for convenience. */
  public static WindowSpec validate(ContestedOptions options) {
    if (isBlank(options.getInput()) && isBlank(options.getInputTable())) {
      throw new IllegalArgumentException("--input is required: a file, glob or gs:// pattern");
    }
    if (isBlank(options.getOutput())) {
      throw new IllegalArgumentException("--output is required: the directory for the tables");
    }
    validateCloud(options);
    String format = options.getFormat() == null ? "" : options.getFormat().trim();
    if (!FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "--format=" + options.getFormat() + " is not one of auto, jsonl, json, csv, tsv, text");
    }
    if (!isBlank(options.getColumns())) {
      for (String pair : options.getColumns().split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException(
              "--columns has '" + pair.trim() + "'; expected field=column pairs like "
                  + "title=headline,published_at=date");
        }
      }
    }
    parties(options.getParties());
    if (options.getNumShards() < 0) {
      throw new IllegalArgumentException(
          "--numShards=" + options.getNumShards() + " must be 0 (runner decides) or more");
    }
    return WindowSpec.parse(options.getWindow(), options.getEvery());
  }

  /** {@code --inputTable}, {@code --runDate} and {@code bq:} output (see CloudRun). */
  static void validateCloud(ContestedOptions options) {
    if (!isBlank(options.getInput()) && !isBlank(options.getInputTable())) {
      throw new IllegalArgumentException("give --input or --inputTable, not both");
    }
    if (!isBlank(options.getInputTable())
        && !options.getInputTable().trim().matches("[a-z][-a-z0-9.:]*[:.][A-Za-z0-9_]+\\.[-A-Za-z0-9_$]+")) {
      throw new IllegalArgumentException(
          "--inputTable=" + options.getInputTable() + " is not PROJECT:DATASET.TABLE");
    }
    boolean bigQuery = org.contested.bigquery.BigQueryOutput.isBigQuery(options.getOutput());
    if (bigQuery) {
      org.contested.bigquery.BigQueryOutput.parse(options.getOutput());
      RunDates.parse(options.getRunDate(), java.time.Clock.systemUTC());
    } else {
      if (!isBlank(options.getInputTable())) {
        throw new IllegalArgumentException(
            "--inputTable is read by runs into BigQuery; it needs --output=bq:PROJECT:DATASET");
      }
      if (!isBlank(options.getRunDate())) {
        throw new IllegalArgumentException(
            "--runDate is for scheduled runs into BigQuery; it needs --output=bq:PROJECT:DATASET");
      }
      if (!isBlank(options.getInput()) && options.getInput().contains(RunDates.DATE_PLACEHOLDER)) {
        throw new IllegalArgumentException(
            "--input with " + RunDates.DATE_PLACEHOLDER + " needs --output=bq:PROJECT:DATASET");
      }
    }
  }

  /**
   * The party codes of {@code --parties}, in the given order, upper-cased.
   *
   * @throws IllegalArgumentException when empty, duplicated or naming the CONTESTED status
   */
  public static List<String> parties(String value) {
    if (isBlank(value)) {
      throw new IllegalArgumentException("--parties is empty; give party codes like RU,UA");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String p : value.split(",")) {
      String code = p.trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        throw new IllegalArgumentException("--parties=" + value + " has an empty party code");
      }
      if (code.equals(StatusMapping.CONTESTED)) {
        throw new IllegalArgumentException(
            "--parties cannot name CONTESTED: it is always a status of its own");
      }
      if (!out.add(code)) {
        throw new IllegalArgumentException("--parties=" + value + " names " + code + " twice");
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
