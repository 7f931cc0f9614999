package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Russian- and Ukrainian-language claims, on sentences written for each case. */
class RussianClaimsTest {
  private static ClaimExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = LanguageRoutingExtractor.standard(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(), ConflictProfile.defaultProfile());
  }

  private static List<String> claims(String language, String outlet, String text) {
    Article a = new Article("r1", null, outlet, Instant.parse("2024-11-20T10:00:00Z"), "", text, language, "test", 0);
    return extractor.extract(a).stream().map(RussianClaimsTest::row).sorted().collect(Collectors.toList());
  }

  private static String row(Claim c) {
    return c.locationName() + " " + c.claimType() + " " + c.controller() + " " + c.polarity()
        + (c.percent() != null ? " " + c.percent() : "") + " by " + c.claimantSide() + " " + c.eventDate() + " " + c.datePrecision();
  }

  @Test
  void liberationInRussianStateMediaIsARussianCapture() {
    assertEquals(List.of("Toretsk CONTROL RU AFFIRMED by OTHER 2024-11-20 DAY"),
        claims("ru", "РИА Новости", "После освобождения Торецка в городе работают саперы, рассказал местный житель."));
    // The same word from a Ukrainian outlet names Ukraine.
    assertEquals(List.of("Toretsk CONTROL UA AFFIRMED by OTHER 2024-11-20 DAY"),
        claims("ru", "Укринформ", "После освобождения Торецка в городе работают саперы, рассказал местный житель."));
  }

  @Test
  void speechVerbAfterTheClauseNamesTheClaimant() {
    assertEquals(List.of("Avdiivka CONTROL RU AFFIRMED by RU 2024-11-20 DAY"),
        claims("ru", "Медиа", "Российские подразделения полностью освободили Авдеевку, заявили в Минобороны России."));
  }

  @Test
  void passiveParticipleTakesTheFollowingPartyAsAgent() {
    assertEquals(List.of("Kherson CONTROL UA AFFIRMED by OTHER 2022-11-11 DAY"),
        claims("ru", "Медиа", "Херсон был освобожден украинскими войсками 11 ноября 2022 года."));
  }

  @Test
  void occupiedPartOfARussianRegionIsHeldByUkraine() {
    assertEquals(List.of("Kursk Oblast PARTIAL_CONTROL UA AFFIRMED by RU 2024-11-20 DAY"),
        claims("ru", "Медиа", "Российские власти: жители оккупированной части Курской области получат выплаты"));
  }

  @Test
  void failedCaptureIsDeniedAndTakesTheYearNamed() {
    List<String> got = claims("ru", "Медиа",
        "Весной Торецк оставался важным пунктом обороны. Однако в 2023 году российским войскам не удалось его захватить.");
    assertEquals(List.of("Toretsk CONTROL RU DENIED by OTHER 2023-01-01 YEAR"), got);
  }

  @Test
  void monthInTheGenitiveAfterBeginningOf() {
    assertEquals(List.of("Sudzha PARTIAL_CONTROL UA AFFIRMED by OTHER 2024-08-01 MONTH"),
        claims("ru", "Медиа", "В начале августа украинские военные вошли в Суджу."));
  }

  @Test
  void accordingToPutsTheClaimantAfterThePhrase() {
    assertEquals(List.of("Toretsk PARTIAL_CONTROL RU AFFIRMED 80 by RU 2024-11-20 DAY"),
        claims("ru", "Медиа", "По словам Пушилина, около 80% Торецка находится под контролем российских войск."));
  }

  @Test
  void fightingForAPlaceIsContested() {
    assertEquals(List.of("Chasiv Yar CONTESTED null AFFIRMED by UA 2024-11-20 DAY"),
        claims("ru", "Медиа", "Бои за Часов Яр продолжаются, сообщил Сырский."));
  }

  @Test
  void withdrawalDeniesTheWithdrawingSidesControl() {
    assertEquals(List.of("Avdiivka CONTROL UA DENIED by OTHER 2024-02-17 DAY"),
        claims("ru", "Медиа", "17 февраля ВСУ отступили из Авдеевки."));
  }

  @Test
  void denialOfACaptureIsTheDeniersDeniedClaim() {
    assertEquals(List.of("Toretsk CONTROL RU DENIED by UA 2024-11-20 DAY"),
        claims("ru", "Медиа", "Генштаб ВСУ опроверг сообщения о том, что российские войска захватили Торецк."));
    assertEquals(List.of("Toretsk CONTROL RU DENIED by UA 2024-11-20 DAY"),
        claims("ru", "Медиа", "Киев отверг заявления Москвы о захвате Торецка."));
  }

  @Test
  void attemptsPlansAndGoalsAreNoClaims() {
    assertEquals(List.of(), claims("ru", "Медиа", "Российская армия пытается окружить Покровск."));
    assertEquals(List.of(), claims("ru", "Медиа", "Путин хочет вернуть под контроль территории Курской области до весны."));
    assertEquals(List.of(), claims("ru", "Медиа", "Следующей целью наступления может стать Курахово, считают эксперты."));
  }

  @Test
  void peopleAfterAnEntourageNounAreNoPlaces() {
    assertEquals(List.of(), claims("ru", "Медиа", "В окружении Дональда Трампа обсуждают новых министров."));
    assertEquals(List.of(), claims("ru", "Медиа", "Армия освобождения Белуджистана взяла на себя ответственность за взрыв."));
  }

  @Test
  void sentencesWithoutTriggersYieldNothing() {
    assertEquals(List.of(), claims("ru", "Медиа", "В Харькове прогремели взрывы, сообщил мэр Игорь Терехов."));
    assertEquals(List.of(), claims("ru", "Медиа", "Суд Москвы арестовал бывшего чиновника Минобороны."));
  }

  @Test
  void ukrainianArticlesUseTheUkrainianLexicon() {
    assertEquals(List.of("Kupiansk CONTROL UA AFFIRMED by UA 2024-11-20 DAY"),
        claims("uk", "Укрінформ", "Сили оборони звільнили Куп'янськ, повідомив Генштаб ЗСУ."));
    assertEquals(List.of("Avdiivka CONTROL UA DENIED by UA 2024-02-01 MONTH"),
        claims("uk", "Укрінформ", "ЗСУ відступили з Авдіївки у лютому 2024 року."));
  }
}
