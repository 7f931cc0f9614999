package org.contested.eval;

import static org.contested.eval.EvalDataTest.GOLD;
import static org.contested.eval.EvalDataTest.POOL;
import static org.contested.eval.EvalDataTest.claimLine;
import static org.contested.eval.EvalDataTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Evaluate.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void scoresWritesReportAndErrors() throws IOException {
    Path pool = write(tmp.resolve("pool.jsonl"), POOL);
    Path gold = write(tmp.resolve("gold.jsonl"), GOLD);
    // a: right place, wrong type; c: right; d: unlabelled (ignored); b: test split (ignored).
    write(
        tmp.resolve("run/claims/claims-0.jsonl"),
        claimLine("a", "geonames:5", "Izium", "CONTROL", "UA")
            + "\n"
            + claimLine("c", null, "Lyman", "CONTROL", "UA")
            + "\n"
            + claimLine("d", null, "Lyman", "CONTROL", "RU")
            + "\n"
            + claimLine("b", null, "Lyman", "CONTROL", "RU")
            + "\n");
    Path report = tmp.resolve("r/report.json");
    Path errors = tmp.resolve("r/errors.txt");
    int status =
        run(
            "--pool=" + pool,
            "--gold=" + gold,
            "--split=dev",
            "--predictions=" + tmp.resolve("run"),
            "--report=" + report,
            "--errors=" + errors);
    assertEquals(0, status, err.toString());
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("Scored 2 labelled dev items (2 with claims, 0 negatives)"), table);
    assertTrue(
        table.matches("(?s).*ALL\\s+location\\s+2\\s+0\\s+0\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"),
        table);
    assertTrue(
        table.matches("(?s).*\\s+strict\\s+1\\s+1\\s+1\\s+0\\.500\\s+0\\.500\\s+0\\.500.*"), table);

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(2, json.get("items").asInt());
    assertEquals(4, json.get("prediction_rows").asInt());
    assertEquals(2, json.get("prediction_rows_ignored").asInt());
    JsonNode strict = json.get("levels").get("strict");
    assertEquals(1, strict.get("overall").get("fp").asInt());
    assertEquals(0.0, strict.get("by_collection").get("news").get("precision").asDouble());
    assertEquals(1.0, strict.get("by_collection").get("wiki").get("f1").asDouble());
    // Full level: "c" predicted 2022-09-10 against gold October 2022 (MONTH).
    assertEquals(0, json.get("levels").get("full").get("overall").get("tp").asInt());

    String listing = Files.readString(errors);
    assertTrue(listing.contains("=== a [news]"), listing);
    assertTrue(listing.contains("  title: Troops enter Izium"), listing);
    assertTrue(listing.contains("  text:  Lyman was retaken."), listing);
    assertTrue(listing.contains("FN Izium [geonames:5] PARTIAL_CONTROL UA"), listing);
    assertTrue(listing.contains("FP Izium [geonames:5] CONTROL UA"), listing);
    assertTrue(listing.contains("=== c [wiki]"), listing);
    assertTrue(listing.contains("# 2 of 2 items have errors"), listing);
  }

  @Test
  void collectionOptionRestrictsItems() throws IOException {
    Path pool = write(tmp.resolve("pool.jsonl"), POOL);
    Path gold = write(tmp.resolve("gold.jsonl"), GOLD);
    write(
        tmp.resolve("p.jsonl"),
        claimLine("a", "geonames:5", "Izium", "PARTIAL_CONTROL", "UA") + "\n");
    assertEquals(
        0,
        run(
            "--pool=" + pool,
            "--gold=" + gold,
            "--predictions=" + tmp.resolve("p.jsonl"),
            "--collection=wiki"));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("Scored 1 labelled dev items of wiki"), table);
    assertTrue(
        table.matches("(?s).*ALL\\s+location\\s+0\\s+0\\s+1\\s+-\\s+0\\.000\\s+0\\.000.*"), table);
  }

  @Test
  void extractSplitModeWritesOnlyGoldItemsOfSplit() throws IOException {
    Path pool = write(tmp.resolve("pool.jsonl"), POOL);
    Path gold = write(tmp.resolve("gold.jsonl"), GOLD);
    Path target = tmp.resolve("dev.jsonl");
    assertEquals(
        0, run("--extract-split=dev", "--pool=" + pool, "--gold=" + gold, "--out=" + target));
    assertEquals(2, Files.readAllLines(target).size());
    assertTrue(err.toString().contains("wrote 2 dev items with gold entries"), err.toString());
    assertEquals(1, run("--extract-split=train", "--pool=" + pool, "--out=" + target));
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("--pool=x", "--gold=y"));
    assertTrue(err.toString().contains("missing --predictions"), err.toString());
    assertEquals(2, run("--frobnicate=1"));
    assertEquals(2, run("pool.jsonl"));
  }

  @Test
  void unreadableInputExitsOne() {
    assertEquals(1, run("--pool=" + tmp.resolve("missing.jsonl"), "--gold=g", "--predictions=p"));
  }
}
