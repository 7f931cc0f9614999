package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.gazetteer.InflectedNameGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.LocationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, places: variant spellings, transliterations, old names and inflected Cyrillic forms
 * resolve to one gazetteer id, in running text (finder and disambiguator included).
 */
class PlaceVariantsTest {
  private static final String KUPIANSK = "geonames:703656";
  private static final String SIEVIERODONETSK = "geonames:691999";
  private static final String BAKHMUT = "geonames:713174";
  private static final String POKROVSK = "geonames:704422";
  private static final String KHARKIV_OBLAST = "geonames-admin1:UA.07";
  private static final String CRIMEA = "geonames-admin1:UA.11";
  private static final String KURSK_OBLAST = "geonames-admin1:RU.41";

  private static GeoNamesGazetteer gazetteer;
  private static ClaimExtractor extractor;

  @BeforeAll
  static void load() {
    gazetteer = GeoNamesGazetteer.loadDefault();
    extractor = LanguageRoutingExtractor.standard(new OpenNlpAnalyzer(), gazetteer, ConflictProfile.defaultProfile());
  }

  /** The location of the single claim of a sentence. */
  private static Claim only(String language, String sentence) {
    Article a = new Article("p", null, "Wire", Instant.parse("2025-11-20T00:00:00Z"), "", sentence, language, "test", 0);
    List<Claim> claims = extractor.extract(a);
    assertEquals(1, claims.size(), () -> sentence + " -> " + claims);
    return claims.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kupiansk", "Kupyansk", "Kup'yans'k", "Kupjansk", "Купянск", "Куп'янськ"})
  void kupianskSpellingsResolveToOneId(String spelling) {
    assertEquals(KUPIANSK, only("en", "Russian forces captured " + spelling + ".").locationId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sievierodonetsk", "Severodonetsk", "Syevyerodonetsk", "Сєвєродонецьк", "Северодонецк"})
  void sievierodonetskSpellingsResolveToOneId(String spelling) {
    assertEquals(SIEVIERODONETSK, only("en", "Russian troops took " + spelling + " in June 2022.").locationId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Artemivsk", "Artemovsk", "Артемовск"})
  void artemivskIsTheOldNameOfBakhmut(String oldName) {
    assertEquals(BAKHMUT, only("en", "Wagner fighters captured " + oldName + ".").locationId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Krasnoarmeysk", "Krasnoarmiisk", "Красноармейск"})
  void krasnoarmeyskIsTheOldNameOfPokrovsk(String oldName) {
    assertEquals(POKROVSK, only("en", "Russian forces encircled " + oldName + ".").locationId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kharkiv region", "Kharkiv Oblast", "Kharkivska oblast"})
  void kharkivRegionWordingsAreTheRegion(String wording) {
    Claim c = only("en", "Ukrainian forces liberated villages of " + wording + ".");
    assertEquals(KHARKIV_OBLAST, c.locationId());
    assertEquals(LocationType.REGION, c.locationType());
  }

  @Test
  void bareKhersonIsTheCity() {
    Claim c = only("en", "Ukrainian troops liberated Kherson.");
    assertEquals(LocationType.SETTLEMENT, c.locationType());
    assertEquals("Kherson Oblast", c.admin1());
    assertEquals("geonames-admin1:UA.08", only("en", "Russia occupied parts of Kherson region.").locationId());
  }

  @Test
  void crimeaIsARegion() {
    assertEquals(CRIMEA, only("en", "Russia occupied Crimea in 2014.").locationId());
    // Cyrillic "Крым" is also a village in Rostov oblast: the region wins.
    assertEquals(CRIMEA, only("ru", "Россия оккупировала Крым в 2014 году.").locationId());
  }

  @Test
  void kurskOblastInItsCaseFormsIsTheRegion() {
    for (String form : List.of("Курской области", "Курскую область", "Курская область")) {
      assertEquals(KURSK_OBLAST, only("ru", "Украинские войска оккупировали часть территории " + form + ".").locationId(), form);
    }
  }

  @Test
  void inflectedTownNamesFindTheNominative() {
    InflectedNameGazetteer ru = new InflectedNameGazetteer(gazetteer, Lexicon.forLanguage("ru").orElseThrow().caseEndings);
    assertEquals("geonames:690237", ru.lookupStrict("Великой Новоселки").get(0).id());
    assertEquals("geonames:690237", ru.lookupStrict("Великую Новоселку").get(0).id());
    assertEquals("geonames:706483", ru.lookupStrict("Харьковом").get(0).id());
    assertEquals("geonames:713122", ru.lookupStrict("Авдеевку").get(0).id());
    assertEquals("geonames:699839", ru.lookupStrict("Новой Каховке").get(0).id());
    assertEquals("geonames:694677", ru.lookupStrict("Селидово").get(0).id());
    InflectedNameGazetteer uk = new InflectedNameGazetteer(gazetteer, Lexicon.forLanguage("uk").orElseThrow().caseEndings);
    assertEquals("geonames-admin1:UA.05", uk.lookupStrict("Донецької області").get(0).id());
    assertEquals("geonames:706483", uk.lookupStrict("Харкова").get(0).id());
  }

  @Test
  void aBigTownBeatsAVillageWhoseNominativeLooksLikeItsCaseForm() {
    InflectedNameGazetteer ru = new InflectedNameGazetteer(gazetteer, Lexicon.forLanguage("ru").orElseThrow().caseEndings);
    // "Покровска" is also a name of a small Russian Pokrovsk; the Donetsk-oblast town is far bigger.
    assertEquals(POKROVSK, ru.lookupStrict("Покровска").get(0).id());
    // "Курске" is Ukrainian Курське (a village) as written; Russian "в Курске" is the city.
    assertEquals("geonames:538560", ru.lookupStrict("Курске").get(0).id());
  }

  @Test
  void latinNamesAndUnknownWordsAreLeftAlone() {
    InflectedNameGazetteer ru = new InflectedNameGazetteer(gazetteer, Lexicon.forLanguage("ru").orElseThrow().caseEndings);
    assertEquals(gazetteer.lookupStrict("Kupiansk"), ru.lookupStrict("Kupiansk"));
    assertTrue(ru.lookupStrict("Кеннеди").isEmpty());
    assertTrue(ru.variants("Один Два Три Четыре").isEmpty(), "names longer than three words are not de-inflected");
  }
}
