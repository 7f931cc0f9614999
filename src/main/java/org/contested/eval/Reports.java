package org.contested.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Scorer.Result}: the console table, the JSON report and the errors listing. */
public final class Reports {
  /** Label of the all-collections scope in tables and reports. */
  public static final String ALL = "ALL";

  private static final int SNIPPET_CHARS = 300;

  private Reports() {}

  /** Levels x P/R/F1 with TP/FP/FN, overall first, then one block per collection. */
  public static String table(Scorer.Result result) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %-9s %6s %6s %6s %9s %7s %7s%n",
            "collection",
            "level",
            "TP",
            "FP",
            "FN",
            "precision",
            "recall",
            "F1"));
    appendRows(sb, ALL, result.overall());
    List<String> collections = List.copyOf(result.byCollection().get(Level.LOCATION).keySet());
    for (String collection : collections) {
      Map<Level, Counts> counts = new java.util.EnumMap<>(Level.class);
      for (Level level : Level.values()) {
        counts.put(level, result.byCollection().get(level).getOrDefault(collection, Counts.ZERO));
      }
      appendRows(sb, collection, counts);
    }
    return sb.toString();
  }

  private static void appendRows(StringBuilder sb, String scope, Map<Level, Counts> counts) {
    for (Level level : Level.values()) {
      Counts c = counts.get(level);
      sb.append(
          String.format(
              Locale.ROOT,
              "%-24s %-9s %6d %6d %6d %9s %7s %7s%n",
              level == Level.LOCATION ? scope : "",
              level.label(),
              c.tp(),
              c.fp(),
              c.fn(),
              rate(c.precision()),
              rate(c.recall()),
              rate(c.f1())));
    }
  }

  /** A rate to three decimals, or "-" when undefined. */
  static String rate(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** The JSON report: run facts from {@code info}, then counts and rates per level and scope. */
  public static ObjectNode json(Scorer.Result result, Map<String, Object> info) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    info.forEach((k, v) -> root.set(k, mapper.valueToTree(v)));
    ObjectNode levels = root.putObject("levels");
    for (Level level : Level.values()) {
      ObjectNode l = levels.putObject(level.label());
      l.put("duplicates_collapsed", result.duplicates(level));
      countsNode(l.putObject("overall"), result.overall().get(level));
      ObjectNode by = l.putObject("by_collection");
      result
          .byCollection()
          .get(level)
          .forEach((collection, c) -> countsNode(by.putObject(collection), c));
    }
    return root;
  }

  private static void countsNode(ObjectNode n, Counts c) {
    n.put("tp", c.tp());
    n.put("fp", c.fp());
    n.put("fn", c.fn());
    putRate(n, "precision", c.precision());
    putRate(n, "recall", c.recall());
    putRate(n, "f1", c.f1());
  }

  private static void putRate(ObjectNode n, String field, double value) {
    if (Double.isNaN(value)) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }

  private static String flat(String s, int maxChars) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() <= maxChars ? one : one.substring(0, maxChars - 1) + "\u2026";
  }

  public static void writeJson(ObjectNode report, Writer out) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, report);
  }

  /**
   * Items with any FP or FN, one block each: the item, its gold claims and predictions, then per
   * level the false negatives ("FN") and false positives ("FP"). Levels without errors are left
   * out, so a claim that is wrong only in its date shows up under "full" alone.
   */
  public static void writeErrors(Scorer.Result result, Writer writer) {
    PrintWriter out = new PrintWriter(writer);
    int listed = 0;
    for (Scorer.ItemResult r : result.items()) {
      if (!r.hasErrors()) {
        continue;
      }
      listed++;
      EvalItem item = r.item();
      out.printf("=== %s [%s]%n", item.id(), item.collection());
      if (item.title() != null && !item.title().isBlank()) {
        out.printf("  title: %s%n", flat(item.title(), SNIPPET_CHARS));
      }
      if (item.text() != null && !item.text().isBlank()) {
        out.printf("  text:  %s%n", flat(item.text(), SNIPPET_CHARS));
      }
      out.println("  gold:" + (item.gold().isEmpty() ? " none (negative item)" : ""));
      item.gold().forEach(g -> out.println("    - " + g));
      out.println("  predicted:" + (r.predictions().isEmpty() ? " none" : ""));
      for (Prediction p : r.predictions()) {
        out.println("    - " + p);
        if (p.evidence() != null && !p.evidence().isBlank()) {
          out.println("      evidence: " + p.evidence().replaceAll("\\s+", " ").trim());
        }
      }
      for (Level level : Level.values()) {
        Scorer.LevelResult lr = r.levels().get(level);
        if (!lr.hasErrors()) {
          continue;
        }
        out.printf("  %s:%n", level.label());
        lr.falseNegatives().forEach(g -> out.println("    FN " + g));
        lr.falsePositives().forEach(p -> out.println("    FP " + p));
      }
      out.println();
    }
    out.printf("# %d of %d items have errors%n", listed, result.items().size());
    out.flush();
  }
}
