package org.contested.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/** Reads the evaluation pool, the gold file and prediction shards (all JSON Lines). */
public final class EvalData {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A pool line: the fields scoring needs, and the line itself for split extraction. */
  public record PoolItem(
      String id, String collection, String split, String title, String text, String line) {}

  /** Predictions grouped by article_id, with every line that could not be read and why. */
  public record Predictions(
      Map<String, List<Prediction>> byArticle,
      List<Path> files,
      long rows,
      List<String> problems) {}

  private EvalData() {}

  /** Pool items by id, in file order. A malformed line or a repeated id is an error. */
  public static Map<String, PoolItem> readPool(Path pool) throws IOException {
    Map<String, PoolItem> items = new LinkedHashMap<>();
    forEachLine(
        pool,
        (lineNo, line) -> {
          JsonNode n = JSON.readTree(line);
          String id = requiredText(n, "id");
          PoolItem item =
              new PoolItem(
                  id,
                  text(n, "collection"),
                  text(n, "split"),
                  text(n, "title"),
                  text(n, "text"),
                  line);
          if (items.putIfAbsent(id, item) != null) {
            throw new IllegalArgumentException("repeated id " + id);
          }
        });
    return items;
  }

  /** Gold claims by item id, in file order; an empty list marks a negative item. */
  public static Map<String, List<GoldClaim>> readGold(Path gold) throws IOException {
    Map<String, List<GoldClaim>> items = new LinkedHashMap<>();
    forEachLine(
        gold,
        (lineNo, line) -> {
          JsonNode n = JSON.readTree(line);
          String id = requiredText(n, "id");
          JsonNode claims = n.get("claims");
          if (claims == null || !claims.isArray()) {
            throw new IllegalArgumentException("item " + id + " has no claims array");
          }
          List<GoldClaim> list = new ArrayList<>();
          for (JsonNode c : claims) {
            list.add(
                new GoldClaim(
                    requiredText(c, "location"),
                    c.hasNonNull("geonameid") ? c.get("geonameid").asLong() : null,
                    enumValue(ClaimType.class, c, "claim_type"),
                    text(c, "controller"),
                    enumValue(Polarity.class, c, "polarity"),
                    text(c, "claimant"),
                    text(c, "claimant_side"),
                    date(c, "event_date"),
                    enumValue(DatePrecision.class, c, "date_precision"),
                    c.hasNonNull("percent") ? c.get("percent").asDouble() : null));
          }
          if (items.putIfAbsent(id, List.copyOf(list)) != null) {
            throw new IllegalArgumentException("repeated id " + id);
          }
        });
    return items;
  }

  /**
   * The scored items: pool items of {@code split} (and {@code collection} when not null) that have
   * a gold entry, in pool order. Unlabelled items are left out so they cannot count.
   */
  public static List<EvalItem> labelledItems(
      Map<String, PoolItem> pool,
      Map<String, List<GoldClaim>> gold,
      String split,
      String collection) {
    List<EvalItem> items = new ArrayList<>();
    for (PoolItem p : pool.values()) {
      if (!split.equals(p.split()) || !gold.containsKey(p.id())) {
        continue;
      }
      if (collection != null && !collection.equals(p.collection())) {
        continue;
      }
      items.add(new EvalItem(p.id(), p.collection(), p.title(), p.text(), gold.get(p.id())));
    }
    return items;
  }

