package org.contested.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameKeyTest {

  @Test
  void foldsCaseDiacriticsApostrophesAndPunctuation() {
    assertEquals("kamianske", NameKey.fold("Kam\u2019ianske"));
    assertEquals("kamianske", NameKey.fold("Kam'ianske"));
    assertEquals("velyka novosilka", NameKey.fold("Velyka-Novosilka"));
    assertEquals("zaporizhzhia", NameKey.fold("Zaporízhzhia"));
    assertEquals("", NameKey.fold(null));
  }

  @Test
  void transliteratesCyrillicLikeEnglishNews() {
    assertEquals("bakhmut", NameKey.fold("Бахмут"));
    assertEquals("chasiv iar", NameKey.fold("Часів Яр"));
    // The soft sign becomes an apostrophe in transliteration and must vanish like one.
    assertEquals(NameKey.fold("Kharkov"), NameKey.fold("Харьков"));
    assertEquals(NameKey.fold("Pokrovsk"), NameKey.fold("Покровськ"));
  }

  @Test
  void mergesYiRomanisationVariants() {
    assertEquals(NameKey.fold("Kupiansk"), NameKey.fold("Kupyansk"));
    assertEquals(NameKey.fold("Kupiansk"), NameKey.fold("Купянск"));
    assertEquals(NameKey.fold("Zaporizhzhia"), NameKey.fold("Zaporizhzhya"));
    assertNotEquals(NameKey.fold("Lyman"), NameKey.fold("Liman"));
  }

  @Test
  void regionWordingNormalisesToOneKey() {
    NameKey.Folded oblast = NameKey.of("Kherson Oblast");
    assertEquals(oblast, NameKey.of("Kherson region"));
    assertEquals(oblast, NameKey.of("the Kherson oblast"));
    assertEquals(oblast, NameKey.of("Kherson Krai"));
    assertTrue(oblast.region());
    assertEquals("kherson", oblast.stem());

    NameKey.Folded crimea = NameKey.of("Autonomous Republic of Crimea");
    assertEquals("crimea", crimea.stem());
    assertTrue(crimea.region());
    assertEquals(crimea, NameKey.of("Republic of Crimea"));
  }

  @Test
  void cityKeepsItsOwnKey() {
    NameKey.Folded city = NameKey.of("Kherson");
    assertFalse(city.region());
    assertEquals("kherson", city.stem());
    assertNotEquals(city.key(), NameKey.of("Kherson Oblast").key());
    // A bare suffix word is a name, not an empty region.
    assertFalse(NameKey.of("Region").region());
  }
}
