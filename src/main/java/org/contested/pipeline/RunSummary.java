package org.contested.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.contested.io.FileCounts;

/**
 * What a run did: options, versions, wall time, counts from the run's metrics and the most
 * divergent locations read back from the divergence table. Written as {@code run.json} and
 * printed as text.
 */
public final class RunSummary {
  /** How many locations the summary lists. */
  public static final int TOP = 10;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object> options;
  private final Map<String, String> versions;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Map<String, Long> counts;
  private final Map<String, Boolean> checks;
  private final Map<String, Map<String, Object>> files;
  private final List<JsonNode> top;

  private RunSummary(
      Map<String, Object> options,
      Map<String, String> versions,
      Instant startedAt,
      Instant finishedAt,
      Map<String, Long> counts,
      Map<String, Boolean> checks,
      Map<String, Map<String, Object>> files,
      List<JsonNode> top) {
    this.options = options;
    this.versions = versions;
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.counts = counts;
    this.checks = checks;
    this.files = files;
    this.top = top;
  }

  /** Gathers the summary of a finished run whose tables are under {@code options.getOutput()}. */
  public static RunSummary collect(
      ContestedOptions options, MetricResults metrics, long startedMillis, long finishedMillis)
      throws IOException {
    Map<String, Long> counters = counters(metrics);
    Map<String, Long> counts = counts(counters);
    Map<String, Boolean> checks = new LinkedHashMap<>();
    checks.put(
        "records_read = articles + read_dead_letters",
        counts.get("records_read") == counts.get("articles") + counts.get("read_dead_letters"));
    checks.put(
        "dead_letters = read_dead_letters + extraction_failures",
        counts.get("dead_letters")
            == counts.get("read_dead_letters") + counts.get("extraction_failures"));
    Map<String, Map<String, Object>> files = files(metrics);
    checks.put(
        "per file: records_read = articles + dead_letters",
        files.values().stream()
            .allMatch(f -> f.get("records_read").equals(
                (Long) f.get("articles") + (Long) f.get("dead_letters"))));
    return new RunSummary(
        options(options),
        versions(),
        Instant.ofEpochMilli(startedMillis),
        Instant.ofEpochMilli(finishedMillis),
        counts,
        checks,
        files,
        topDivergent(options.getOutput(), TOP));
  }

