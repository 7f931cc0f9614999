package org.contested.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import org.contested.core.ConflictProfile;
import org.contested.core.Lexicon;
import org.contested.core.RuleClaimExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.io.ArticleAssembler;
import org.contested.model.Article;
import org.contested.model.Claim;

/**
 * Fuzz target for the extraction core: any title, text, outlet and date give claims whose
 * evidence offsets lie inside the text, and never an exception. Seeds:
 * src/test/resources/org/contested/fuzz/ExtractionFuzzTestInputs.
 */
class ExtractionFuzzTest {
  private static final RuleClaimExtractor EXTRACTOR =
      new RuleClaimExtractor(
          new OpenNlpAnalyzer(),
          GeoNamesGazetteer.loadDefault(),
          Lexicon.english(),
          ConflictProfile.defaultProfile());

  @FuzzTest(maxDuration = "60s")
  void extract(FuzzedDataProvider data) {
    String outlet = data.consumeString(40);
    long day = data.consumeLong(-25_000, 60_000);
    String title = data.consumeString(300);
    String text = data.consumeRemainingAsString();
    // Only what the readers let through reaches the core.
    if (text.length() > 20_000 || ArticleAssembler.runProblem(title + "\n" + text) != null) {
      return;
    }
    Article a =
        new Article(
            "fuzz",
            null,
            outlet.isBlank() ? "unknown" : outlet,
            Instant.ofEpochSecond(day * 86_400L),
            title.isBlank() ? null : title,
            text,
            "en",
            "fuzz",
            0);
    String full = a.fullText();
    for (Claim c : EXTRACTOR.extract(a)) {
      assertTrue(
          c.evidenceStart() >= 0 && c.evidenceEnd() <= full.length() && c.evidenceStart() <= c.evidenceEnd(),
          "evidence inside the text");
      assertTrue(c.claimId() != null && !c.claimId().isBlank());
    }
  }
}
