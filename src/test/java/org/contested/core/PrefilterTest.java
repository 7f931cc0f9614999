package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.gazetteer.NameFolder;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.core.text.PrefilterAnalyzer;
import org.contested.core.text.PrefilterAnalyzer.RoughSentence;
import org.contested.core.text.Sentence;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The prefilter in front of OpenNLP: what it keeps, and that the extractor finds the same claims. */
class PrefilterTest {
  private static final Gazetteer GAZETTEER = GeoNamesGazetteer.loadDefault();
  private static final Lexicon LEXICON = Lexicon.english();
  private static final ConflictProfile PROFILE = ConflictProfile.defaultProfile();

  private static Article article(String id, String title, String text) {
    return new Article(id, null, "Kyiv Wire", Instant.parse("2025-11-20T12:00:00Z"), title, text, "en", "test", 1);
  }

  private static Set<String> claims(Article a, boolean prefilter) {
    return ClaimScreen.extractor(GAZETTEER, LEXICON, PROFILE, prefilter).extract(a).stream()
        .map(Claim::toString).collect(Collectors.toSet());
  }

  @Test
  void roughSplitCutsAtSentenceEndsButNotAfterAbbreviations() {
    String text = "Gen. Syrskyi met Mr. Smith in the U.S. on Monday. Russian forces attacked! Was it true?\nNew line";
    List<RoughSentence> rough = PrefilterAnalyzer.split(text, 0);
    List<String> pieces = rough.stream().map(r -> text.substring(r.start(), r.end())).toList();
    assertEquals(List.of("Gen. Syrskyi met Mr. Smith in the U.S. on Monday.", "Russian forces attacked!", "Was it true?", "New line"),
        pieces);
    assertEquals(1, rough.get(3).line());
  }

  @Test
  void keptSentencesCarryTheirOffsetsAndConsecutiveIndexes() {
    String title = "Weather in Lviv";
    String text = title + "\n\nIt rained all day and the markets were quiet. Prices of bread rose slightly. "
        + "Russia's defence ministry said on Tuesday its troops had captured Kupiansk. The ministry gave no details.";
    PrefilterAnalyzer analyzer = new PrefilterAnalyzer(new OpenNlpAnalyzer(), new ClaimScreen(GAZETTEER, LEXICON));
    List<Sentence> kept = analyzer.analyze(text, title.length());
    List<Sentence> all = new OpenNlpAnalyzer().analyze(text, title.length());
    assertTrue(kept.size() < all.size(), kept.toString());
    for (int i = 0; i < kept.size(); i++) {
      Sentence s = kept.get(i);
      assertEquals(i, s.index());
      assertEquals(s.text(), text.substring(s.start(), s.end()));
      // The same sentence, tokens and all, as the full analysis gives.
      Sentence same = all.stream().filter(x -> x.start() == s.start()).findFirst().orElseThrow();
      assertEquals(same.tokens(), s.tokens());
      assertEquals(same.end(), s.end());
    }
    assertTrue(kept.stream().anyMatch(s -> s.text().contains("captured Kupiansk")));
    assertFalse(kept.stream().anyMatch(s -> s.text().contains("bread")));
  }

  @Test
  void textWithoutAClaimIsNotAnalysedAtAll() {
    String text = "Ukraine and Russia held talks in Istanbul on Monday. The delegations discussed grain exports and "
        + "prisoner exchanges, officials in Kyiv said.";
    PrefilterAnalyzer analyzer = new PrefilterAnalyzer(new OpenNlpAnalyzer(), new ClaimScreen(GAZETTEER, LEXICON));
    assertEquals(List.of(), analyzer.analyze(text, 0));
  }

  @Test
  void claimsThatNeedTheSentencesAroundThemAreTheSame() {
    String noise = "Electricity was restored to most homes overnight. Schools will reopen next week, the city council said. ";
    List<Article> articles = List.of(
        // a denial referring to the claim of the sentence before
        article("denial", "", noise + "Russia's defence ministry said its forces had captured Kupiansk. "
            + noise + "Ukraine's General Staff denied the claim."),
        // "the city" pointing back two sentences
        article("anaphor", "", "Fighting raged around Pokrovsk for weeks. " + noise + "Russian troops finally captured the city."),
        // a narrative date and a partial date taking the year from earlier
        article("dates", "", "In March 2022 the front moved quickly. " + noise + "On 5 March, Russian forces seized Mariupol's port."),
        // "he said": the claimant from the sentence before
        article("pronoun", "", "Governor Oleh Syniehubov spoke to reporters on Friday. " + noise
            + "Ukrainian forces liberated Kupiansk, he said."));
    for (Article a : articles) {
      Set<String> full = claims(a, false);
      assertFalse(full.isEmpty(), a.articleId());
      assertEquals(full, claims(a, true), a.articleId());
    }
  }

  @Test
  void handMadeDigraphCollapseMatchesTheRegexItReplaces() {
    Pattern regex = Pattern.compile("(zh|sh|ch|kh|ts)\\1+");
    Random random = new Random(7);
    String letters = "zhsckta";
    for (int k = 0; k < 20_000; k++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        sb.append(letters.charAt(random.nextInt(letters.length())));
      }
      String s = sb.toString();
      assertEquals(regex.matcher(s).replaceAll("$1"), NameFolder.collapseDoubledDigraphs(s), s);
    }
  }

  @Test
  void gazetteerTellsWhichWordsCanStartAName() {
    assertTrue(GAZETTEER.mayStartName("Kupiansk"));
    assertTrue(GAZETTEER.mayStartName("Kup'yansk"));
    assertTrue(GAZETTEER.lookupStrict("Chasiv").isEmpty() && !GAZETTEER.lookupStrict("Chasiv Yar").isEmpty());
    assertTrue(GAZETTEER.mayStartName("Chasiv"), "first word of a two-word name");
    assertFalse(GAZETTEER.mayStartName("Ukrainian"));
    assertFalse(GAZETTEER.mayStartName("President"));
  }

  /** The proof on real labelled text: every dev item of ../shared/eval, same claims either way. */
  @Test
  void devItemsGiveTheSameClaimsWithAndWithoutThePrefilter() throws Exception {
    Path pool = Path.of(System.getProperty("contested.shared", "../shared"), "eval", "pool.jsonl");
    Assumptions.assumeTrue(Files.exists(pool), "../shared/eval is not here");
    ObjectMapper om = new ObjectMapper();
    RuleClaimExtractor full = ClaimScreen.extractor(GAZETTEER, LEXICON, PROFILE, false);
    RuleClaimExtractor screened = ClaimScreen.extractor(GAZETTEER, LEXICON, PROFILE, true);
    int items = 0;
    int withClaims = 0;
    List<String> differing = new ArrayList<>();
    for (String line : Files.readAllLines(pool)) {
      JsonNode n = om.readTree(line);
      if (!"dev".equals(n.path("split").asText()) || n.path("published_at").isNull()) {
        continue;
      }
      String published = n.path("published_at").asText();
      Instant at = published.length() == 10
          ? LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(published);
      Article a = new Article(n.path("id").asText(), null, n.path("outlet").asText(), at, n.path("title").asText(""),
          n.path("text").asText(""), "en", "pool", 0);
      List<Claim> expected = full.extract(a);
      items++;
      withClaims += expected.isEmpty() ? 0 : 1;
      if (!Set.copyOf(expected).equals(Set.copyOf(screened.extract(a)))) {
        differing.add(a.articleId());
      }
    }
    assertTrue(items > 100 && withClaims > 20, items + " items, " + withClaims + " with claims");
    assertEquals(List.of(), differing);
  }
}
