package org.contested.pipeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;
import org.contested.model.LocationStatus;
import org.contested.model.SourceKind;

/**
 * Each source's view of each location in each window: the confidence-weighted mean of its claims'
 * status distributions ({@link StatusMapping}), at both source levels ({@link
 * SourceKind#CLAIMANT_SIDE} and {@link SourceKind#OUTLET}). The input must already be windowed
 * ({@link WindowClaims}); the output stays in the same windows.
 */
public class ComputeLocationStatus
    extends PTransform<PCollection<Claim>, PCollection<LocationStatus>> {
  /** Confidence below this still counts this much, so no claim vanishes from the mean. */
  static final double MIN_WEIGHT = 0.05;

  /** Shares and divergences are rounded so that merge order never changes printed digits. */
  static final double ROUNDING = 1e6;

  private static final String SEP = "\u001f";

  private final List<String> parties;

  /** @param parties the conflict's party codes, e.g. ["RU", "UA"] */
  public ComputeLocationStatus(List<String> parties) {
    this.parties = List.copyOf(parties);
  }

  public ComputeLocationStatus() {
    this(StatusMapping.DEFAULT_PARTIES);
  }

  @Override
  public PCollection<LocationStatus> expand(PCollection<Claim> claims) {
    StatusMapping mapping = new StatusMapping(parties);
    return claims
        .apply("KeyByLocationAndSource", ParDo.of(new KeyByLocationAndSourceFn(mapping)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), claims.getCoder()))
        .apply("CombineViews", Combine.perKey(new ViewCombineFn(mapping)))
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
   * One element per claim and source level. Claims without a distribution are skipped here; the
   * pipeline counts them once, before windowing, as {@code unmapped_claims}.
   */
  static class KeyByLocationAndSourceFn extends DoFn<Claim, KV<String, Claim>> {
    private final StatusMapping mapping;

    KeyByLocationAndSourceFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(@Element Claim claim, OutputReceiver<KV<String, Claim>> out) {
      if (mapping.distribution(claim) == null) {
        return;
      }
      for (SourceKind kind : SourceKind.values()) {
        out.output(KV.of(key(claim.locationKey(), kind, sourceOf(claim, kind)), claim));
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

  /** The finished row, stamped with the window it was computed in. */
  static class ToLocationStatusFn extends DoFn<KV<String, ViewAccumulator>, LocationStatus> {
    private final StatusMapping mapping;

    ToLocationStatusFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(
        @Element KV<String, ViewAccumulator> kv,
        BoundedWindow window,
        OutputReceiver<LocationStatus> out) {
      String[] parts = kv.getKey().split(SEP, 3);
      ViewAccumulator acc = kv.getValue();
      SortedMap<String, Double> shares = shares(mapping, acc.weighted, acc.weight);
      Instant[] bounds = WindowTimes.bounds(window);
      out.output(
          new LocationStatus(
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
              acc.last));
    }
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
