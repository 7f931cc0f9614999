package org.contested.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.contested.model.DatePrecision;

/**
 * Scores predicted claims against gold claims item by item, at the three {@link Level}s. Rules
 * (docs/evaluation.md): duplicates within an item collapse, then gold and predictions are matched
 * one to one; unmatched predictions are false positives, unmatched gold claims false negatives.
 * Counts are summed over items (micro average), overall and per collection.
 */
public final class Scorer {

  /** A gold claim and the prediction credited with it. */
  public record Match(GoldClaim gold, Prediction prediction) {}

  /**
   * One item at one level. {@code duplicates} are predictions that repeat a claim already counted
   * (same key, or equivalent to a gold claim another prediction matched): neither TP nor FP.
   */
  public record LevelResult(
      List<Match> matches,
      List<Prediction> falsePositives,
      List<GoldClaim> falseNegatives,
      List<Prediction> duplicates) {
    public Counts counts() {
      return new Counts(matches.size(), falsePositives.size(), falseNegatives.size());
    }

    public boolean hasErrors() {
      return !falsePositives.isEmpty() || !falseNegatives.isEmpty();
    }
  }

  /** One item with its predictions and the result per level. */
  public record ItemResult(
      EvalItem item, List<Prediction> predictions, Map<Level, LevelResult> levels) {
    public boolean hasErrors() {
      return levels.values().stream().anyMatch(LevelResult::hasErrors);
    }
  }

  /** All items, with counts per level overall and per collection (collections sorted by name). */
  public record Result(
      List<ItemResult> items,
      Map<Level, Counts> overall,
      Map<Level, Map<String, Counts>> byCollection) {
    public long duplicates(Level level) {
      return items.stream().mapToLong(i -> i.levels().get(level).duplicates().size()).sum();
    }
  }

  private Scorer() {}

