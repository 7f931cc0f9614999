package org.contested.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.contested.core.ConflictProfile;
import org.contested.core.Lexicon;
import org.contested.core.RuleClaimExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.gazetteer.NameFolder;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.io.ArticleAssembler;
import org.contested.io.ColumnMapping;
import org.contested.io.InputLimits;
import org.contested.io.ParseResult;
import org.contested.io.PublishedAt;
import org.contested.io.TextCleaner;
import org.contested.io.TextFileParser;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to make backtracking regular expressions or quadratic scans blow up: each must be
 * handled in well under the time limits here (a backtracking engine takes minutes to years).
 */
class PathologicalTextTest {
  private static RuleClaimExtractor extractor;

  @BeforeAll
  static void load() {
    extractor =
        new RuleClaimExtractor(
            new OpenNlpAnalyzer(),
            GeoNamesGazetteer.loadDefault(),
            Lexicon.english(),
            ConflictProfile.defaultProfile());
  }

  private static Article article(String text) {
    return new Article(
        "p1", null, "Test Wire", Instant.parse("2025-11-20T00:00:00Z"), null, text, "en", "t", 0);
  }

  @Test
  void textFileHeadersThatDefeatBacktrackingAreFast() {
    TextFileParser parser = new TextFileParser(ColumnMapping.canonical(), t -> "en");
    // KEY_VALUE-style header lines: a key, then a long run of spaces without a colon.
    String header = "Title" + " ".repeat(200_000) + "x\n";
    String date = "date " + "2025-11-20".repeat(20_000) + "\n";
    String heading = "# " + "#".repeat(200_000) + " x\n";
    String content = header + date + "\n" + heading + "Body text.";
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(content, "f.md"));
    assertTrue(!r.isArticle(), "no date header, so a dead letter");
  }

  @Test
  void publishedAtScannerIsLinear() {
    String digits = "2025-11-20T10:00:00." + "1".repeat(500_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          // Like the regex it replaces: the fraction cannot end at a digit, so the seconds do.
          assertEquals("2025-11-20T10:00:00", PublishedAt.leadingIso(digits).orElseThrow());
          assertTrue(PublishedAt.parse(digits, null).isEmpty());
          assertEquals("2025-11-20", PublishedAt.leadingIso("2025-11-20 WORLD").orElseThrow());
          assertEquals(
              "2025-11-20 10:00:00+03:00",
              PublishedAt.leadingIso("2025-11-20 10:00:00+03:00 Kyiv").orElseThrow());
        });
  }

  @Test
  void cleanerIsLinearOnUnclosedMarkup() {
    String opens = "<a".repeat(300_000) + "[x".repeat(300_000) + "&#".repeat(300_000);
    String out = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TextCleaner.clean(opens));
    assertTrue(out.length() > 1_000_000, "nothing that is not markup is removed");
  }

  @Test
  void nameFolderOnLongRepeats() {
    String s = "zh".repeat(200_000) + "ts".repeat(200_000) + "www".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> NameFolder.fold(s));
    assertEquals("zhitomir", NameFolder.fold("Zhzhytomyr").replace("ii", "i"));
  }

  @Test
  void extractionOfTextAtTheSizeCapsIsBounded() {
    // The worst text the readers let through: sentences just under the sentence cap, made of
    // place names, trigger words and date fragments, up to a fifth of the text cap.
    String[] words = {
      "Russian", "forces", "captured", "Bakhmut", "on", "20", "November", "and", "Ukraine",
      "said", "it", "liberated", "Kupiansk", "according", "to", "officials", "in", "Donetsk",
      "region", "yesterday", "(", "«", "the", "city"
    };
    StringBuilder sb = new StringBuilder();
    int sentenceStart = 0;
    for (int i = 0; sb.length() < InputLimits.MAX_TEXT_CHARS / 5; i++) {
      if (sb.length() - sentenceStart > InputLimits.MAX_SENTENCE_CHARS - 20) {
        sb.append(".\n");
        sentenceStart = sb.length();
      }
      sb.append(words[(i * 7) % words.length]).append(' ');
    }
    String text = sb.toString();
    assertEquals(null, ArticleAssembler.runProblem(text), "within the caps");
    List<Claim> claims =
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> extractor.extract(article(text)));
    assertTrue(claims.size() < 10_000, "bounded output");
  }

  @Test
  void longRunsWithoutSentenceEndOrSpaceAreDeadLettered() {
    assertTrue(ArticleAssembler.runProblem("word ".repeat(2_001)).startsWith("text too long: "));
    assertTrue(ArticleAssembler.runProblem("x".repeat(1_001)).contains("without white space"));
    assertEquals(null, ArticleAssembler.runProblem("Short. Sentences! Here?\n".repeat(50_000)));
  }

  @Test
  void extractionOfPunctuationAndDigitSoup() {
    String line = ".,;:-–—\"'()[]{}«» 0123456789 ".repeat(30) + "\n";
    String soup = line.repeat(100);
    assertEquals(null, ArticleAssembler.runProblem(soup));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extractor.extract(article(soup)));
  }
}
