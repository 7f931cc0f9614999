package org.contested.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.contested.core.gazetteer.InflectedNameGazetteer;
import org.contested.core.text.TextAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;

/**
 * Picks the extractor for an article's language ({@link Article#language()}, an ISO 639-1 code as
 * the readers guess it), falling back to English. An article whose language is unknown ("und")
 * is routed by its script, since the guessers abstain on short texts such as Telegram posts.
 * Not thread-safe, like the extractors it holds.
 */
public final class LanguageRoutingExtractor implements ClaimExtractor {
  /** Languages with a bundled lexicon besides English. */
  public static final List<String> LANGUAGES = List.of("ru", "uk");

  private final Map<String, ClaimExtractor> byLanguage;
  private final ClaimExtractor fallback;

  public LanguageRoutingExtractor(Map<String, ClaimExtractor> byLanguage, ClaimExtractor fallback) {
    this.byLanguage = Map.copyOf(byLanguage);
    this.fallback = fallback;
  }

  /**
   * The bundled languages: English, and Russian and Ukrainian with their lexicons and a gazetteer
   * view that undoes case endings. The extractors share one analyzer (they run one at a time).
   */
  public static LanguageRoutingExtractor standard(TextAnalyzer analyzer, Gazetteer gazetteer, ConflictProfile profile) {
    return standard(analyzer, gazetteer, profile, new RuleClaimExtractor(analyzer, gazetteer, Lexicon.english(), profile));
  }

  /** As {@link #standard(TextAnalyzer, Gazetteer, ConflictProfile)}, with the given English extractor. */
  public static LanguageRoutingExtractor standard(TextAnalyzer analyzer, Gazetteer gazetteer, ConflictProfile profile,
      ClaimExtractor english) {
    Map<String, ClaimExtractor> extractors = new LinkedHashMap<>();
    for (String code : LANGUAGES) {
      Optional<Lexicon> lexicon = Lexicon.forLanguage(code);
      lexicon.ifPresent(lex -> extractors.put(code, forInflectedLanguage(analyzer, gazetteer, lex, profile)));
    }
    return new LanguageRoutingExtractor(extractors, english);
  }

  /**
   * An extractor for a language that inflects place names and capitalises every proper name:
   * names are looked up through {@link InflectedNameGazetteer}, and only claims on places the
   * gazetteer knows are kept, since an unknown capitalised word after a trigger is far more often
   * a person ("в окружении Трампа") than a missing village, and its inflected surface would not
   * name the place anyway.
   */
  static ClaimExtractor forInflectedLanguage(TextAnalyzer analyzer, Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile) {
    Gazetteer inflected = new InflectedNameGazetteer(gazetteer, lexicon.caseEndings);
    RuleClaimExtractor rules = new RuleClaimExtractor(analyzer, inflected, lexicon, profile);
    return article -> rules.extract(withoutMarkup(article)).stream()
        .filter(c -> c.locationId() != null || !inflected.lookupStrict(c.locationName()).isEmpty())
        .toList();
  }

  /**
   * Telegram markdown ("**Российские власти: ...**", "__текст__") glued to words hides them from
   * the lexicon; the marks become spaces, so every offset into the text stays the same.
   */
  static Article withoutMarkup(Article a) {
    String title = a.title() == null ? null : blankMarks(a.title());
    return new Article(a.articleId(), a.url(), a.outlet(), a.publishedAt(), title, blankMarks(a.text()), a.language(), a.source(),
        a.position());
  }

  static String blankMarks(String s) {
    return s.indexOf('*') < 0 && s.indexOf('_') < 0 ? s : s.replace('*', ' ').replace('_', ' ');
  }

  @Override
  public List<Claim> extract(Article article) {
    return extractorFor(article).extract(article);
  }

  ClaimExtractor extractorFor(Article article) {
    String code = languageOf(article);
    return byLanguage.getOrDefault(code, fallback);
  }

  /** The article's two-letter language; for an unknown one, guessed from the script. */
  static String languageOf(Article article) {
    String language = article.language() == null ? "" : article.language().trim().toLowerCase(Locale.ROOT);
    if (language.length() >= 2 && !language.equals("und")) {
      return language.substring(0, 2);
    }
    return byScript(article.fullText());
  }

  /** "ru" or "uk" when most letters are Cyrillic (Ukrainian when і, ї, є or ґ occur), else "en". */
  static String byScript(String text) {
    int letters = 0;
    int cyrillic = 0;
    boolean ukrainian = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
        cyrillic++;
        char l = Character.toLowerCase(c);
        ukrainian |= l == 'і' || l == 'ї' || l == 'є' || l == 'ґ';
      }
    }
    if (letters == 0 || cyrillic * 2 <= letters) {
      return "en";
    }
    return ukrainian ? "uk" : "ru";
  }
}
