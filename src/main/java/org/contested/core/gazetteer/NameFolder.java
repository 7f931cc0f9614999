package org.contested.core.gazetteer;

import com.google.re2j.Pattern;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;

/**
 * Folds place names to keys under which variant spellings and transliterations meet.
 *
 * <p>{@link #fold} is the strict key: Cyrillic is romanised with ICU's BGN/PCGN rules (Ukrainian
 * when the text has a letter only Ukrainian uses, Belarusian for ў, Russian otherwise), every other
 * script with {@code Any-Latin}; then diacritics, case, apostrophes, soft and hard signs, spaces
 * and hyphens go, the glides j/y/i become one letter, doubled letters collapse, and the {@code i}
 * of Ukrainian {@code ie} (є) after a consonant is dropped ("Sievierodonetsk", "Severodonetsk").
 * So Kupiansk, Kupyansk, Kup'yans'k, Kupjansk, Купянск and Куп'янськ all fold to {@code
 * kupiansk}.
 *
 * <p>{@link #looseKey} also forgets the vowels inside a name and the Ukrainian h / Russian g
 * difference, keeping the first letter, the consonants and the class of the final vowel; it
 * meets the Russian and Ukrainian forms of one name (Zaporozhye, Zaporizhzhia; Horlivka,
 * Gorlovka) and is meant only as a fallback when the strict key finds nothing.
 *
 * <p>Thread-safe: ICU transliterators are kept per thread.
 */
public final class NameFolder {
  private static final String TAIL = "; Latin-ASCII; Lower";
  // Any-Latin is slow, so Latin and Cyrillic text (nearly all of it) skip it.
  private static final ThreadLocal<Transliterator[]> TRANSLITERATORS =
      ThreadLocal.withInitial(
          () ->
              new Transliterator[] {
                Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"),
                Transliterator.getInstance("Latin-ASCII; Lower"),
                Transliterator.getInstance("Russian-Latin/BGN" + TAIL),
                Transliterator.getInstance("Ukrainian-Latin/BGN" + TAIL),
                Transliterator.getInstance("Belarusian-Latin/BGN" + TAIL)
              });

  private static final String[] DIGRAPHS = {"zh", "sh", "ch", "kh", "ts"};
  private static final Pattern URLISH = Pattern.compile("(?i)https?:|www\\.|/|\\.(com|org|ru|ua)$");

  /** Loose keys shorter than this match too much to be worth a fallback. */
  static final int MIN_LOOSE_KEY = 4;

  private NameFolder() {}

