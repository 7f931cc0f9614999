package org.contested.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contested.model.LocationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real evaluation files from ../shared (read-only) when they are present. */
class SharedGoldTest {
  private static Path pool;
  private static Path gold;

  @BeforeAll
  static void locate() {
    Path shared = Paths.get(System.getProperty("contested.shared", "../shared"), "eval");
    pool = shared.resolve("pool.jsonl");
    gold = shared.resolve("dev-gold.jsonl");
    assumeTrue(Files.isRegularFile(pool) && Files.isRegularFile(gold), "no ../shared/eval");
  }

  @Test
  void everyGoldItemIsADevPoolItem() throws Exception {
    Map<String, EvalData.PoolItem> items = EvalData.readPool(pool);
    Map<String, List<GoldClaim>> labels = EvalData.readGold(gold);
    assertFalse(labels.isEmpty());
    for (String id : labels.keySet()) {
      assertTrue(items.containsKey(id), id);
      assertEquals("dev", items.get(id).split(), id);
    }
    assertEquals(labels.size(), EvalData.labelledItems(items, labels, "dev", null).size());
  }

  /**
   * Gold claims restated as predictions the way the pipeline writes them (regions typed REGION with
   * no GeoNames id) must score perfectly: the matching rules agree with how gold is written.
   */
  @Test
  void goldRestatedAsPredictionsScoresPerfectly() throws Exception {
    List<EvalItem> items =
        EvalData.labelledItems(EvalData.readPool(pool), EvalData.readGold(gold), "dev", null);
    Map<String, List<Prediction>> preds = new HashMap<>();
    for (EvalItem item : items) {
      List<Prediction> list = new ArrayList<>();
      for (GoldClaim g : item.gold()) {
        boolean region = NameKey.hasRegionSuffix(g.location());
        list.add(
            new Prediction(
                null,
                item.id(),
                g.geonameid() == null ? null : "geonames:" + g.geonameid(),
                g.location(),
                region ? LocationType.REGION : LocationType.SETTLEMENT,
                g.claimType(),
                g.controller(),
                g.polarity(),
                g.claimant(),
                g.claimantSide(),
                g.eventDate(),
                g.datePrecision(),
                null,
                null));
      }
      preds.put(item.id(), list);
    }
    Scorer.Result result = Scorer.score(items, preds);
    for (Level level : Level.values()) {
      Counts c = result.overall().get(level);
      assertTrue(c.tp() > 0, level.label());
      assertEquals(0, c.fp(), level.label());
      assertEquals(0, c.fn(), level.label());
    }
  }
}
