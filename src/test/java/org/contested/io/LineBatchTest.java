package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines files are read on one thread and parsed in batches on many: the reader's count of
 * records must be the parser's, and a file of several batches must read as one.
 */
class LineBatchTest {
  @TempDir Path dir;

  private static ByteLines.Line line(byte[] bytes) {
    return new ByteLines.Line(7, 0, bytes, bytes.length, true);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void blankLinesAreExactlyThoseTheParserSkips() {
    JsonLinesParser parser =
        new JsonLinesParser(ColumnMapping.canonical(), OpenNlpLanguageGuesser.create());
    List<byte[]> lines = new ArrayList<>();
    for (String s :
        new String[] {
          "", "   ", "\t \u000b", "\uFEFF", "\uFEFF  ", "\u2003", "\u00a0", " \uFEFF ", "x", "{}",
          " {\"id\": 1}", "\u3000\u2003 ", "\uFEFF{}"
        }) {
      lines.add(utf8(s));
    }
    lines.add(new byte[] {(byte) 0xA0}); // not UTF-8: read as Windows-1251, a no-break space
    lines.add(new byte[] {(byte) 0xFF, ' '});
    lines.add(new byte[] {' ', (byte) 0xC3});
    for (byte[] b : lines) {
      ByteLines.Line l = line(b);
      assertEquals(
          parser.parse(l, "f.jsonl") == null,
          JsonLinesParser.isBlank(l),
          () -> "line " + java.util.Arrays.toString(b));
    }
    ByteLines.Line tooLong = new ByteLines.Line(1, 0, utf8("   "), InputLimits.MAX_RECORD_BYTES + 10L, true);
    assertEquals(false, JsonLinesParser.isBlank(tooLong), "an over-long line is a record");
  }

  @Test
  void batchesSurviveTheirCoder() throws Exception {
    LineBatch batch =
        new LineBatch(
            "/data/a.jsonl",
            List.of(
                new ByteLines.Line(3, 120, utf8("{\"a\":1}"), 7, true),
                new ByteLines.Line(9, 400, utf8("{\"b\""), 90_000, false)));
    LineBatch back = CoderUtils.clone(LineBatch.CODER, batch);
    assertEquals(batch.source(), back.source());
    assertEquals(2, back.lines().size());
    for (int i = 0; i < 2; i++) {
      ByteLines.Line a = batch.lines().get(i);
      ByteLines.Line b = back.lines().get(i);
      assertEquals(a.number(), b.number());
      assertEquals(a.offset(), b.offset());
      assertArrayEquals(a.bytes(), b.bytes());
      assertEquals(a.length(), b.length());
      assertEquals(a.terminated(), b.terminated());
    }
  }

  /** A file of several batches: every record once, at its line, blank lines skipped, counts kept. */
  @Test
  void aFileOfManyBatchesReadsAsOne() throws IOException {
    String text =
        ("Officials said the village had been cleared after two days of fighting, and that"
                + " residents were returning to their homes. ")
            .repeat(12);
    StringBuilder file = new StringBuilder();
    int records = 0;
    for (int i = 1; i <= 2400; i++) {
      if (i % 100 == 0) {
        file.append("   \n"); // blank: not a record
      } else if (i == 1777) {
        file.append("{not json\n");
        records++;
      } else {
        file.append("{\"id\":\"a").append(i).append("\",\"outlet\":\"Wire\",\"published_at\":")
            .append("\"2025-11-20\",\"title\":\"Line ").append(i).append("\",\"text\":\"")
            .append(text).append("\",\"language\":\"en\"}\n");
        records++;
      }
    }
    Path path = dir.resolve("big.jsonl");
    Files.writeString(path, file.toString(), StandardCharsets.UTF_8);
    assertTrue(Files.size(path) > 3L * ReadArticles.BATCH_BYTES, "several batches");

    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollectionTuple t = p.apply(ReadArticles.from(path.toString(), "jsonl", null).withGroupingKeys(3));
    PAssert.thatSingleton(t.get(ReadArticles.ARTICLES).apply("CountArticles", Count.globally()))
        .isEqualTo((long) records - 1);
    PAssert.that(ReadArticlesTest.summarizeDeadLetters(t, "Dead"))
        .satisfies(
            dead -> {
              List<String> all = new ArrayList<>();
              dead.forEach(all::add);
              assertEquals(1, all.size(), all.toString());
              assertTrue(all.get(0).startsWith("big.jsonl@1777 malformed JSON"), all.get(0));
              return null;
            });
    PAssert.that(ReadArticlesTest.summarizeArticles(t, "Lines"))
        .satisfies(
            rows -> {
              for (String r : rows) {
                // "big.jsonl@N Wire ... Line N | ...": the position is the line of the record.
                String n = r.substring(r.indexOf('@') + 1, r.indexOf(' '));
                assertTrue(r.contains(" Line " + n + " | "), r);
              }
              return null;
            });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(records, ReadArticlesTest.counter(result, ReadArticles.RECORDS_READ));
  }
}
