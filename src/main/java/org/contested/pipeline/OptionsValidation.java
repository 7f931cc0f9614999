package org.contested.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.contested.core.ConflictProfile;

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
    GroupingKeys.of(options);
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
   * Checks what the options point at, through Beam's FileSystems (local paths and gs:// alike):
   * the gazetteer and profile can be opened (and the profile parsed; the gazetteer's first line
   * looks like a GeoNames row), and the output directory takes a file. Call after {@link
   * #validate} and {@code FileSystems.setDefaultPipelineOptions}.
   *
   * @throws IllegalArgumentException with a one-line message naming the option and the fix
   */
  public static void checkResources(ContestedOptions options) {
    if (!isBlank(options.getGazetteer())) {
      String first = firstLine(options.getGazetteer(), "--gazetteer",
          "a GeoNames-style TSV file (docs/gazetteer.md), or leave --gazetteer unset for the bundled one");
      if (first.split("\t", -1).length < 5) {
        throw new IllegalArgumentException(
            "--gazetteer=" + options.getGazetteer() + " does not look like a GeoNames TSV (its first"
                + " line has no tab-separated columns); give a file built by"
                + " scripts/build-gazetteer.sh or leave --gazetteer unset");
      }
    }
    if (!isBlank(options.getProfile())) {
      try (InputStream in = open(options.getProfile())) {
        ConflictProfile.load(in);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "--profile=" + options.getProfile() + " cannot be read as a conflict profile ("
                + oneLine(e) + "); give a readable JSON profile like"
                + " src/main/resources/profiles/russia-ukraine.json, or leave --profile unset");
      }
    }
    checkWritable(options.getOutput());
  }

  private static String firstLine(String path, String option, String fix) {
    try (InputStream raw = open(path);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    path.endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
      String line = r.readLine();
      return line == null ? "" : line;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          option + "=" + path + " cannot be read (" + oneLine(e) + "); give " + fix);
    }
  }

  private static InputStream open(String path) throws IOException {
    return Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()));
  }

  /** Creates and removes a probe file in the output directory. */
  static void checkWritable(String output) {
    if (output.startsWith("bq:")) {
      return; // BigQuery outputs are checked by the BigQuery run itself
    }
    String dir = output.endsWith("/") ? output : output + "/";
    try {
      if (!dir.contains("://")) {
        Files.createDirectories(Path.of(dir));
      }
      ResourceId probe = FileSystems.matchNewResource(dir + ".contested-write-check", false);
      try (OutputStream out =
          Channels.newOutputStream(FileSystems.create(probe, "application/octet-stream"))) {
        out.write('\n');
      }
      FileSystems.delete(List.of(probe), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--output=" + output + " is not writable (" + oneLine(e) + "); choose a directory you"
              + " can write to");
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
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
