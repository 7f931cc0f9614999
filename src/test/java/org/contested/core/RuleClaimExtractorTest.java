package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.DatePrecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extractor on sentences written for each hard case of CLAIMS.md. */
class RuleClaimExtractorTest {
  private static RuleClaimExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new RuleClaimExtractor(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(), Lexicon.english(),
        ConflictProfile.defaultProfile());
  }

  private static List<String> claims(String outlet, String published, String title, String text) {
    Article a = new Article("t1", null, outlet, Instant.parse(published + "T00:00:00Z"), title, text, "en", "test", 0);
    return extractor.extract(a).stream().map(RuleClaimExtractorTest::row).sorted().collect(Collectors.toList());
  }

  private static String row(Claim c) {
    return c.locationName() + " " + c.claimType() + " " + c.controller() + " " + c.polarity()
        + (c.percent() != null ? " " + c.percent() : "") + " by " + c.claimantSide() + " " + c.eventDate() + " " + c.datePrecision();
  }

  @Test
  void attributedCaptureTakesPublicationDate() {
    List<String> got = claims("Wire", "2025-11-21", "", "The Russian defence ministry said its troops had captured Kupiansk.");
    assertEquals(List.of("Kupiansk CONTROL RU AFFIRMED by RU 2025-11-21 DAY"), got);
  }

  @Test
  void percentOfTownIsPartialControlAttributedThroughPronoun() {
    List<String> got = claims("Wire", "2025-11-21", "",
        "Valery Gerasimov, the Russian chief of staff, told Putin the army was advancing. He said troops had taken 60 percent of Vovchansk.");
    assertTrue(got.contains("Vovchansk PARTIAL_CONTROL RU AFFIRMED 60 by RU 2025-11-21 DAY"), got.toString());
  }

  @Test
  void denialWithContestedYieldsBothClaimsOfTheDenier() {
    List<String> got = claims("Wire", "2025-11-21", "",
        "Kyiv dismissed Moscow's claims and said that Pokrovsk remains contested.");
    assertTrue(got.contains("Pokrovsk CONTROL RU DENIED by UA 2025-11-21 DAY"), got.toString());
    assertTrue(got.contains("Pokrovsk CONTESTED null AFFIRMED by UA 2025-11-21 DAY"), got.toString());
  }

  @Test
  void retrospectiveYearAndMonthOfTheSameYear() {
    List<String> got = claims("Wire", "2025-12-01", "",
        "In 2022, Kupiansk was captured by Russian troops, but in September of the same year Ukrainian forces retook the city.");
    assertTrue(got.contains("Kupiansk CONTROL RU AFFIRMED by OTHER 2022-01-01 YEAR"), got.toString());
    assertTrue(got.contains("Kupiansk CONTROL UA AFFIRMED by OTHER 2022-09-01 MONTH"), got.toString());
  }

  @Test
  void presupposedOccupationInHeadlineSaysClause() {
    List<String> got = claims("Wire", "2023-06-02", "Fuel depot burns in occupied Berdiansk, Ukrainian military says", "");
    // GeoNames spells the name Berdyansk; the id is what matters.
    assertEquals(List.of("Berdyansk CONTROL RU AFFIRMED by UA 2023-06-02 DAY"), got);
  }

  @Test
  void plansAttemptsAndConditionalsAreNotClaims() {
    assertEquals(List.of(), claims("Wire", "2024-05-01", "", "Russian forces are attempting to seize Kupiansk."));
    assertEquals(List.of(), claims("Wire", "2024-05-01", "", "Moscow plans to encircle Kharkiv, an official warned."));
    assertEquals(List.of(), claims("Wire", "2024-05-01", "", "If Russia takes Pokrovsk, the front could shift."));
  }

  @Test
  void facilitiesAreNotPlaces() {
    assertEquals(List.of(), claims("Wire", "2022-03-04", "Russian troops seize Zaporizhzhia nuclear power plant", ""));
  }

  @Test
  void regionSettlementsAreAPartialClaimOnTheRegion() {
    List<String> got = claims("Wire", "2022-09-10", "Ukraine says it liberated dozens of villages in Kharkiv region", "");
    assertEquals(1, got.size(), got.toString());
    assertTrue(got.get(0).startsWith("Kharkiv Oblast PARTIAL_CONTROL UA AFFIRMED"), got.toString());
  }

  @Test
  void bareKhersonIsTheCity() {
    List<String> got = claims("Wire", "2022-11-11", "Ukrainian troops enter Kherson as Russians withdraw", "");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Kherson PARTIAL_CONTROL UA")), got.toString());
  }

  @Test
  void withdrawalDeniesControlOfTheWithdrawingParty() {
    List<String> got = claims("Wire", "2022-03-05", "", "Russian troops withdrew from Enerhodar on Friday.");
    assertEquals(List.of("Enerhodar CONTROL RU DENIED by OTHER 2022-03-04 DAY"), got);
  }

  @Test
  void encircledPassiveNamesTheOtherSide() {
    List<String> got = claims("Wire", "2025-12-12", "", "Hundreds of Russian troops are encircled in Kupiansk, Ukrainian officers said.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Kupiansk ENCIRCLED UA AFFIRMED")), got.toString());
  }

  @Test
  void relativeDatesResolveAgainstTheNarrative() {
    DateResolver d = DateResolver.forArticle(LocalDate.of(2023, 7, 17));
    var analyzer = new OpenNlpAnalyzer();
    var first = d.resolve(analyzer.analyze("On 12 May 2022, troops moved.", 0).get(0).tokens());
    assertEquals(LocalDate.of(2022, 5, 12), first.get(0).date());
    var next = d.resolve(analyzer.analyze("The next day they left.", 0).get(0).tokens());
    assertEquals(LocalDate.of(2022, 5, 13), next.get(0).date());
    var month = d.resolve(analyzer.analyze("Fighting resumed in August.", 0).get(0).tokens());
    assertEquals(DatePrecision.MONTH, month.get(0).precision());
    assertEquals(LocalDate.of(2022, 8, 1), month.get(0).date());
  }

  // ------------------------------------------------------------ hard cases found on the dev set (own sentences)

  private static List<String> wire(String text) {
    return claims("Wire", "2025-11-20", "", text);
  }

  @Test
  void monthMayIsNotAModal() {
    assertEquals(List.of("Rubizhne CONTROL RU AFFIRMED by OTHER 2025-05-12 DAY"), wire("On 12 May, Russian troops captured Rubizhne."));
  }

  @Test
  void namedVillagesAreWholeVillagesAndLandmarksAreNoObjects() {
    List<String> got = wire("Ukrainian units recaptured the villages of Poltavka and Malynivka east of Huliaipole.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Poltavka CONTROL UA AFFIRMED")), got.toString());
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Malynivka CONTROL UA AFFIRMED")), got.toString());
    assertTrue(got.stream().noneMatch(r -> r.startsWith("Hul")), got.toString());
  }

  @Test
  void listMembersShareTheTriggerOfTheFirst() {
    List<String> got = wire("Kyiv said it had recaptured the whole area west of the capital, including Irpin, Bucha and Hostomel.");
    for (String town : List.of("Irpin", "Bucha", "Hostomel")) {
      assertTrue(got.stream().anyMatch(r -> r.startsWith(town + " CONTROL UA AFFIRMED by UA")), got.toString());
    }
  }

  @Test
  void listOfTownsIsNotOneTownLocatingAnother() {
    List<String> got = wire("Russian units pushed into parts of Rubizhne, Popasna and Sievierodonetsk.");
    assertEquals(3, got.size(), got.toString());
    assertTrue(got.stream().allMatch(r -> r.contains("PARTIAL_CONTROL RU")), got.toString());
  }

  @Test
  void capturedPeopleAreNoPlaceClaim() {
    assertEquals(List.of(), wire("Moscow said its troops had killed 300 soldiers in Mariupol and captured a further 1,200."));
    assertEquals(List.of(), wire("Ukrainian forces took dozens of prisoners near Robotyne."));
  }

  @Test
  void placeBeforeAnActiveCaptureVerbIsItsSubject() {
    List<String> got = wire("Russian units based in Bakhmut captured Klishchiivka.");
    assertTrue(got.stream().noneMatch(r -> r.startsWith("Bakhmut")), got.toString());
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Klishchiivka CONTROL RU")), got.toString());
  }

  @Test
  void passiveCaptureKeepsThePlaceBeforeTheVerb() {
    List<String> got = wire("Avdiivka was fully captured by Russian forces, the ministry said.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Avdiivka CONTROL RU AFFIRMED")), got.toString());
  }

  @Test
  void participleAfterToIsAnAdjective() {
    assertEquals(List.of("Crimea CONTROL RU AFFIRMED by OTHER 2025-11-20 DAY"), wire("Lorries still drive to occupied Crimea every night."));
  }

  @Test
  void occupiedQualifiesOnlyTheNameRightAfterIt() {
    List<String> got = wire("Buses that used to run to occupied Crimea now go round through Zaporizhzhia.");
    assertEquals(List.of("Crimea CONTROL RU AFFIRMED by OTHER 2025-11-20 DAY"), got);
  }

  @Test
  void withdrawalFromAVillageMissingFromTheGazetteer() {
    List<String> got = wire("Russian troops withdrew from Makarivka overnight.");
    assertEquals(List.of("Makarivka CONTROL RU DENIED by OTHER 2025-11-20 DAY"), got);
  }

  @Test
  void withdrawalFromACityCentreIsNoLossOfTheCity() {
    List<String> got = wire("Russian troops withdrew from the city centre of Slavutych into its suburbs.");
    assertTrue(got.stream().noneMatch(r -> r.contains("DENIED")), got.toString());
  }

  @Test
  void foreignPlaceKnownOnlyByAnAliasStaysUnresolved() {
    Article a = new Article("t1", null, "Wire", Instant.parse("2025-11-20T00:00:00Z"), "", "Ukrainian troops liberated Makarivka.", "en", "test", 0);
    List<Claim> got = extractor.extract(a);
    assertEquals(1, got.size(), got.toString());
    assertEquals(null, got.get(0).locationId());
    assertEquals("Makarivka", got.get(0).locationName());
  }

  @Test
  void firstNameOfAPersonIsNoPlace() {
    assertEquals(List.of(), wire("President Volodymyr Zelenskyy took part in a meeting of EU leaders in Brussels."));
  }

  @Test
  void tookPlaceIsNoCapture() {
    assertEquals(List.of(), wire("The talks took place in the Chernihiv region, which hosts many displaced people."));
  }

  @Test
  void fightingContinuesAtThePlaceNamedBefore() {
    List<String> got = claims("Wire", "2022-11-28", "Ukraine rejects Russian claims that Bakhmut is surrounded, though heavy fighting continues", "");
    assertTrue(got.contains("Bakhmut ENCIRCLED RU DENIED by UA 2022-11-28 DAY"), got.toString());
    assertTrue(got.contains("Bakhmut CONTESTED null AFFIRMED by UA 2022-11-28 DAY"), got.toString());
  }

  @Test
  void historicFightingIsNoCurrentContest() {
    List<String> got = wire("Kupiansk is a city in the Kharkiv region that has seen heavy fighting since 2022.");
    assertEquals(List.of(), got);
  }

  @Test
  void advanceIntoABesiegedCityIsPartialControlAndEncirclement() {
    List<String> got = claims("Wire", "2022-04-15", "Russia claims advances in besieged port of Mariupol", "");
    assertTrue(got.contains("Mariupol ENCIRCLED RU AFFIRMED by RU 2022-04-15 DAY"), got.toString());
    assertTrue(got.contains("Mariupol PARTIAL_CONTROL RU AFFIRMED by RU 2022-04-15 DAY"), got.toString());
  }

  @Test
  void countedSettlementsArePartOfTheNamedRegion() {
    List<String> got = wire("Ukraine says its forces have pushed forward in the Kharkiv region and liberated 20 settlements.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Kharkiv Oblast PARTIAL_CONTROL UA AFFIRMED by UA")), got.toString());
  }

  @Test
  void advancesInARegionAreNoShareOfIt() {
    assertEquals(List.of(), wire("Ukraine claims some advances in southern Zaporizhzhia region despite the mines."));
  }

  @Test
  void unknownNameWithARegionNounIsNoSettlement() {
    assertEquals(List.of(), wire("Cosmonauts posed with the flags of occupied Donbas regions."));
  }

  @Test
  void passiveSpeechVerbNamesNoClaimant() {
    List<String> got = wire("Later that day, the village of Makarivka was also confirmed to have been liberated by Ukrainian forces.");
    assertEquals(List.of("Makarivka CONTROL UA AFFIRMED by OTHER 2025-11-20 DAY"), got);
  }

  @Test
  void hyphenatedClaimantKeepsItsSide() {
    Article a = new Article("t1", null, "Wire", Instant.parse("2023-08-14T00:00:00Z"),
        "Six hurt in shelling of Russian-occupied areas of Donetsk region, Russia-appointed official says", "", "en", "test", 0);
    List<Claim> got = extractor.extract(a);
    assertEquals(1, got.size(), got.toString());
    assertEquals("RU", got.get(0).claimantSide());
    assertEquals("Russia-appointed official", got.get(0).claimant());
  }

  @Test
  void claimantDropsAuxiliaryWords() {
    Article a = new Article("t1", null, "Wire", Instant.parse("2025-12-12T00:00:00Z"), "",
        "Moscow continues to claim that its troops captured Kupiansk.", "en", "test", 0);
    assertEquals("Moscow", extractor.extract(a).get(0).claimant());
  }

  @Test
  void passiveCaptureWithoutAgentTakesTheNarrativeParty() {
    List<String> got = claims("Wire", "2023-03-01", "",
        "Russian forces pressed on towards the west. Paraskoviivka was reported to have been captured on 17 February.");
    assertEquals(List.of("Paraskoviivka CONTROL RU AFFIRMED by OTHER 2023-02-17 DAY"), got);
  }

  @Test
  void inferredYearNeverPutsAnEventAfterPublication() {
    List<String> got = claims("Encyclopaedia", "2023-07-11", "",
        "Russian troops attacked Marinka on 11 July. On 5 August, Wagner forces claimed to control half of Marinka.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Mar'yinka PARTIAL_CONTROL RU AFFIRMED 50 by RU 2022-08-05 DAY")), got.toString());
  }

  @Test
  void aDayNamedCarriesTheNarrativeButAYearInPassingDoesNot() {
    List<String> got = claims("Encyclopaedia", "2023-07-17", "",
        "A Russian convoy entered Starobilsk on 2 March. Russian forces entered the town of Balakliia during the day.");
    assertTrue(got.contains("Balakliia PARTIAL_CONTROL RU AFFIRMED by OTHER 2023-03-02 DAY"), got.toString());
    List<String> news = wire("Russia annexed Crimea in 2014. Russian troops have now captured Kupiansk, Moscow said.");
    assertTrue(news.contains("Kupiansk CONTROL RU AFFIRMED by RU 2025-11-20 DAY"), news.toString());
  }

  @Test
  void modalGovernsItsWholeClauseButNotReportedSpeech() {
    assertEquals(List.of(), wire("Moscow has demanded that Ukraine pull its troops out of the Donetsk and Luhansk regions in exchange for"
        + " freezing the front line in the southern Zaporizhzhia and Kherson regions."));
    List<String> got = wire("Like Pokrovsk, which was supposed to fall in summer, or what Putin said recently, that they have surrounded Kupiansk.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Kupiansk ENCIRCLED RU AFFIRMED by RU")), got.toString());
  }

  @Test
  void captureOfAFacilityIsNoClaimOnTheTown() {
    assertEquals(List.of(), wire("Wagner said it had captured the Azom factory in Bakhmut."));
  }

  @Test
  void controlOfTheCityCentreIsPartial() {
    List<String> got = wire("Russian forces fought into Bakhmut. On 6 April they took control of the city centre.");
    assertTrue(got.contains("Bakhmut PARTIAL_CONTROL RU AFFIRMED by OTHER 2025-04-06 DAY"), got.toString());
    assertTrue(got.stream().noneMatch(r -> r.startsWith("Bakhmut CONTROL")), got.toString());
  }

  @Test
  void villagesWestOfTheCityAreNotTheCity() {
    List<String> got = wire("Russian troops are trapped in Kupiansk. Maps show villages north and west of the city under Ukrainian control.");
    assertTrue(got.stream().noneMatch(r -> r.startsWith("Kupiansk CONTROL UA")), got.toString());
  }

  @Test
  void narrationAfterAsIsTheOutletsNotTheSpeakers() {
    List<String> got = claims("Wire", "2025-11-20", "Zelenskyy says any plan must bring a fair peace as Russia seizes Kupiansk", "");
    assertEquals(List.of("Kupiansk CONTROL RU AFFIRMED by OTHER 2025-11-20 DAY"), got);
  }

  @Test
  void referringToNamesTheSource() {
    Article a = new Article("t1", null, "Gazette", Instant.parse("2025-12-12T00:00:00Z"), "",
        "Ukrainian troops have liberated Kupiansk, the paper reports, referring to Reuters.", "en", "test", 0);
    assertEquals("Reuters", extractor.extract(a).get(0).claimant());
  }

  @Test
  void attributiveOccupiedIsPresupposedWhateverTheMainVerb() {
    List<String> got = wire("Putin wants to retake the occupied parts of Kursk region before January, the paper wrote.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Kursk Oblast PARTIAL_CONTROL UA AFFIRMED")), got.toString());
    assertEquals(List.of(), wire("Russia could have occupied Kharkiv in 2022."));
    List<String> areas = wire("Shelling hit the occupied territories of Zaporizhzhia region overnight.");
    assertTrue(areas.stream().anyMatch(r -> r.startsWith("Zaporizhzhia Oblast PARTIAL_CONTROL RU AFFIRMED")), areas.toString());
  }

  @Test
  void agentlessCaptureIsTheInvadersAndRecaptureTheDefenders() {
    assertEquals(List.of("Paraskoviivka CONTROL RU AFFIRMED by OTHER 2025-02-17 DAY"),
        wire("Paraskoviivka was reported to have been captured on 17 February."));
    // GeoNames spells it Kamyanske.
    assertEquals(List.of("Kamyanske CONTROL UA AFFIRMED by OTHER 2025-11-20 DAY"), wire("Kamianske has been recaptured."));
  }

  @Test
  void regionAroundTheCapitalIsKyivOblast() {
    List<String> got = wire("Ukraine said it had recaptured the entire region around Kyiv.");
    assertEquals(List.of("Kyiv Oblast CONTROL UA AFFIRMED by UA 2025-11-20 DAY"), got);
  }

  @Test
  void halfOfAHyphenatedLineIsNoPlace() {
    assertEquals(List.of(), wire("After the capture of the Bucha-Hostomel line by Russian forces, paratroopers crossed the river."));
  }

  @Test
  void theOccupiedPeninsulaIsCrimea() {
    List<String> got = claims("Wire", "2023-09-20", "Traffic halted on the bridge as smoke appears over occupied peninsula", "");
    assertEquals(List.of("Crimea CONTROL RU AFFIRMED by OTHER 2023-09-20 DAY"), got);
  }

  @Test
  void deniedCaptureNamesTheDeniersOpponent() {
    assertEquals(List.of("Toretsk CONTROL RU DENIED by UA 2025-11-20 DAY"), wire("Ukraine denied the capture of Toretsk."));
    assertEquals(List.of("Kupiansk CONTROL UA DENIED by RU 2025-11-20 DAY"), wire("Russia denied that Ukrainian forces had retaken Kupiansk."));
  }

  @Test
  void subjectOfADenialIsTheClaimant() {
    Article a = new Article("t1", null, "Kyiv Independent", Instant.parse("2025-11-20T00:00:00Z"), "",
        "The General Staff denied that Toretsk had been captured.", "en", "test", 0);
    Claim c = extractor.extract(a).get(0);
    assertEquals("The General Staff", c.claimant());
    assertEquals(org.contested.model.Polarity.DENIED, c.polarity());
  }

  @Test
  void capitalisedBattleIsTheNameOfAnEvent() {
    assertEquals(List.of(), wire("The Battle of Melitopol was a military engagement in the south."));
    List<String> got = wire("The battle for Bakhmut continues, the governor said.");
    assertTrue(got.stream().anyMatch(r -> r.startsWith("Bakhmut CONTESTED")), got.toString());
  }
}
