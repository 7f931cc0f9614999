package org.contested.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line for evaluation (docs/evaluation.md). Two modes:
 *
 * <pre>
 * Evaluate --pool=P --gold=G --predictions=DIR_OR_GLOB [--split=dev] [--collection=C]
 *          [--report=FILE.json] [--errors=FILE]
 * Evaluate --extract-split=dev --pool=P [--gold=G] [--collection=C] --out=FILE.jsonl
 * </pre>
 *
 * Exit status: 0 done, 2 bad usage, 1 unreadable input.
 */
public final class Evaluate {
  static final String USAGE =
      "usage: Evaluate --pool=PATH --gold=PATH --predictions=DIR_OR_GLOB [--split=dev]\n"
          + "                [--collection=NAME] [--report=FILE.json] [--errors=FILE]\n"
          + "       Evaluate --extract-split=SPLIT --pool=PATH [--gold=PATH] [--collection=NAME]"
          + " --out=FILE.jsonl";

  private static final Set<String> OPTIONS =
      Set.of(
          "pool",
          "gold",
          "split",
          "predictions",
          "report",
          "errors",
          "collection",
          "extract-split",
          "out");

  private Evaluate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> opts;
    try {
      opts = parse(args);
      if (opts.containsKey("extract-split")) {
        return extract(opts, err);
      }
      return score(opts, out, err);
    } catch (UsageException e) {
      err.println("Evaluate: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("Evaluate: " + e.getMessage());
      return 1;
    }
  }

  private static int extract(Map<String, String> opts, PrintStream err)
      throws IOException, UsageException {
    Path pool = Paths.get(required(opts, "pool"));
    Path out = Paths.get(required(opts, "out"));
    String split = opts.get("extract-split");
    Set<String> onlyIds =
        opts.containsKey("gold") ? EvalData.readGold(Paths.get(opts.get("gold"))).keySet() : null;
    int n = EvalData.extractSplit(pool, split, onlyIds, opts.get("collection"), out);
    err.printf(
        "Evaluate: wrote %d %s items%s to %s%n",
        n, split, onlyIds == null ? "" : " with gold entries", out);
    if (n == 0) {
      err.println("Evaluate: no pool item matched; check --extract-split and --collection");
      return 1;
    }
    return 0;
  }

  private static int score(Map<String, String> opts, PrintStream out, PrintStream err)
      throws IOException, UsageException {
    Path poolPath = Paths.get(required(opts, "pool"));
    Path goldPath = Paths.get(required(opts, "gold"));
    String predictionsArg = required(opts, "predictions");
    String split = opts.getOrDefault("split", "dev");
    String collection = opts.get("collection");

    Map<String, EvalData.PoolItem> pool = EvalData.readPool(poolPath);
    Map<String, List<GoldClaim>> gold = EvalData.readGold(goldPath);
    List<EvalItem> items = EvalData.labelledItems(pool, gold, split, collection);
    if (items.isEmpty()) {
      err.printf(
          "Evaluate: no %s items with gold entries%s%n",
          split, collection == null ? "" : " in collection " + collection);
      return 1;
    }
    long goldNotInPool = gold.keySet().stream().filter(id -> !pool.containsKey(id)).count();
    if (goldNotInPool > 0) {
      err.printf("Evaluate: warning: %d gold ids are not in the pool%n", goldNotInPool);
    }

    EvalData.Predictions predictions = EvalData.readPredictions(predictionsArg);
    Set<String> scored = new java.util.HashSet<>();
    items.forEach(i -> scored.add(i.id()));
    long onScored =
        predictions.byArticle().entrySet().stream()
            .filter(e -> scored.contains(e.getKey()))
            .mapToLong(e -> e.getValue().size())
            .sum();
    for (String problem :
        predictions.problems().subList(0, Math.min(10, predictions.problems().size()))) {
      err.println("Evaluate: unreadable prediction " + problem);
    }
    if (predictions.problems().size() > 10) {
      err.printf(
          "Evaluate: ... and %d more unreadable lines%n", predictions.problems().size() - 10);
    }

    Scorer.Result result = Scorer.score(items, predictions.byArticle());

    long positives = items.stream().filter(i -> !i.gold().isEmpty()).count();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("split", split);
    info.put("collection", collection);
    info.put("items", items.size());
    info.put("items_with_claims", positives);
    info.put("negative_items", items.size() - positives);
    info.put("gold_claims", items.stream().mapToLong(i -> i.gold().size()).sum());
    info.put("prediction_files", predictions.files().size());
    info.put("prediction_rows", predictions.rows());
    info.put("prediction_rows_scored", onScored);
    info.put("prediction_rows_ignored", predictions.rows() - onScored);
    info.put("unreadable_prediction_lines", predictions.problems().size());

    out.printf(
        "Scored %d labelled %s items%s (%d with claims, %d negatives); %d prediction rows"
            + " from %d files, %d on scored items, %d on unlabelled or other items (ignored),"
            + " %d unreadable lines.%n%n",
        items.size(),
        split,
        collection == null ? "" : " of " + collection,
        positives,
        items.size() - positives,
        predictions.rows(),
        predictions.files().size(),
        onScored,
        predictions.rows() - onScored,
        predictions.problems().size());
    out.print(Reports.table(result));

    if (opts.containsKey("report")) {
      Path report = Paths.get(opts.get("report"));
      ObjectNode json = Reports.json(result, info);
      try (Writer w = newWriter(report)) {
        Reports.writeJson(json, w);
      }
      out.println("\nReport: " + report);
    }
    if (opts.containsKey("errors")) {
      Path errors = Paths.get(opts.get("errors"));
      try (Writer w = newWriter(errors)) {
        Reports.writeErrors(result, w);
      }
      out.println((opts.containsKey("report") ? "" : "\n") + "Errors: " + errors);
    }
    return 0;
  }

  private static Writer newWriter(Path path) throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  static Map<String, String> parse(String[] args) throws UsageException {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new UsageException("expected --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      if (!OPTIONS.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
      String value = arg.substring(eq + 1);
      if (value.isEmpty()) {
        throw new UsageException("empty value for --" + name);
      }
      opts.put(name, value);
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String name) throws UsageException {
    String v = opts.get(name);
    if (v == null) {
      throw new UsageException("missing --" + name);
    }
    return v;
  }

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
