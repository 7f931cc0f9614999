package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.junit.jupiter.api.Test;

/** Routing by Article.language(), with the script deciding for undetermined languages. */
class LanguageRoutingExtractorTest {
  private static Article article(String language, String text) {
    return new Article("a", null, "o", Instant.parse("2024-01-01T00:00:00Z"), "", text, language, "s", 0);
  }

  /** An extractor that records its name in the outlet field of one fake claim. */
  private static ClaimExtractor named(String name) {
    return a -> List.of(new Claim("c", a.articleId(), name, a.publishedAt(), "x", "OTHER", null, "X", org.contested.model.LocationType.SETTLEMENT,
        null, null, null, null, org.contested.model.ClaimType.CONTESTED, null, org.contested.model.Polarity.AFFIRMED, null,
        java.time.LocalDate.of(2024, 1, 1), org.contested.model.DatePrecision.DAY, "", 0, 0, a.language(), 0.5));
  }

  private static String route(LanguageRoutingExtractor r, String language, String text) {
    return r.extract(article(language, text)).get(0).outlet();
  }

  @Test
  void picksTheExtractorOfTheLanguageAndFallsBackToEnglish() {
    LanguageRoutingExtractor r = new LanguageRoutingExtractor(Map.of("ru", named("ru"), "uk", named("uk")), named("en"));
    assertEquals("ru", route(r, "ru", "Текст"));
    assertEquals("ru", route(r, "RU-ru", "Текст"));
    assertEquals("uk", route(r, "uk", "Текст"));
    assertEquals("en", route(r, "en", "Текст"));
    assertEquals("en", route(r, "de", "Ein Text"));
  }

  @Test
  void undeterminedLanguageIsGuessedFromTheScript() {
    LanguageRoutingExtractor r = new LanguageRoutingExtractor(Map.of("ru", named("ru"), "uk", named("uk")), named("en"));
    assertEquals("ru", route(r, "und", "Российские войска заняли село"));
    assertEquals("uk", route(r, "und", "Російські війська зайняли село і місто"));
    assertEquals("en", route(r, "und", "Russian troops took the village of Уразово"));
    assertEquals("en", route(r, null, "12 34"));
  }

  @Test
  void markupMarksBecomeSpacesSoOffsetsHold() {
    assertEquals("  Заголовок  ", LanguageRoutingExtractor.blankMarks("**Заголовок**"));
    assertEquals("  текст  ", LanguageRoutingExtractor.blankMarks("__текст__"));
  }
}
