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
}
