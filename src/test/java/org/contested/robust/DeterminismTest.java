package org.contested.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.contested.io.Reasons;
import org.contested.pipeline.ContestedOptions;
import org.contested.pipeline.ContestedPipeline;
import org.contested.pipeline.WriteTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same records give byte-identical tables (every line of every shard, sorted by code point:
 * docs/tables.md, "Determinism") across reruns, across the order and grouping of input files and
 * across the number of output shards, on the DirectRunner.
 */
class DeterminismTest {
  @TempDir static Path tmp;
  private static List<String> records;

  private static final String[] PLACES = {
    "Kupiansk", "Bakhmut", "Avdiivka", "Pokrovsk", "Vuhledar", "Lyman", "Kherson", "Izium"
  };
  private static final String[] RU = {
    "The Russian defence ministry said its forces had captured %s.",
    "Russian troops took full control of %s, the defence ministry in Moscow said.",
  };
  private static final String[] UA = {
    "The Ukrainian general staff denied that %s had fallen and said fighting continues in %s.",
    "Ukrainian forces liberated %s, the general staff said.",
  };

  @BeforeAll
  static void corpus() {
    records = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      String place = PLACES[i % PLACES.length];
      boolean ru = i % 3 != 0;
      String text = String.format((ru ? RU : UA)[i % 2], place, place);
      String outlet = ru ? "Moscow Wire" : "Kyiv Wire";
      String date = "2025-11-" + (10 + i % PLACES.length) + "T" + (10 + i % 12) + ":00:00Z";
      // Every fourth record has no id: its id is a content hash.
      String id = i % 4 == 0 ? "" : "\"id\":\"d" + i + "\",";
      records.add("{" + id + "\"outlet\":\"" + outlet + "\",\"published_at\":\"" + date
          + "\",\"title\":\"\",\"text\":\"" + text + "\"}");
    }
    records.add("{broken");
    records.add("{\"id\":\"d7\",\"outlet\":\"Kyiv Wire\",\"published_at\":\"2025-11-30\",\"text\":\"Other.\"}");
  }

  private static Map<String, List<String>> run(
      String inName, String outName, List<List<String>> files, int shards) throws IOException {
    Path in = tmp.resolve(inName);
    Files.createDirectories(in);
    for (int f = 0; f < files.size(); f++) {
      Files.write(in.resolve("part-" + (char) ('z' - f) + ".jsonl"), files.get(f));
    }
    Path out = tmp.resolve(outName);
    ContestedOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + in + "/*", "--output=" + out, "--numShards=" + shards)
            .as(ContestedOptions.class);
    ContestedPipeline.run(options);
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : WriteTables.TABLES) {
      List<String> lines = new ArrayList<>();
      try (var parts = Files.list(out.resolve(table))) {
        for (Path p : parts.toList()) {
          lines.addAll(Files.readAllLines(p));
        }
      }
      Collections.sort(lines);
      tables.put(table, lines);
    }
    return tables;
  }

  @Test
  void tablesAreIdenticalAcrossRerunsFileOrderAndSharding() throws IOException {
    // The line "{broken" and the second "d7" (other content, later date: it wins the id).
    Map<String, List<String>> first = run("one-file", "first", List.of(records), 1);
    Map<String, List<String>> again = run("one-file", "again", List.of(records), 1);
    List<String> reversed = new ArrayList<>(records);
    Collections.reverse(reversed);
    int third = reversed.size() / 3;
    Map<String, List<String>> split =
        run(
            "three-files",
            "split",
            List.of(
                reversed.subList(0, third),
                reversed.subList(third, 2 * third),
                reversed.subList(2 * third, reversed.size())),
            3);

    assertTrue(first.get("claims").size() >= 20, "a corpus with claims: " + first.get("claims").size());
    assertTrue(!first.get("divergence").isEmpty(), "and divergence rows");
    assertEquals(first, again, "rerun");
    for (String table : List.of("claims", "location_status", "divergence")) {
      assertEquals(first.get(table), split.get(table), table + " across file order and sharding");
    }
    // Dead letters name their file and line, which differ by layout; reasons and payloads do not.
    assertEquals(reasonsAndPayloads(first.get("dead_letter")), reasonsAndPayloads(split.get("dead_letter")));
    String dead = String.join("\n", reasonsAndPayloads(first.get("dead_letter")));
    assertTrue(dead.contains("malformed JSON\t{broken"), dead);
    assertTrue(dead.contains("duplicate id\td7\t"), dead);
    assertTrue(dead.contains("duplicate record\t"), "id-less twins share a content-hash id: " + dead);
  }

  private static List<String> reasonsAndPayloads(List<String> rows) throws IOException {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r);
      out.add(Reasons.category(n.path("reason").asText()) + "\t" + n.path("payload").asText());
    }
    Collections.sort(out);
    return out;
  }
}
