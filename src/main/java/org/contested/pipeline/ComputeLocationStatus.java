package org.contested.pipeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.ValueInSingleWindow;
import org.contested.beam.KeyBuckets;
import org.contested.model.Claim;
import org.contested.model.LocationStatus;
import org.contested.model.SourceKind;

/**
 * Each source's view of each location in each window: the confidence-weighted mean of its claims'
 * status distributions ({@link StatusMapping}), at both source levels ({@link
 * SourceKind#CLAIMANT_SIDE} and {@link SourceKind#OUTLET}). The input must already be windowed
 * ({@link WindowClaims}); the rows come out in the global window, each with its window's bounds.
 */
public class ComputeLocationStatus
    extends PTransform<PCollection<Claim>, PCollection<LocationStatus>> {
  /** Confidence below this still counts this much, so no claim vanishes from the mean. */
  static final double MIN_WEIGHT = 0.05;

  /** Shares and divergences are rounded so that merge order never changes printed digits. */
  static final double ROUNDING = 1e6;

  private static final String SEP = "\u001f";

  private final List<String> parties;

  private final int groupingKeys;

  /**
   * @param parties the conflict's party codes, e.g. ["RU", "UA"]
   * @param groupingKeys how many keys the claims are grouped under ({@link KeyBuckets})
   */
  public ComputeLocationStatus(List<String> parties, int groupingKeys) {
    this.parties = List.copyOf(parties);
    this.groupingKeys = groupingKeys;
  }

  public ComputeLocationStatus() {
    this(StatusMapping.DEFAULT_PARTIES, KeyBuckets.DISTRIBUTED);
  }

  /**
   * Each claim keeps its window as data ({@link Reify#windows}) and claims are grouped in the
   * global window by a bucket of their location, so that one group holds many views: grouping by
   * view and window cost the DirectRunner milliseconds per key and per window. All claims of a
   * location land in one group, so every view's sums are complete.
   */
  @Override
  public PCollection<LocationStatus> expand(PCollection<Claim> claims) {
    StatusMapping mapping = new StatusMapping(parties);
    PCollection<ValueInSingleWindow<Claim>> reified = claims.apply("ReifyWindows", Reify.windows());
    return reified
        .apply("KeyByLocationBucket", ParDo.of(new KeyByLocationBucketFn(mapping, groupingKeys)))
        .setCoder(KvCoder.of(VarIntCoder.of(), reified.getCoder()))
        .apply("IntoGlobalWindow", Window.into(new GlobalWindows()))
        .apply("GroupByLocationBucket", GroupByKey.create())
        .apply("ToLocationStatus", ParDo.of(new ToLocationStatusFn(mapping)));
  }

  static String key(String locationKey, SourceKind kind, String source) {
    return locationKey + SEP + kind.name() + SEP + source;
  }

  static String sourceOf(Claim claim, SourceKind kind) {
    String s = kind == SourceKind.CLAIMANT_SIDE ? claim.claimantSide() : claim.outlet();
    return s == null || s.isBlank() ? "UNKNOWN" : s;
  }

  static double round(double v) {
    return Math.round(v * ROUNDING) / ROUNDING;
  }

  /**
   * Claims keyed by the bucket of their location. Claims without a distribution are skipped here;
   * the pipeline counts them once, before windowing, as {@code unmapped_claims}.
   */
  static class KeyByLocationBucketFn
      extends DoFn<ValueInSingleWindow<Claim>, KV<Integer, ValueInSingleWindow<Claim>>> {
    private final StatusMapping mapping;
    private final int groupingKeys;

    KeyByLocationBucketFn(StatusMapping mapping, int groupingKeys) {
      this.mapping = mapping;
      this.groupingKeys = groupingKeys;
    }

    @ProcessElement
    public void process(
        @Element ValueInSingleWindow<Claim> claim,
        OutputReceiver<KV<Integer, ValueInSingleWindow<Claim>>> out) {
      if (mapping.distribution(claim.getValue()) != null) {
        out.output(KV.of(KeyBuckets.of(claim.getValue().locationKey(), groupingKeys), claim));
      }
    }
  }

  /** The running sums behind one view. */
  static final class ViewAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    final TreeMap<String, Double> weighted = new TreeMap<>();
    double weight;
    long claims;
    Integer maxPercent;
    Instant first;
    Instant last;
    String locationName;

    // Value equality, so that coders can check accumulators round-trip.
    @Override
    public boolean equals(Object o) {
      return o instanceof ViewAccumulator a
          && weighted.equals(a.weighted)
          && weight == a.weight
          && claims == a.claims
          && Objects.equals(maxPercent, a.maxPercent)
          && Objects.equals(first, a.first)
          && Objects.equals(last, a.last)
          && Objects.equals(locationName, a.locationName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(weighted, weight, claims, maxPercent, first, last, locationName);
    }
  }

  /** Sums weighted distributions; everything it keeps merges associatively. */
  static class ViewCombineFn extends Combine.CombineFn<Claim, ViewAccumulator, ViewAccumulator> {
    private final StatusMapping mapping;

    ViewCombineFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @Override
    public ViewAccumulator createAccumulator() {
      return new ViewAccumulator();
    }

    @Override
    public ViewAccumulator addInput(ViewAccumulator acc, Claim claim) {
      double w = exact(weight(claim));
      for (Map.Entry<String, Double> e : mapping.distribution(claim).entrySet()) {
        acc.weighted.merge(e.getKey(), exact(w * e.getValue()), Double::sum);
      }
      acc.weight += w;
      acc.claims++;
      acc.maxPercent = maxOf(acc.maxPercent, claim.percent());
      acc.first = minOf(acc.first, claim.publishedAt());
      acc.last = maxOf(acc.last, claim.publishedAt());
      acc.locationName = minOf(acc.locationName, claim.locationName());
      return acc;
    }

    @Override
    public ViewAccumulator mergeAccumulators(Iterable<ViewAccumulator> accs) {
      ViewAccumulator out = new ViewAccumulator();
      for (ViewAccumulator a : accs) {
        a.weighted.forEach((k, v) -> out.weighted.merge(k, v, Double::sum));
        out.weight += a.weight;
        out.claims += a.claims;
        out.maxPercent = maxOf(out.maxPercent, a.maxPercent);
        out.first = minOf(out.first, a.first);
        out.last = maxOf(out.last, a.last);
        out.locationName = minOf(out.locationName, a.locationName);
      }
      return out;
    }

    @Override
    public ViewAccumulator extractOutput(ViewAccumulator acc) {
      return acc;
    }

    @Override
    public Coder<ViewAccumulator> getAccumulatorCoder(
        CoderRegistry registry, Coder<Claim> inputCoder) {
      return SerializableCoder.of(ViewAccumulator.class);
    }

    @Override
    public Coder<ViewAccumulator> getDefaultOutputCoder(
        CoderRegistry registry, Coder<Claim> inputCoder) {
      return SerializableCoder.of(ViewAccumulator.class);
    }
  }

  /** Claim confidence in [MIN_WEIGHT, 1]. */
  static double weight(Claim claim) {
    double c = claim.confidence();
    if (Double.isNaN(c)) {
      return 1.0;
    }
    return Math.max(MIN_WEIGHT, Math.min(1.0, c));
  }

  /** One row per window, location and source of a bucket of locations. */
  static class ToLocationStatusFn
      extends DoFn<KV<Integer, Iterable<ValueInSingleWindow<Claim>>>, LocationStatus> {
    private final StatusMapping mapping;

    ToLocationStatusFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<ValueInSingleWindow<Claim>>> group,
        OutputReceiver<LocationStatus> out) {
      ViewCombineFn sums = new ViewCombineFn(mapping);
      Map<WindowedKey, ViewAccumulator> views = new TreeMap<>();
      for (ValueInSingleWindow<Claim> windowed : group.getValue()) {
        Claim claim = windowed.getValue();
        Instant[] bounds = WindowTimes.bounds(windowed.getWindow());
        for (SourceKind kind : SourceKind.values()) {
          WindowedKey key =
              new WindowedKey(bounds[0], bounds[1], key(claim.locationKey(), kind, sourceOf(claim, kind)));
          sums.addInput(views.computeIfAbsent(key, k -> sums.createAccumulator()), claim);
        }
      }
      views.forEach(
          (k, acc) -> out.output(row(mapping, k.key(), acc, new Instant[] {k.start(), k.end()})));
    }
  }

  /** A key within a window, ordered by window then key. */
  record WindowedKey(Instant start, Instant end, String key) implements Comparable<WindowedKey> {
    private static final Comparator<WindowedKey> ORDER =
        Comparator.comparing(WindowedKey::start)
            .thenComparing(WindowedKey::end)
            .thenComparing(WindowedKey::key);

    @Override
    public int compareTo(WindowedKey o) {
      return ORDER.compare(this, o);
    }
  }

  /** The finished row of one view. */
  static LocationStatus row(StatusMapping mapping, String key, ViewAccumulator acc, Instant[] bounds) {
    String[] parts = key.split(SEP, 3);
    SortedMap<String, Double> shares = shares(mapping, acc.weighted, acc.weight);
    return new LocationStatus(
        bounds[0],
        bounds[1],
        parts[0],
        acc.locationName,
        SourceKind.valueOf(parts[1]),
        parts[2],
        acc.claims,
        Collections.unmodifiableSortedMap(shares),
        StatusMapping.dominant(shares),
        acc.maxPercent,
        acc.first,
        acc.last);
  }

  private static final double QUANTUM = 0x1p30;

  /**
   * {@code x} rounded to a multiple of 2^-30. Sums of such numbers (below 2^23) are exact in a
   * double, so they do not depend on the order in which a runner adds and merges accumulators:
   * the tables stay byte-identical across runners, sharding and input order.
   */
  static double exact(double x) {
    return Math.round(x * QUANTUM) / QUANTUM;
  }

  /** Weighted sums to rounded shares with every status present. */
  static SortedMap<String, Double> shares(
      StatusMapping mapping, Map<String, Double> weighted, double weight) {
    SortedMap<String, Double> shares = mapping.zeros();
    for (String s : new ArrayList<>(shares.keySet())) {
      double sum = weighted.getOrDefault(s, 0.0);
      shares.put(s, weight > 0 ? round(sum / weight) : 0.0);
    }
    return shares;
  }

  private static <T extends Comparable<T>> T minOf(T a, T b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static <T extends Comparable<T>> T maxOf(T a, T b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
