package org.contested.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.contested.io.Reasons;
import org.contested.model.DeadLetter;
import org.contested.pipeline.ContestedOptions;
import org.contested.pipeline.ContestedPipeline;
import org.contested.pipeline.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over a corpus of every bad-input case ({@link BadInputCorpus}): nothing
 * crashes, every record is an article or a dead letter with the expected reason, and run.json
 * reconciles per file (records_read = articles + dead_letters) and in total.
 */
class BadInputCorpusTest {
  @TempDir Path tmp;

  @Test
  void everyRecordIsAnArticleOrAReasonedDeadLetterAndRunJsonReconciles() throws Exception {
    Path in = tmp.resolve("in");
    BadInputCorpus corpus = BadInputCorpus.write(in);
    Path out = tmp.resolve("out");
    ContestedOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + in + "/*", "--output=" + out)
            .as(ContestedOptions.class);
    TestPipeline pipeline = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    ContestedPipeline.Outputs outputs = ContestedPipeline.buildPipeline(pipeline, options);
    String inDir = in.toString();

    PAssert.that(outputs.deadLetters())
        .satisfies(
            letters -> {
              for (DeadLetter d : letters) {
                assertTrue(d.source().startsWith(inDir), d.source());
                assertTrue(d.reason().contains(": ") || !d.reason().isBlank(), d.toString());
                assertTrue(d.payload().length() <= DeadLetter.MAX_PAYLOAD + 40, "payload truncated");
                assertTrue(!d.reason().startsWith("extraction failed"), d.toString());
              }
              return null;
            });
    PAssert.that(outputs.claims())
        .satisfies(
            claims -> {
              assertTrue(
                  StreamSupport.stream(claims.spliterator(), false)
                      .anyMatch(c -> c.locationName().equals("Kupiansk")),
                  "the good records still yield claims");
              return null;
            });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    RunSummary summary = RunSummary.collect(options, result.metrics(), 0L, 1L);
    summary.writeJson(out.toString());
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    run.path("checks").fields().forEachRemaining(e -> assertTrue(e.getValue().asBoolean(), e.getKey()));

    JsonNode files = run.path("files");
    Map<String, JsonNode> byName = new TreeMap<>();
    files.fields().forEachRemaining(e -> byName.put(Path.of(e.getKey()).getFileName().toString(), e.getValue()));
    assertEquals(corpus.expected.keySet(), byName.keySet(), "one accounting entry per input file");

    long claimsPerFile = 0;
    for (Map.Entry<String, BadInputCorpus.Expected> e : corpus.expected.entrySet()) {
      String name = e.getKey();
      JsonNode f = byName.get(name);
      long read = f.path("records_read").asLong();
      long articles = f.path("articles").asLong();
      long dead = f.path("dead_letters").asLong();
      assertEquals(read, articles + dead, name + ": records_read = articles + dead_letters");
      Map<String, Long> reasons = new TreeMap<>();
      f.path("dead_letters_by_reason").fields().forEachRemaining(r -> reasons.put(r.getKey(), r.getValue().asLong()));
      if (name.equals("half.jsonl.gz")) {
        // How many records precede the cut depends on the compressor; all of them are read.
        assertEquals(Map.of(Reasons.UNREADABLE_FILE, 1L), reasons, name);
        assertTrue(articles >= 1 && articles < 2000, name + " articles " + articles);
      } else {
        assertEquals(e.getValue().deadLetters, reasons, name + " dead letters by reason");
        assertEquals(e.getValue().articles, articles, name + " articles");
      }
      claimsPerFile += f.path("claims").asLong();
    }
    assertTrue(byName.get("dirty.jsonl").path("claims").asLong() >= 1);
    JsonNode counts = run.path("counts");
    assertEquals(counts.path("claims").asLong(), claimsPerFile, "per-file claims add up");
    long readTotal = 0;
    for (JsonNode f : files) {
      readTotal += f.path("records_read").asLong();
    }
    assertEquals(counts.path("records_read").asLong(), readTotal);
    assertEquals(
        counts.path("records_read").asLong(),
        counts.path("articles").asLong() + counts.path("read_dead_letters").asLong());
    assertEquals(counts.path("dead_letters").asLong(), lines(out, "dead_letter"), "dead_letter rows");
    assertEquals(counts.path("claims").asLong(), lines(out, "claims"), "claims rows");
  }

  private static long lines(Path out, String table) throws Exception {
    try (var files = Files.list(out.resolve(table))) {
      long n = 0;
      for (Path p : files.toList()) {
        n += Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
      }
      return n;
    }
  }

}
