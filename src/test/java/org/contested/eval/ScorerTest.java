package org.contested.eval;

import static org.contested.eval.Fixtures.forArticle;
import static org.contested.eval.Fixtures.gold;
import static org.contested.eval.Fixtures.pred;
import static org.contested.model.ClaimType.CONTESTED;
import static org.contested.model.ClaimType.CONTROL;
import static org.contested.model.ClaimType.PARTIAL_CONTROL;
import static org.contested.model.LocationType.REGION;
import static org.contested.model.LocationType.SETTLEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.contested.model.DatePrecision;
import org.contested.model.Polarity;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final long BAKHMUT = 700001L;
  private static final long KHERSON = 700002L;

  @Test
  void resolvedIdsDecideWhenBothSidesHaveThem() {
    GoldClaim g = gold("Bakhmut", BAKHMUT, CONTROL, "RU");
    assertTrue(
        Scorer.sameLocation(
            g, pred("Artemovsk", "geonames:" + BAKHMUT, SETTLEMENT, CONTROL, "RU")));
    // Same name, another id (a namesake village): the ids disagree, so no match.
    assertFalse(Scorer.sameLocation(g, pred("Bakhmut", "geonames:999", SETTLEMENT, CONTROL, "RU")));
  }

  @Test
  void unresolvedPredictionFallsBackToName() {
    GoldClaim g = gold("Bakhmut", BAKHMUT, CONTROL, "RU");
    assertTrue(Scorer.sameLocation(g, pred("BAKHMUT", null, SETTLEMENT, CONTROL, "RU")));
    assertTrue(Scorer.sameLocation(g, pred("Бахмут", null, SETTLEMENT, CONTROL, "RU")));
    assertFalse(Scorer.sameLocation(g, pred("Soledar", null, SETTLEMENT, CONTROL, "RU")));
  }

  @Test
  void regionMatchesRegionUnderAnySuffix() {
    GoldClaim g = gold("Kherson Oblast", null, PARTIAL_CONTROL, "UA");
    assertTrue(
        Scorer.sameLocation(
            g, pred("Kherson region", "geonames-admin1:UA.08", REGION, PARTIAL_CONTROL, "UA")));
    assertTrue(Scorer.sameLocation(g, pred("Kherson Oblast", null, REGION, PARTIAL_CONTROL, "UA")));
    // Type missing but the name says region.
    assertTrue(Scorer.sameLocation(g, pred("Kherson region", null, null, PARTIAL_CONTROL, "UA")));
  }

  @Test
  void regionNeverMatchesCityOfSameStem() {
    GoldClaim region = gold("Kherson Oblast", null, CONTROL, "UA");
    GoldClaim city = gold("Kherson", KHERSON, CONTROL, "UA");
    Prediction cityPred = pred("Kherson", "geonames:" + KHERSON, SETTLEMENT, CONTROL, "UA");
    Prediction unresolvedCity = pred("Kherson", null, SETTLEMENT, CONTROL, "UA");
    Prediction regionPred = pred("Kherson Oblast", "geonames-admin1:UA.08", REGION, CONTROL, "UA");
    Prediction regionTypedBareName = pred("Kherson", null, REGION, CONTROL, "UA");
    assertFalse(Scorer.sameLocation(region, cityPred));
    assertFalse(Scorer.sameLocation(region, unresolvedCity));
    assertFalse(Scorer.sameLocation(city, regionPred));
    assertFalse(Scorer.sameLocation(city, regionTypedBareName));
    assertTrue(Scorer.sameLocation(region, regionTypedBareName));
    assertTrue(Scorer.sameLocation(city, unresolvedCity));
  }

  @Test
  void unresolvedGoldNameWithoutSuffixMatchesAnyType() {
    GoldClaim crimea = gold("Crimea", null, CONTROL, "RU");
    assertTrue(
        Scorer.sameLocation(
            crimea, pred("Crimea", "geonames-admin1:UA.11", REGION, CONTROL, "RU")));
    assertTrue(
        Scorer.sameLocation(
            crimea, pred("Autonomous Republic of Crimea", null, REGION, CONTROL, "RU")));
    GoldClaim village = gold("Dovhenke", null, CONTROL, "RU");
    assertTrue(
        Scorer.sameLocation(village, pred("Dovhenke", "geonames:123", SETTLEMENT, CONTROL, "RU")));
    assertTrue(Scorer.sameLocation(village, pred("Dovhenke", null, SETTLEMENT, CONTROL, "RU")));
  }

  @Test
  void levelsAddFieldsInTurn() {
    GoldClaim g =
        gold(
            "Bakhmut",
            BAKHMUT,
            CONTROL,
            "RU",
            Polarity.AFFIRMED,
            "RU",
            "2023-05-20",
            DatePrecision.DAY);
    String id = "geonames:" + BAKHMUT;
    Prediction exact =
        pred("Bakhmut", id, SETTLEMENT, CONTROL, "RU", Polarity.AFFIRMED, "RU", "2023-05-20");
    Prediction wrongController =
        pred("Bakhmut", id, SETTLEMENT, CONTROL, "UA", Polarity.AFFIRMED, "RU", "2023-05-20");
    Prediction denied =
        pred("Bakhmut", id, SETTLEMENT, CONTROL, "RU", Polarity.DENIED, "RU", "2023-05-20");
    Prediction wrongSide =
        pred("Bakhmut", id, SETTLEMENT, CONTROL, "RU", Polarity.AFFIRMED, "OTHER", "2023-05-20");
    Prediction noDate =
        pred("Bakhmut", id, SETTLEMENT, CONTROL, "RU", Polarity.AFFIRMED, "RU", null);
    for (Level level : Level.values()) {
      assertTrue(Scorer.matches(level, g, exact), level.label());
    }
    assertTrue(Scorer.matches(Level.LOCATION, g, wrongController));
    assertFalse(Scorer.matches(Level.STRICT, g, wrongController));
    assertFalse(Scorer.matches(Level.STRICT, g, denied));
    assertTrue(Scorer.matches(Level.STRICT, g, wrongSide));
    assertFalse(Scorer.matches(Level.FULL, g, wrongSide));
    assertTrue(Scorer.matches(Level.STRICT, g, noDate));
    assertFalse(Scorer.matches(Level.FULL, g, noDate));
  }

  @Test
  void contestedHasNoControllerAndBlankEqualsNull() {
    GoldClaim g = gold("Marinka", 700003L, CONTESTED, null);
    assertTrue(
        Scorer.matches(
            Level.STRICT, g, pred("Marinka", "geonames:700003", SETTLEMENT, CONTESTED, " ")));
    assertFalse(
        Scorer.matches(
            Level.STRICT, g, pred("Marinka", "geonames:700003", SETTLEMENT, CONTESTED, "RU")));
    // Party codes compare case-insensitively.
    GoldClaim ru = gold("Marinka", 700003L, CONTROL, "RU");
    assertTrue(
        Scorer.matches(
            Level.STRICT, ru, pred("Marinka", "geonames:700003", SETTLEMENT, CONTROL, "ru")));
  }

  @Test
  void fullLevelComparesDatesAtGoldPrecision() {
    GoldClaim day =
        gold(
            "Kupiansk",
            1L,
            CONTROL,
            "UA",
            Polarity.AFFIRMED,
            "OTHER",
            "2022-09-10",
            DatePrecision.DAY);
    GoldClaim month =
        gold(
            "Kupiansk",
            1L,
            CONTROL,
            "UA",
            Polarity.AFFIRMED,
            "OTHER",
            "2022-09-01",
            DatePrecision.MONTH);
    GoldClaim year =
        gold(
            "Kupiansk",
            1L,
            CONTROL,
            "RU",
            Polarity.AFFIRMED,
            "OTHER",
            "2022-01-01",
            DatePrecision.YEAR);
    assertTrue(Scorer.matches(Level.FULL, day, datedUa("2022-09-10", "UA")));
    assertFalse(Scorer.matches(Level.FULL, day, datedUa("2022-09-11", "UA")));
    assertTrue(Scorer.matches(Level.FULL, month, datedUa("2022-09-30", "UA")));
    assertFalse(Scorer.matches(Level.FULL, month, datedUa("2022-10-01", "UA")));
    assertTrue(Scorer.matches(Level.FULL, year, datedUa("2022-12-31", "RU")));
    assertFalse(Scorer.matches(Level.FULL, year, datedUa("2023-01-01", "RU")));
    assertEquals(
        LocalDate.of(2022, 1, 1), Scorer.truncate(LocalDate.of(2022, 7, 9), DatePrecision.YEAR));
    assertEquals(
        LocalDate.of(2022, 7, 1), Scorer.truncate(LocalDate.of(2022, 7, 9), DatePrecision.MONTH));
  }

  private static Prediction datedUa(String date, String controller) {
    return pred(
        "Kupiansk",
        "geonames:1",
        SETTLEMENT,
        CONTROL,
        controller,
        Polarity.AFFIRMED,
        "OTHER",
        date);
  }

  @Test
  void repeatedClaimCountsOnce() {
    List<GoldClaim> golds =
        List.of(gold("Bakhmut", BAKHMUT, CONTROL, "RU"), gold("Bakhmut", BAKHMUT, CONTROL, "RU"));
    Prediction p = pred("Bakhmut", "geonames:" + BAKHMUT, SETTLEMENT, CONTROL, "RU");
    // Headline and body both yield the claim; one unresolved mention says it again.
    Prediction unresolved = pred("Bakhmut", null, SETTLEMENT, CONTROL, "RU");
    Scorer.LevelResult r = Scorer.scoreItem(Level.STRICT, golds, List.of(p, p, unresolved));
    assertEquals(new Counts(1, 0, 0), r.counts());
    assertEquals(2, r.duplicates().size());
  }

  @Test
  void locationLevelCountsDistinctLocations() {
    List<GoldClaim> golds =
        List.of(
            gold("Bakhmut", BAKHMUT, CONTROL, "RU"),
            gold("Bakhmut", BAKHMUT, CONTESTED, null),
            gold("Kherson Oblast", null, PARTIAL_CONTROL, "UA"));
    List<Prediction> preds =
        List.of(
            pred("Bakhmut", "geonames:" + BAKHMUT, SETTLEMENT, CONTROL, "UA"),
            pred("Kherson", "geonames:" + KHERSON, SETTLEMENT, PARTIAL_CONTROL, "UA"));
    assertEquals(new Counts(1, 1, 1), Scorer.scoreItem(Level.LOCATION, golds, preds).counts());
    Scorer.LevelResult strict = Scorer.scoreItem(Level.STRICT, golds, preds);
    assertEquals(new Counts(0, 2, 3), strict.counts());
  }

  @Test
  void matchingIsOneToOneAndMaximal() {
    // One type-free gold ("Crimea") and one region gold; the first prediction fits both, the
    // second only the region. A greedy pass in input order would strand the Crimea claim.
    GoldClaim region = gold("Crimea Republic", null, CONTROL, "RU");
    GoldClaim bare = gold("Crimea", null, CONTROL, "RU");
    Prediction both = pred("Crimea", null, REGION, CONTROL, "RU");
    Prediction onlyRegion =
        pred("Republic of Crimea", "geonames-admin1:UA.11", REGION, CONTROL, "RU");
    Scorer.LevelResult r =
        Scorer.scoreItem(Level.STRICT, List.of(region, bare), List.of(both, onlyRegion));
    assertEquals(new Counts(2, 0, 0), r.counts());
  }

  @Test
  void predictionsOnNegativeItemsAreFalsePositives() {
    Scorer.LevelResult r =
        Scorer.scoreItem(
            Level.LOCATION,
            List.of(),
            List.of(pred("Izium", "geonames:5", SETTLEMENT, CONTROL, "UA")));
    assertEquals(new Counts(0, 1, 0), r.counts());
    assertEquals(1, r.falsePositives().size());
  }

  @Test
  void sumsPerCollectionAndOverall() {
    EvalItem news = new EvalItem("n1", "news", "t", "", List.of(gold("Izium", 5L, CONTROL, "UA")));
    EvalItem negative = new EvalItem("n2", "news", "t", "", List.of());
    EvalItem wiki =
        new EvalItem(
            "w1",
            "wiki",
            "t",
            "",
            List.of(gold("Lyman", 6L, CONTROL, "UA"), gold("Izium", 5L, CONTROL, "UA")));
    Map<String, List<Prediction>> preds =
        Map.of(
            "n1", List.of(forArticle("n1", pred("Izium", "geonames:5", SETTLEMENT, CONTROL, "UA"))),
            "n2", List.of(forArticle("n2", pred("Izium", "geonames:5", SETTLEMENT, CONTROL, "UA"))),
            "w1", List.of(forArticle("w1", pred("Lyman", "geonames:6", SETTLEMENT, CONTROL, "RU"))),
            "other",
                List.of(
                    forArticle("other", pred("Lyman", "geonames:6", SETTLEMENT, CONTROL, "RU"))));
    Scorer.Result result = Scorer.score(List.of(news, negative, wiki), preds);
    assertEquals(new Counts(1, 1, 0), result.byCollection().get(Level.STRICT).get("news"));
    assertEquals(new Counts(0, 1, 2), result.byCollection().get(Level.STRICT).get("wiki"));
    assertEquals(new Counts(1, 2, 2), result.overall().get(Level.STRICT));
    assertEquals(new Counts(2, 1, 1), result.overall().get(Level.LOCATION));
    assertEquals(3, result.items().size());
  }
}