  /**
   * Writes the pool lines of {@code split} verbatim to {@code out}, keeping only ids in {@code
   * onlyIds} when it is not null and only {@code collection} when that is not null. Returns the
   * number of lines written.
   */
  public static int extractSplit(
      Path pool, String split, Set<String> onlyIds, String collection, Path out)
      throws IOException {
    Map<String, PoolItem> items = readPool(pool);
    int written = 0;
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (PoolItem p : items.values()) {
        if (!split.equals(p.split())
            || (onlyIds != null && !onlyIds.contains(p.id()))
            || (collection != null && !collection.equals(p.collection()))) {
          continue;
        }
        w.write(p.line());
        w.newLine();
        written++;
      }
    }
    return written;
  }

  /**
   * Reads prediction rows from a file, a directory of shards (a run's output directory is taken to
   * mean its {@code claims/} table), or a glob such as {@code out/claims/*.jsonl}. Files whose
   * names start with "." or "_" (checksums, markers) are skipped; ".gz" shards are decompressed.
   * Unreadable lines are reported in {@link Predictions#problems()}, never silently dropped.
   */
  public static Predictions readPredictions(String dirOrGlob) throws IOException {
    List<Path> files = predictionFiles(dirOrGlob);
    Map<String, List<Prediction>> byArticle = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    long[] rows = {0};
    for (Path file : files) {
      // A prediction line that cannot be read is reported, not fatal: the rest still scores.
      forEachLine(
          file,
          (lineNo, line) -> {
            Prediction p = parsePrediction(JSON.readTree(line));
            byArticle.computeIfAbsent(p.articleId(), k -> new ArrayList<>()).add(p);
            rows[0]++;
          },
          problems::add);
    }
    return new Predictions(byArticle, files, rows[0], problems);
  }

  static List<Path> predictionFiles(String dirOrGlob) throws IOException {
    List<Path> files = new ArrayList<>();
    if (dirOrGlob.matches(".*[*?\\[{].*")) {
      int cut = dirOrGlob.substring(0, firstGlobChar(dirOrGlob)).lastIndexOf('/');
      Path base = cut < 0 ? Paths.get(".") : Paths.get(dirOrGlob.substring(0, cut + 1));
      String pattern = cut < 0 ? "./" + dirOrGlob : dirOrGlob;
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (Files.isDirectory(base)) {
        try (Stream<Path> walk = Files.walk(base)) {
          walk.filter(Files::isRegularFile)
              .filter(matcher::matches)
              .filter(EvalData::isDataFile)
              .sorted()
              .forEach(files::add);
        }
      }
    } else {
      Path path = Paths.get(dirOrGlob);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        Path dir = Files.isDirectory(path.resolve("claims")) ? path.resolve("claims") : path;
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(Files::isRegularFile)
              .filter(EvalData::isDataFile)
              .sorted()
              .forEach(files::add);
        }
      } else {
        throw new IOException("no such file or directory: " + dirOrGlob);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no prediction files in " + dirOrGlob);
    }
    return files;
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("*?[{".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean isDataFile(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  static Prediction parsePrediction(JsonNode n) {
    return new Prediction(
        text(n, "claim_id"),
        requiredText(n, "article_id"),
        text(n, "location_id"),
        text(n, "location_name"),
        n.hasNonNull("location_type") ? enumValue(LocationType.class, n, "location_type") : null,
        enumValue(ClaimType.class, n, "claim_type"),
        text(n, "controller"),
        enumValue(Polarity.class, n, "polarity"),
        text(n, "claimant"),
        text(n, "claimant_side"),
        n.hasNonNull("event_date") ? date(n, "event_date") : null,
        n.hasNonNull("date_precision") ? enumValue(DatePrecision.class, n, "date_precision") : null,
        n.hasNonNull("percent") ? n.get("percent").asInt() : null,
        text(n, "evidence"));
  }

  /** ISO text ("2022-04-19", a timestamp's date part), [y, m, d], or days since the epoch. */
  static LocalDate date(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing " + field);
    }
    try {
      if (v.isTextual()) {
        String s = v.asText().trim();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      }
      if (v.isArray() && v.size() == 3) {
        return LocalDate.of(v.get(0).asInt(), v.get(1).asInt(), v.get(2).asInt());
      }
      if (v.isIntegralNumber()) {
        return LocalDate.ofEpochDay(v.asLong());
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad " + field + " " + v + ": " + e.getMessage());
    }
    throw new IllegalArgumentException("bad " + field + " " + v);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String field) {
    String v = requiredText(n, field);
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad " + field + " '" + v + "'");
    }
  }

  private static String requiredText(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private interface LineHandler {
    void accept(int lineNo, String line) throws IOException;
  }

  private interface LineProblem {
    void accept(String problem) throws IOException;
  }

  /** Calls {@code handler} per non-blank line; any failure names the file and line. */
  private static void forEachLine(Path file, LineHandler handler) throws IOException {
    forEachLine(file, handler, problem -> {
      throw new IOException(problem);
    });
  }

  /** As above, but hands each failing line's "file:line: reason" to {@code onProblem}. */
  private static void forEachLine(Path file, LineHandler handler, LineProblem onProblem) throws IOException {
    try (BufferedReader r = open(file)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          handler.accept(lineNo, line);
        } catch (IOException | RuntimeException e) {
          onProblem.accept(file + ":" + lineNo + ": " + e.getMessage());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
