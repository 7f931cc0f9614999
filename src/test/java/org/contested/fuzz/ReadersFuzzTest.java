package org.contested.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.contested.io.ColumnMapping;
import org.contested.io.DelimitedParser;
import org.contested.io.JsonArrayParser;
import org.contested.io.JsonLinesParser;
import org.contested.io.ParseResult;
import org.contested.io.PublishedAt;
import org.contested.io.TextCleaner;
import org.contested.io.TextDecoding;
import org.contested.io.TextFileParser;
import org.contested.model.Article;

/**
 * Fuzz targets for the readers: any bytes give only articles and reasoned dead letters, never an
 * exception, and every article is well-formed. Regression mode (plain {@code mvn test}) replays
 * the committed seeds under {@code src/test/resources/org/contested/fuzz/ReadersFuzzTestInputs};
 * JAZZER_FUZZ=1 fuzzes one target (see docs/robustness.md).
 */
class ReadersFuzzTest {
  // A fixed guesser keeps the fuzz loop fast; language detection is not what is tested here.
  private static final JsonLinesParser JSONL =
      new JsonLinesParser(ColumnMapping.canonical(), t -> "en");
  private static final JsonArrayParser JSON =
      new JsonArrayParser(ColumnMapping.canonical(), t -> "en");
  private static final DelimitedParser CSV =
      new DelimitedParser(DelimitedParser.Dialect.CSV, ColumnMapping.canonical(), t -> "en");
  private static final DelimitedParser TSV =
      new DelimitedParser(DelimitedParser.Dialect.TSV, ColumnMapping.canonical(), t -> "en");
  private static final TextFileParser TEXT =
      new TextFileParser(ColumnMapping.canonical(), t -> "en");

  @FuzzTest(maxDuration = "60s")
  void jsonLines(byte[] data) throws IOException {
    List<ParseResult> out = new ArrayList<>();
    JSONL.readAll(new ByteArrayInputStream(data), "fuzz.jsonl", out::add);
    checkAll(out);
  }

  @FuzzTest(maxDuration = "60s")
  void jsonArray(byte[] data) throws IOException {
    List<ParseResult> out = new ArrayList<>();
    JSON.readAllBytes(new ByteArrayInputStream(data), "fuzz.json", out::add);
    checkAll(out);
  }

  @FuzzTest(maxDuration = "60s")
  void delimited(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    List<ParseResult> out = new ArrayList<>();
    DelimitedParser p = (data[0] & 1) == 0 ? CSV : TSV;
    p.readAll(new ByteArrayInputStream(data, 1, data.length - 1), "fuzz.csv", out::add);
    checkAll(out);
  }

  @FuzzTest(maxDuration = "60s")
  void textFile(byte[] data) {
    TextDecoding.Decoded d = TextDecoding.decode(data);
    check(TEXT.parse(d.text(), "fuzz.md"));
  }

  @FuzzTest(maxDuration = "60s")
  void cleanerAndDates(byte[] data) {
    String s = TextDecoding.decode(data).text();
    String cleaned = TextCleaner.clean(s);
    assertNotNull(cleaned);
    assertNotNull(TextCleaner.clean(cleaned), "cleaning its own output works too");
    for (int i = 0; i < cleaned.length(); i++) {
      char c = cleaned.charAt(i);
      assertTrue(c >= 0x20 || c == '\n' || c == '\t', "no control characters survive");
    }
    PublishedAt.parse(s, null);
    PublishedAt.parse(s, "dd.MM.yyyy");
    PublishedAt.leadingIso(s);
  }

  private static void checkAll(List<ParseResult> out) {
    for (ParseResult r : out) {
      check(r);
    }
  }

  static void check(ParseResult r) {
    if (r.isArticle()) {
      Article a = r.article();
      assertTrue(!a.articleId().isBlank(), "an id");
      assertTrue(!a.fullText().isBlank(), "some text");
      assertNotNull(a.publishedAt());
      assertNotNull(a.outlet());
      assertNotNull(a.language());
    } else {
      assertTrue(!r.deadLetter().reason().isBlank(), "a reason");
      assertNotNull(r.deadLetter().payload());
    }
  }
}
