package org.contested.eval;

import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds place names to comparison keys: transliterated to ASCII, lower case, apostrophes dropped,
 * romanisation variants merged, other punctuation as single spaces, and first-level-region wording
 * normalised so that "Kherson Oblast" and "Kherson region" share a key yet stay distinct from the
 * city "Kherson".
 */
public final class NameKey {

  /** A folded name: its stem without region wording, and whether region wording was present. */
  public record Folded(String stem, boolean region) {
    /** Stable text form for dedup keys. */
    public String key() {
      return region ? stem + " #region" : stem;
    }
  }

  // Cyrillic goes through the BGN/PCGN romanisations (kh, zh, shch, ya), which is how English
  // news spells these places; Ukrainian-only letters pick the Ukrainian table. Anything else takes
  // ICU's generic Latin. Instances are not thread-safe, hence the synchronized use below.
  private static final Transliterator UKRAINIAN =
      Transliterator.getInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII");
  private static final Transliterator RUSSIAN =
      Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
  private static final Transliterator ANY = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  private static final Pattern UKRAINIAN_LETTERS =
      Pattern.compile("[\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490]");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  // Romanisations differ in y/i before a vowel (Kupyansk / Kupiansk, Zaporizhzhya / Zaporizhzhia).
  private static final Pattern Y_BEFORE_VOWEL = Pattern.compile("y(?=[aeiou])");

  // Apostrophe-like marks (incl. Ukrainian apostrophe, modifier letters and primes that the
  // transliterator emits for soft signs) vanish rather than splitting words: "Kam'ianske".
  private static final Pattern APOSTROPHES =
      Pattern.compile("['`\u2018\u2019\u02bc\u02b9\u02ba\u2032\u2033\"]");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private static final List<String> REGION_PREFIXES =
      List.of("autonomous republic of ", "republic of ");
  private static final List<String> REGION_SUFFIXES =
      List.of(
          " autonomous republic",
          " oblast",
          " region",
          " krai",
          " kray",
          " republic",
          " province",
          " obl");

  private NameKey() {}

  /**
   * Lower-case ASCII form with apostrophes dropped, "y" before a vowel written "i", and other
   * punctuation collapsed to single spaces.
   */
  public static String fold(String name) {
    if (name == null) {
      return "";
    }
    String noApostrophes = APOSTROPHES.matcher(name).replaceAll("");
    Transliterator toAscii =
        UKRAINIAN_LETTERS.matcher(noApostrophes).find()
            ? UKRAINIAN
            : CYRILLIC.matcher(noApostrophes).find() ? RUSSIAN : ANY;
    String ascii;
    synchronized (toAscii) {
      ascii = toAscii.transliterate(noApostrophes);
    }
    String lower = APOSTROPHES.matcher(ascii).replaceAll("").toLowerCase(Locale.ROOT);
    lower = Y_BEFORE_VOWEL.matcher(lower).replaceAll("i");
    return NON_ALNUM.matcher(lower).replaceAll(" ").trim();
  }

  /** Folds {@code name} and strips one layer of region wording ("the", "Oblast", "region"...). */
  public static Folded of(String name) {
    String folded = fold(name);
    if (folded.startsWith("the ")) {
      folded = folded.substring(4);
    }
    for (String prefix : REGION_PREFIXES) {
      if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
        return new Folded(folded.substring(prefix.length()), true);
      }
    }
    for (String suffix : REGION_SUFFIXES) {
      if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
        return new Folded(folded.substring(0, folded.length() - suffix.length()), true);
      }
    }
    return new Folded(folded, false);
  }

  /** Whether {@code name} carries first-level-region wording. */
  public static boolean hasRegionSuffix(String name) {
    return of(name).region();
  }
}