  /** Scores every item against the predictions whose article_id is the item's id. */
  public static Result score(
      List<EvalItem> items, Map<String, List<Prediction>> predictionsByArticle) {
    List<ItemResult> results = new ArrayList<>();
    Map<Level, Counts> overall = new EnumMap<>(Level.class);
    Map<Level, Map<String, Counts>> byCollection = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      overall.put(level, Counts.ZERO);
      byCollection.put(level, new TreeMap<>());
    }
    for (EvalItem item : items) {
      List<Prediction> predictions = predictionsByArticle.getOrDefault(item.id(), List.of());
      Map<Level, LevelResult> levels = new EnumMap<>(Level.class);
      for (Level level : Level.values()) {
        LevelResult r = scoreItem(level, item.gold(), predictions);
        levels.put(level, r);
        overall.merge(level, r.counts(), Counts::plus);
        byCollection.get(level).merge(item.collection(), r.counts(), Counts::plus);
      }
      results.add(
          new ItemResult(item, List.copyOf(predictions), Collections.unmodifiableMap(levels)));
    }
    return new Result(List.copyOf(results), overall, byCollection);
  }

  /** Dedupes both sides by the level's key, then finds a maximum one-to-one matching. */
  public static LevelResult scoreItem(
      Level level, List<GoldClaim> gold, List<Prediction> predictions) {
    List<GoldClaim> golds =
        new ArrayList<>(dedupe(gold, g -> goldKey(level, g), new ArrayList<>()));
    List<Prediction> duplicates = new ArrayList<>();
    List<Prediction> preds =
        new ArrayList<>(dedupe(predictions, p -> predictionKey(level, p), duplicates));

    // Kuhn's augmenting paths: keys are near-exact, so this rarely differs from greedy, but it is
    // exact when one prediction could serve two gold claims (e.g. a type-free unresolved name).
    int[] goldOfPred = new int[preds.size()];
    Arrays.fill(goldOfPred, -1);
    int[] predOfGold = new int[golds.size()];
    Arrays.fill(predOfGold, -1);
    for (int g = 0; g < golds.size(); g++) {
      augment(level, g, golds, preds, goldOfPred, predOfGold, new boolean[preds.size()]);
    }

    List<Match> matches = new ArrayList<>();
    List<GoldClaim> falseNegatives = new ArrayList<>();
    for (int g = 0; g < golds.size(); g++) {
      if (predOfGold[g] >= 0) {
        matches.add(new Match(golds.get(g), preds.get(predOfGold[g])));
      } else {
        falseNegatives.add(golds.get(g));
      }
    }
    List<Prediction> falsePositives = new ArrayList<>();
    for (int p = 0; p < preds.size(); p++) {
      if (goldOfPred[p] >= 0) {
        continue;
      }
      Prediction pred = preds.get(p);
      // After a maximum matching, an unmatched prediction that fits some gold claim fits only
      // matched ones: it restates a claim already credited, so it is a duplicate, not an error.
      boolean restates = golds.stream().anyMatch(g -> matches(level, g, pred));
      (restates ? duplicates : falsePositives).add(pred);
    }
    return new LevelResult(
        List.copyOf(matches),
        List.copyOf(falsePositives),
        List.copyOf(falseNegatives),
        List.copyOf(duplicates));
  }

  private static boolean augment(
      Level level,
      int g,
      List<GoldClaim> golds,
      List<Prediction> preds,
      int[] goldOfPred,
      int[] predOfGold,
      boolean[] seen) {
    for (int p = 0; p < preds.size(); p++) {
      if (seen[p] || !matches(level, golds.get(g), preds.get(p))) {
        continue;
      }
      seen[p] = true;
      if (goldOfPred[p] < 0
          || augment(level, goldOfPred[p], golds, preds, goldOfPred, predOfGold, seen)) {
        goldOfPred[p] = g;
        predOfGold[g] = p;
        return true;
      }
    }
    return false;
  }

  private static <T> List<T> dedupe(
      List<T> items, java.util.function.Function<T, String> key, List<T> dropped) {
    Map<String, T> firstByKey = new LinkedHashMap<>();
    for (T item : items) {
      if (firstByKey.putIfAbsent(key.apply(item), item) != null) {
        dropped.add(item);
      }
    }
    return new ArrayList<>(firstByKey.values());
  }

  /** Whether {@code prediction} states {@code gold} at {@code level}. */
  public static boolean matches(Level level, GoldClaim gold, Prediction prediction) {
    if (!sameLocation(gold, prediction)) {
      return false;
    }
    if (level == Level.LOCATION) {
      return true;
    }
    boolean strict =
        gold.claimType() == prediction.claimType()
            && Objects.equals(gold.controller(), prediction.controller())
            && gold.polarity() == prediction.polarity();
    if (level == Level.STRICT || !strict) {
      return strict;
    }
    return Objects.equals(gold.claimantSide(), prediction.claimantSide())
        && prediction.eventDate() != null
        && truncate(gold.eventDate(), gold.datePrecision())
            .equals(truncate(prediction.eventDate(), gold.datePrecision()));
  }

  /**
   * Location identity. Both sides resolved to GeoNames ids: the ids decide. Otherwise folded names
   * decide, with types kept apart: a gold region matches only region predictions, a resolved gold
   * settlement only settlement predictions; an unresolved gold name without region wording
   * ("Crimea", an unlisted village) matches by name whatever the prediction's type.
   */
  public static boolean sameLocation(GoldClaim gold, Prediction prediction) {
    Long predictedId = prediction.geonameid();
    if (gold.geonameid() != null && predictedId != null) {
      return gold.geonameid().equals(predictedId);
    }
    NameKey.Folded goldName = NameKey.of(gold.location());
    if (goldName.region() && !prediction.isRegion()) {
      return false;
    }
    if (!goldName.region() && gold.geonameid() != null && prediction.isRegion()) {
      return false;
    }
    return !goldName.stem().isEmpty()
        && goldName.stem().equals(NameKey.of(prediction.locationName()).stem());
  }

  /** The date at {@code precision}: DAY unchanged, MONTH its first day, YEAR 1 January. */
  public static LocalDate truncate(LocalDate date, DatePrecision precision) {
    return switch (precision) {
      case DAY -> date;
      case MONTH -> date.withDayOfMonth(1);
      case YEAR -> date.withDayOfYear(1);
    };
  }

  static String goldKey(Level level, GoldClaim g) {
    String location =
        g.geonameid() != null
            ? "geonames:" + g.geonameid()
            : "name:" + NameKey.of(g.location()).key();
    return withFields(
        level,
        location,
        g.claimType(),
        g.controller(),
        g.polarity(),
        g.claimantSide(),
        truncate(g.eventDate(), g.datePrecision()));
  }

  static String predictionKey(Level level, Prediction p) {
    String location =
        p.locationId() != null
            ? p.locationId()
            : "name:" + NameKey.of(p.locationName()).stem() + (p.isRegion() ? " #region" : "");
    return withFields(
        level,
        location,
        p.claimType(),
        p.controller(),
        p.polarity(),
        p.claimantSide(),
        p.eventDate());
  }

  private static String withFields(
      Level level,
      String location,
      Object type,
      String controller,
      Object polarity,
      String side,
      LocalDate date) {
    return switch (level) {
      case LOCATION -> location;
      case STRICT ->
          String.join(
              "|",
              location,
              String.valueOf(type),
              String.valueOf(controller),
              String.valueOf(polarity));
      case FULL ->
          String.join(
              "|",
              location,
              String.valueOf(type),
              String.valueOf(controller),
              String.valueOf(polarity),
              String.valueOf(side),
              String.valueOf(date));
    };
  }
}
