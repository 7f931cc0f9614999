package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageTest {
  private static OpenNlpLanguageGuesser guesser;

  @BeforeAll
  static void load() {
    guesser = OpenNlpLanguageGuesser.create();
  }

  @Test
  void normalizesCodes() {
    assertEquals("en", LanguageCodes.normalize("EN"));
    assertEquals("en", LanguageCodes.normalize("en-GB"));
    assertEquals("ru", LanguageCodes.normalize("rus"));
    assertEquals("uk", LanguageCodes.normalize("ukr"));
    assertEquals("de", LanguageCodes.normalize("ger"));
    assertEquals("zh", LanguageCodes.normalize("cmn"));
    assertEquals("xyz", LanguageCodes.normalize("xyz"));
    assertEquals("und", LanguageCodes.normalize(" "));
  }

  @Test
  void detectsEnglishRussianUkrainian() {
    assertEquals(
        "en",
        guesser.guess(
            "Ukrainian forces said on Tuesday they had pushed Russian troops back from two villages"
                + " east of the river after a week of heavy fighting."));
    assertEquals(
        "ru",
        guesser.guess(
            "Министерство обороны сообщило во вторник, что подразделения заняли два населённых"
                + " пункта к востоку от реки после недели тяжёлых боёв."));
    assertEquals(
        "uk",
        guesser.guess(
            "Українські військові повідомили у вівторок, що відтіснили російські війська від двох"
                + " сіл на схід від річки після тижня важких боїв."));
  }

  @Test
  void noLettersIsUndetermined() {
    assertEquals("und", guesser.guess("12:30 — 14.05.2022 !!!"));
    assertEquals("und", guesser.guess(""));
  }
}
