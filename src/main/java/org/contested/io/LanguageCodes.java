package org.contested.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** Normalises language codes to ISO 639-1 ("en", "ru", "uk") where such a code exists. */
public final class LanguageCodes {
  /** ISO 639-2 code for "undetermined". */
  public static final String UNDETERMINED = "und";

  private static final Map<String, String> THREE_TO_TWO = new HashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      try {
        THREE_TO_TWO.put(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (MissingResourceException e) {
        // no 3-letter code known for this language: nothing to map
      }
    }
    // ISO 639-2/B codes and individual languages the OpenNLP Leipzig model reports instead of
    // the macrolanguage that has a 2-letter code.
    String[][] extra = {
      {"ger", "de"}, {"fre", "fr"}, {"chi", "zh"}, {"cmn", "zh"}, {"cze", "cs"}, {"dut", "nl"},
      {"gre", "el"}, {"per", "fa"}, {"pes", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"alb", "sq"},
      {"arm", "hy"}, {"geo", "ka"}, {"ice", "is"}, {"mac", "mk"}, {"may", "ms"}, {"zsm", "ms"},
      {"bur", "my"}, {"baq", "eu"}, {"wel", "cy"}, {"ekk", "et"}, {"lvs", "lv"}, {"azj", "az"},
      {"uzn", "uz"}, {"khk", "mn"}, {"npi", "ne"}, {"swh", "sw"}, {"pnb", "pa"}, {"arb", "ar"},
      {"nob", "nb"}, {"nno", "nn"}, {"plt", "mg"}, {"ydd", "yi"}, {"gug", "gn"}, {"quz", "qu"}
    };
    for (String[] e : extra) {
      THREE_TO_TWO.put(e[0], e[1]);
    }
  }

  private LanguageCodes() {}

  /**
   * Lower-cases a code, keeps only its primary subtag ("en-US" -> "en") and maps 3-letter codes
   * to 2-letter ones when there is one ("rus" -> "ru"); unknown codes are kept as given.
   */
  public static String normalize(String code) {
    if (code == null || code.isBlank()) {
      return UNDETERMINED;
    }
    String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = c.indexOf('-');
    if (dash > 0) {
      c = c.substring(0, dash);
    }
    return c.length() == 3 ? THREE_TO_TWO.getOrDefault(c, c) : c;
  }
}