  /** The strict key of a name; empty when the name has no letters or digits. */
  public static String fold(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String latin = romanise(name);
    StringBuilder sb = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c == 'j' || c == 'y') {
        sb.append('i'); // one glide letter for j (German, Polish), y (English) and i
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
      // everything else goes: apostrophes for soft signs, hyphens, spaces, quotes
    }
    String s = collapseDoubledDigraphs(sb);
    s = collapseDoubles(s);
    s = dropGlidingI(s);
    return collapseDoubles(s);
  }

  /**
   * "shsh" → "sh": what the regex {@code (zh|sh|ch|kh|ts)\1+ → $1} does, by hand, since fold runs
   * for every capitalised word of every article.
   */
  public static String collapseDoubledDigraphs(CharSequence in) {
    String s = in.toString();
    StringBuilder out = null;
    int i = 0;
    int copied = 0;
    while (i + 3 < s.length()) {
      String repeated = null;
      for (String d : DIGRAPHS) {
        if (s.startsWith(d, i) && s.startsWith(d, i + 2)) {
          repeated = d;
          break;
        }
      }
      if (repeated == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, i + 2);
      int j = i + 4;
      while (s.startsWith(repeated, j)) {
        j += 2;
      }
      i = j;
      copied = j;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** The name up to its first space or hyphen: "Myrna" of "Myrna Dolina", "Kamianka" of "Kamianka-Dniprovska". */
  public static String firstWord(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c == '-' || c == '‑' || c == '–') {
        return name.substring(0, i);
      }
    }
    return name;
  }

  /**
   * The loose key of a name, or empty when it is too short to be a safe fallback (fewer than
   * {@value #MIN_LOOSE_KEY} characters).
   */
  public static String looseKey(String name) {
    return looseKeyOfFolded(fold(name));
  }

  /** {@link #looseKey} of a name already {@link #fold folded}. */
  static String looseKeyOfFolded(String key) {
    if (key.isEmpty()) {
      return "";
    }
    // One symbol per digraph so that dropping vowels cannot glue letters into a new digraph.
    String s =
        key.replace("shch", "W")
            .replace("zh", "Z")
            .replace("kh", "X")
            .replace("ch", "C")
            .replace("sh", "S")
            .replace("ts", "T")
            .replace('h', 'g');
    int end = s.length();
    while (end > 1 && isVowel(s.charAt(end - 1))) {
      end--;
    }
    String finalVowels = s.substring(end);
    StringBuilder sb = new StringBuilder();
    sb.append(s.charAt(0));
    for (int i = 1; i < end; i++) {
      char c = s.charAt(i);
      if (!isVowel(c) && c != sb.charAt(sb.length() - 1)) {
        sb.append(c);
      }
    }
    if (!finalVowels.isEmpty()) {
      // Only the class of the ending survives: -y/-i (plural, adjectival) vs. -a/-e/-o/-ia/-ye.
      sb.append(finalVowels.chars().allMatch(c -> c == 'i') ? 'i' : 'a');
    }
    return sb.length() >= MIN_LOOSE_KEY ? sb.toString() : "";
  }

  /**
   * Whether an alternate name is worth indexing: not a code (IATA/ICAO), URL, number, a single
   * very short token or an all-lowercase romanisation, and written in Latin or Cyrillic letters
   * (the scripts of the corpora; other scripts only cost memory on a full dump).
   */
  public static boolean isIndexable(String name) {
    if (name == null || name.isBlank() || URLISH.matcher(name).find()) {
      return false;
    }
    boolean hasLetter = false;
    boolean allUpper = true;
    boolean hasUpper = false;
    int letters = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        return false;
      }
      if (Character.isLetter(cp)) {
        hasLetter = true;
        letters++;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.LATIN
            && script != Character.UnicodeScript.CYRILLIC) {
          return false;
        }
        allUpper &= Character.isUpperCase(cp);
        hasUpper |= Character.isUpperCase(cp);
      }
    }
    if (!hasLetter || !hasUpper) {
      return false; // all-lowercase alternates are machine romanisations ("ku pi yang si ke")
    }
    boolean singleToken = name.trim().indexOf(' ') < 0;
    if (singleToken && allUpper && name.length() <= 4) {
      return false; // KBP, UKKK, OZH: airport and other codes
    }
    return !(singleToken && letters < 3);
  }

  /** The number of whitespace-separated tokens in a name. */
  static int tokenCount(String name) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < name.length(); i++) {
      boolean space = Character.isWhitespace(name.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String romanise(String name) {
    if (isAscii(name)) {
      return name; // the common case for English text: no normalisation, no ICU call
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC);
    boolean ascii = true;
    boolean latin = true;
    boolean cyrillic = false;
    boolean ukrainian = false;
    boolean belarusian = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        if (Character.isLetter(c)
            && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
          latin = false;
        }
      }
      if (c >= 0x0400 && c <= 0x052F) {
        cyrillic = true;
        switch (c) {
          case 'і', 'І', 'ї', 'Ї', 'є', 'Є', 'ґ', 'Ґ' -> ukrainian = true;
          case 'ў', 'Ў' -> belarusian = true;
          default -> {}
        }
      }
    }
    if (ascii) {
      return s; // the common case for English text: no ICU call
    }
    if (latin) {
      // Most Latin names only carry combining accents: strip them without ICU, which is slow.
      String stripped = Normalizer.normalize(s, Normalizer.Form.NFD);
      StringBuilder sb = new StringBuilder(stripped.length());
      boolean plain = true;
      for (int i = 0; i < stripped.length() && plain; i++) {
        char c = stripped.charAt(i);
        if (c < 0x80) {
          sb.append(c);
        } else if (Character.getType(c) != Character.NON_SPACING_MARK
            && Character.isLetter(c)) {
          plain = false; // ł, ø, ß ...: let ICU decide
        }
      }
      if (plain) {
        return sb.toString();
      }
    }
    Transliterator[] t = TRANSLITERATORS.get();
    Transliterator chosen;
    if (latin) {
      chosen = t[1];
    } else if (!cyrillic) {
      chosen = t[0];
    } else {
      chosen = belarusian ? t[4] : ukrainian ? t[3] : t[2];
    }
    return chosen.transliterate(s);
  }

  private static String collapseDoubles(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (sb.length() == 0 || sb.charAt(sb.length() - 1) != c) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Drops the i of "ie" after a consonant: Ukrainian є is written ie there, Russian е just e. */
  private static String dropGlidingI(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean glide =
          c == 'i'
              && i > 0
              && i + 1 < s.length()
              && s.charAt(i + 1) == 'e'
              && !isVowel(s.charAt(i - 1));
      if (!glide) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /**
   * Whether two strict keys are close enough for a loose match to count: the vowel and h/g
   * differences the loose key forgets, not a different name that happens to share consonants.
   */
  static boolean closeEnough(String a, String b) {
    int limit = Math.min(a.length(), b.length()) >= 7 ? 2 : 1;
    return editDistance(a, b, limit) <= limit;
  }

  /** Levenshtein distance, giving up (returning limit + 1) once it exceeds {@code limit}. */
  static int editDistance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