  /** Sums of every counter in the contested namespace, by name, over all steps. */
  static Map<String, Long> counters(MetricResults metrics) {
    MetricQueryResults q =
        metrics.queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(ContestedMetrics.NAMESPACE))
                .build());
    Map<String, Long> out = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      // Attempted values: every runner reports them; committed ones not (Flink).
      Long v = c.getAttempted();
      out.merge(c.getName().getName(), v == null ? 0L : v, Long::sum);
    }
    return out;
  }

  /**
   * Per input file, sorted by file name: records_read, articles, dead_letters, dead_letters by
   * reason category, extraction_failures and claims, from the {@link FileCounts} counters.
   */
  static Map<String, Map<String, Object>> files(MetricResults metrics) {
    MetricQueryResults q =
        metrics.queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(FileCounts.NAMESPACE))
                .build());
    Map<String, Map<String, Long>> raw = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      String[] kindAndFile = FileCounts.parse(c.getName().getName());
      if (kindAndFile != null) {
        Long v = c.getAttempted();
        raw.computeIfAbsent(kindAndFile[1], k -> new TreeMap<>())
            .merge(kindAndFile[0], v == null ? 0L : v, Long::sum);
      }
    }
    Map<String, Map<String, Object>> out = new TreeMap<>();
    raw.forEach(
        (file, kinds) -> {
          Map<String, Long> byReason = new TreeMap<>();
          kinds.forEach(
              (kind, n) -> {
                if (kind.startsWith(FileCounts.DEAD_LETTER_PREFIX)) {
                  byReason.put(
                      kind.substring(FileCounts.DEAD_LETTER_PREFIX.length(), kind.length() - 1), n);
                }
              });
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("records_read", kinds.getOrDefault(FileCounts.RECORDS_READ, 0L));
          f.put("articles", kinds.getOrDefault(FileCounts.ARTICLES, 0L));
          f.put("dead_letters", byReason.values().stream().mapToLong(Long::longValue).sum());
          f.put("dead_letters_by_reason", byReason);
          f.put("extraction_failures", kinds.getOrDefault(FileCounts.EXTRACTION_FAILURES, 0L));
          f.put("claims", kinds.getOrDefault(FileCounts.CLAIMS, 0L));
          out.put(file, f);
        });
    return out;
  }

  /** The counts of run.json, in a fixed order, from raw counter sums. */
  static Map<String, Long> counts(Map<String, Long> c) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("records_read", c.getOrDefault(ContestedMetrics.RECORDS_READ, 0L));
    out.put("articles", c.getOrDefault(ContestedMetrics.ARTICLES, 0L));
    out.put("read_dead_letters", c.getOrDefault(ContestedMetrics.DEAD_LETTERS, 0L));
    out.put("extraction_failures", c.getOrDefault(ContestedMetrics.EXTRACTION_FAILURES, 0L));
    out.put("dead_letters", c.getOrDefault(ContestedMetrics.DEAD_LETTER_ROWS, 0L));
    out.put("claims", c.getOrDefault(ContestedMetrics.CLAIMS, 0L));
    out.put("unmapped_claims", c.getOrDefault(ContestedMetrics.UNMAPPED_CLAIMS, 0L));
    out.put("location_status_rows", c.getOrDefault(ContestedMetrics.LOCATION_STATUS_ROWS, 0L));
    out.put("divergence_rows", c.getOrDefault(ContestedMetrics.DIVERGENCE_ROWS, 0L));
    return out;
  }

  private static Map<String, Object> options(ContestedOptions o) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("input", o.getInput());
    out.put("format", o.getFormat());
    out.put("columns", o.getColumns());
    out.put("gazetteer", o.getGazetteer());
    out.put("profile", o.getProfile());
    out.put("parties", OptionsValidation.parties(o.getParties()));
    out.put("window", o.getWindow());
    out.put("every", o.getEvery());
    out.put("output", o.getOutput());
    out.put("num_shards", o.getNumShards());
    out.put("runner", o.getRunner() == null ? null : o.getRunner().getSimpleName());
    return out;
  }

  static Map<String, String> versions() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("contested", projectVersion());
    out.put("beam_sdk", ReleaseInfo.getReleaseInfo().getSdkVersion());
    out.put("java", System.getProperty("java.version"));
    return out;
  }

  /** The version Maven put in the jar; "unknown" when running from unpacked classes. */
  static String projectVersion() {
    try (InputStream in =
        RunSummary.class.getResourceAsStream(
            "/META-INF/maven/org.contested/contested/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The most divergent row of each location, best first, from the written divergence table:
   * higher divergence, then more sources, more claims, later window, then location id.
   */
  static List<JsonNode> topDivergent(String outputDir, int limit) throws IOException {
    Map<String, JsonNode> best = new TreeMap<>();
    for (JsonNode row : readTable(outputDir, "divergence")) {
      best.merge(row.path("location_id").asText(), row, (a, b) -> RANK.compare(a, b) <= 0 ? a : b);
    }
    List<JsonNode> rows = new ArrayList<>(best.values());
    rows.sort(RANK);
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  private static final Comparator<JsonNode> RANK =
      Comparator.<JsonNode>comparingDouble(n -> -n.path("divergence").asDouble())
          .thenComparingLong(n -> -n.path("sources").asLong())
          .thenComparingLong(n -> -n.path("claims").asLong())
          .thenComparing(n -> n.path("window_start").asText(), Comparator.reverseOrder())
          .thenComparing(n -> n.path("location_id").asText())
          .thenComparing(n -> n.path("source_kind").asText());

  /** Every row of one written table (all shards), parsed. */
  public static List<JsonNode> readTable(String outputDir, String table) throws IOException {
    MatchResult m =
        FileSystems.match(WriteTables.prefix(outputDir, table) + "-*", EmptyMatchTreatment.ALLOW);
    List<JsonNode> rows = new ArrayList<>();
    if (m.status() != MatchResult.Status.OK) {
      return rows;
    }
    List<MatchResult.Metadata> files = new ArrayList<>(m.metadata());
    files.sort(Comparator.comparing(md -> md.resourceId().toString()));
    for (MatchResult.Metadata md : files) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  Channels.newInputStream(FileSystems.open(md.resourceId())),
                  StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    return rows;
  }

  /** Writes {@code <outputDir>/run.json}. */
  public void writeJson(String outputDir) throws IOException {
    String dir = outputDir.endsWith("/") ? outputDir : outputDir + "/";
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(
                FileSystems.matchNewResource(dir + "run.json", false), "application/json"))) {
      out.write(JSON.writeValueAsBytes(toMap()));
      out.write('\n');
    }
  }

  /** The run.json document. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("options", options);
    out.put("versions", versions);
    out.put("started_at", startedAt.toString());
    out.put("finished_at", finishedAt.toString());
    out.put("wall_time_seconds", (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    out.put("counts", counts);
    out.put("checks", checks);
    out.put("files", files);
    out.put("top_divergent", top);
    return out;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  /** Per-file accounting, by file name (see {@link #files(MetricResults)}). */
  public Map<String, Map<String, Object>> files() {
    return files;
  }

  public List<JsonNode> top() {
    return top;
  }

  /** A few lines for the terminal. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "contested: done in %.1f s, tables under %s%n",
            (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0,
            options.get("output")));
    counts.forEach((k, v) -> sb.append(String.format("  %-22s %d%n", k, v)));
    checks.forEach(
        (k, ok) -> {
          if (!ok) {
            sb.append("  WARNING: counts do not satisfy ").append(k).append('\n');
          }
        });
    if (top.isEmpty()) {
      sb.append("no divergence rows\n");
      return sb.toString();
    }
    sb.append("most divergent locations:\n");
    for (JsonNode n : top) {
      List<String> views = new ArrayList<>();
      n.path("views").fields().forEachRemaining(e -> views.add(e.getKey() + "=" + e.getValue().asText()));
      sb.append(
          String.format(
              "  %.3f  %-24s %s/%s  %-13s %s%n",
              n.path("divergence").asDouble(),
              n.path("location_name").asText(),
              n.path("window_start").asText().substring(0, 10),
              n.path("window_end").asText().substring(0, 10),
              n.path("source_kind").asText(),
              String.join(" ", views)));
    }
    return sb.toString();
  }
}
