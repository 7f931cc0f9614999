package org.contested.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.beam.KeyBuckets;
import org.contested.model.Claim;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;
import org.contested.model.SourceKind;

/**
 * Each source's view of each location in each window ({@link #STATUSES}, the location_status
 * table) and how far the views of one location diverge ({@link #DIVERGENCE}).
 *
 * <p>A view is the confidence-weighted mean of its claims' status distributions ({@link
 * StatusMapping}), at both source levels ({@link SourceKind#CLAIMANT_SIDE} and {@link
 * SourceKind#OUTLET}). A divergence row is the normalised Jensen–Shannon divergence ({@link
 * JensenShannon}) of the views of one location, window and source kind; it is written whenever at
 * least one source spoke (0 for a single source), so that coverage shows too.
 *
 * <p>The input must be windowed ({@link WindowClaims}). Each claim is reduced to what the views
 * need, with its window as data ({@link ClaimDigest}), and the digests are grouped in the global
 * window by a bucket of their location ({@link KeyBuckets}): one group holds every claim of its
 * locations, so both tables come out of one grouping. Grouping by view and window, as a textbook
 * combine would, cost the DirectRunner milliseconds per key and window. Rows carry their window's
 * bounds and come out in the global window.
 */
public class ComputeViews extends PTransform<PCollection<Claim>, PCollectionTuple> {
  public static final TupleTag<LocationStatus> STATUSES =
      new TupleTag<LocationStatus>("ComputeViews.STATUSES") {};
  public static final TupleTag<Divergence> DIVERGENCE =
      new TupleTag<Divergence>("ComputeViews.DIVERGENCE") {};

  /** Confidence below this still counts this much, so no claim vanishes from the mean. */
  static final double MIN_WEIGHT = 0.05;

  /** Shares and divergences are rounded so that merge order never changes printed digits. */
  static final double ROUNDING = 1e6;

  private final List<String> parties;
  private final int groupingKeys;

  /**
   * @param parties the conflict's party codes, e.g. ["RU", "UA"]
   * @param groupingKeys how many keys the claims are grouped under ({@link KeyBuckets})
   */
  public ComputeViews(List<String> parties, int groupingKeys) {
    this.parties = List.copyOf(parties);
    this.groupingKeys = groupingKeys;
  }

  public ComputeViews() {
    this(StatusMapping.DEFAULT_PARTIES, KeyBuckets.DISTRIBUTED);
  }

  @Override
  public PCollectionTuple expand(PCollection<Claim> claims) {
    StatusMapping mapping = new StatusMapping(parties);
    return claims
        .apply("DigestByLocationBucket", ParDo.of(new DigestFn(mapping, groupingKeys)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ClaimDigest.CODER))
        .apply("IntoGlobalWindow", Window.into(new GlobalWindows()))
        .apply("GroupByLocationBucket", GroupByKey.create())
        .apply(
            "ToStatusesAndDivergence",
            ParDo.of(new ViewsFn(mapping)).withOutputTags(STATUSES, TupleTagList.of(DIVERGENCE)));
  }

  /**
   * What the views need of one claim in one window. The distribution is over {@link
   * StatusMapping#statuses()} in order, the weight already {@link #exact}; a claim that maps to no
   * status has an empty distribution and lends only its place.
   */
  record ClaimDigest(
      long windowStart,
      long windowEnd,
      String locationKey,
      PlaceInfo place,
      String claimantSide,
      String outlet,
      double[] distribution,
      double weight,
      Integer percent,
      Instant publishedAt) {
    static final Coder CODER = new Coder();

    boolean mapped() {
      return distribution.length > 0;
    }

    String source(SourceKind kind) {
      return kind == SourceKind.CLAIMANT_SIDE ? claimantSide : outlet;
    }

    /** Field by field: the schema coder costs several times more per element in a grouping. */
    static final class Coder extends AtomicCoder<ClaimDigest> {
      private static final long serialVersionUID = 1L;
      private static final VarLongCoder LONG = VarLongCoder.of();
      private static final VarIntCoder INT = VarIntCoder.of();
      private static final StringUtf8Coder STRING = StringUtf8Coder.of();
      private static final NullableCoder<String> OPT_STRING = NullableCoder.of(STRING);
      private static final NullableCoder<Double> OPT_DOUBLE = NullableCoder.of(DoubleCoder.of());
      private static final NullableCoder<Integer> OPT_INT = NullableCoder.of(INT);
      private static final DoubleCoder DOUBLE = DoubleCoder.of();

      @Override
      public void encode(ClaimDigest d, OutputStream out) throws IOException {
        LONG.encode(d.windowStart, out);
        LONG.encode(d.windowEnd, out);
        STRING.encode(d.locationKey, out);
        STRING.encode(d.place.locationName(), out);
        OPT_STRING.encode(d.place.admin1(), out);
        OPT_DOUBLE.encode(d.place.latitude(), out);
        OPT_DOUBLE.encode(d.place.longitude(), out);
        STRING.encode(d.claimantSide, out);
        STRING.encode(d.outlet, out);
        INT.encode(d.distribution.length, out);
        for (double v : d.distribution) {
          DOUBLE.encode(v, out);
        }
        DOUBLE.encode(d.weight, out);
        OPT_INT.encode(d.percent, out);
        LONG.encode(d.publishedAt.getEpochSecond(), out);
        INT.encode(d.publishedAt.getNano(), out);
      }

      @Override
      public ClaimDigest decode(InputStream in) throws IOException {
        long start = LONG.decode(in);
        long end = LONG.decode(in);
        String locationKey = STRING.decode(in);
        PlaceInfo place =
            new PlaceInfo(
                STRING.decode(in), OPT_STRING.decode(in), OPT_DOUBLE.decode(in), OPT_DOUBLE.decode(in));
        String side = STRING.decode(in);
        String outlet = STRING.decode(in);
        double[] distribution = new double[INT.decode(in)];
        for (int i = 0; i < distribution.length; i++) {
          distribution[i] = DOUBLE.decode(in);
        }
        double weight = DOUBLE.decode(in);
        Integer percent = OPT_INT.decode(in);
        Instant published = Instant.ofEpochSecond(LONG.decode(in), INT.decode(in));
        return new ClaimDigest(
            start, end, locationKey, place, side, outlet, distribution, weight, percent, published);
      }
    }
  }

  /**
   * One digest per claim, keyed by the bucket of its location. Claims without a distribution add
   * no view (the pipeline counts them once, before windowing, as {@code unmapped_claims}).
   */
  static class DigestFn extends DoFn<Claim, KV<Integer, ClaimDigest>> {
    private final StatusMapping mapping;
    private final int groupingKeys;

    DigestFn(StatusMapping mapping, int groupingKeys) {
      this.mapping = mapping;
      this.groupingKeys = groupingKeys;
    }

    @ProcessElement
    public void process(
        @Element Claim claim, BoundedWindow window, OutputReceiver<KV<Integer, ClaimDigest>> out) {
      out.output(
          KV.of(
              KeyBuckets.of(claim.locationKey(), groupingKeys),
              digest(mapping, claim, WindowTimes.bounds(window))));
    }
  }

  /** The digest of a claim in the window {@code bounds}. */
  static ClaimDigest digest(StatusMapping mapping, Claim claim, Instant[] bounds) {
    SortedMap<String, Double> d = mapping.distribution(claim);
    List<String> statuses = mapping.statuses();
    double[] distribution = new double[d == null ? 0 : statuses.size()];
    for (int i = 0; i < distribution.length; i++) {
      distribution[i] = d.getOrDefault(statuses.get(i), 0.0);
    }
    return new ClaimDigest(
        bounds[0].toEpochMilli(),
        bounds[1].toEpochMilli(),
        claim.locationKey(),
        PlaceInfo.of(claim),
        sourceOf(claim.claimantSide()),
        sourceOf(claim.outlet()),
        distribution,
        exact(weight(claim)),
        claim.percent(),
        claim.publishedAt());
  }

  private static String sourceOf(String s) {
    return s == null || s.isBlank() ? "UNKNOWN" : s;
  }

  /** Every view and divergence row of the locations of one bucket. */
  static class ViewsFn extends DoFn<KV<Integer, Iterable<ClaimDigest>>, LocationStatus> {
    private final StatusMapping mapping;

    ViewsFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<ClaimDigest>> group, MultiOutputReceiver out) {
      Map<LocationWindow, Location> locations = new TreeMap<>();
      int statuses = mapping.statuses().size();
      for (ClaimDigest d : group.getValue()) {
        Location location =
            locations.computeIfAbsent(
                new LocationWindow(d.windowStart(), d.windowEnd(), d.locationKey()),
                k -> new Location());
        // Claims of one location normally agree on the place; the smallest wins whatever the
        // order.
        location.place =
            location.place == null || d.place().compareTo(location.place) < 0
                ? d.place()
                : location.place;
        if (!d.mapped()) {
          continue;
        }
        for (SourceKind kind : SourceKind.values()) {
          location
              .views
              .computeIfAbsent(kind, k -> new TreeMap<>())
              .computeIfAbsent(d.source(kind), s -> new ViewAccumulator(statuses))
              .add(d);
        }
      }
      locations.forEach((key, location) -> emit(key, location, out));
    }

    private void emit(LocationWindow key, Location location, MultiOutputReceiver out) {
      Instant[] bounds = {Instant.ofEpochMilli(key.start()), Instant.ofEpochMilli(key.end())};
      for (Map.Entry<SourceKind, SortedMap<String, ViewAccumulator>> e :
          location.views.entrySet()) {
        SortedMap<String, LocationStatus> rows = new TreeMap<>();
        e.getValue()
            .forEach(
                (source, acc) ->
                    rows.put(source, acc.row(mapping, bounds, key.locationKey(), e.getKey(), source)));
        rows.values().forEach(out.get(STATUSES)::output);
        out.get(DIVERGENCE)
            .output(divergence(mapping, key.locationKey(), location.place, bounds, e.getKey(), rows));
      }
    }
  }

  /** A location in a window, ordered by window then key. */
  record LocationWindow(long start, long end, String locationKey)
      implements Comparable<LocationWindow> {
    @Override
    public int compareTo(LocationWindow o) {
      int c = Long.compare(start, o.start);
      c = c != 0 ? c : Long.compare(end, o.end);
      return c != 0 ? c : locationKey.compareTo(o.locationKey);
    }
  }

  /**
   * Everything said about one location in one window: its place and its views by source (none
   * when no claim maps to a status, and then no rows).
   */
  private static final class Location {
    PlaceInfo place;
    final Map<SourceKind, SortedMap<String, ViewAccumulator>> views =
        new EnumMap<>(SourceKind.class);
  }

  /** The running sums behind one view; every sum is of {@link #exact} numbers. */
  static final class ViewAccumulator {
    final double[] weighted;
    double weight;
    long claims;
    Integer maxPercent;
    Instant first;
    Instant last;
    String locationName;

    ViewAccumulator(int statuses) {
      weighted = new double[statuses];
    }

    void add(ClaimDigest d) {
      for (int i = 0; i < weighted.length; i++) {
        weighted[i] += exact(d.weight() * d.distribution()[i]);
      }
      weight += d.weight();
      claims++;
      maxPercent = maxOf(maxPercent, d.percent());
      first = minOf(first, d.publishedAt());
      last = maxOf(last, d.publishedAt());
      locationName = minOf(locationName, d.place().locationName());
    }

    LocationStatus row(
        StatusMapping mapping, Instant[] bounds, String locationKey, SourceKind kind, String source) {
      SortedMap<String, Double> shares = new TreeMap<>();
      List<String> statuses = mapping.statuses();
      for (int i = 0; i < weighted.length; i++) {
        shares.put(statuses.get(i), weight > 0 ? round(weighted[i] / weight) : 0.0);
      }
      return new LocationStatus(
          bounds[0],
          bounds[1],
          locationKey,
          locationName,
          kind,
          source,
          claims,
          Collections.unmodifiableSortedMap(shares),
          StatusMapping.dominant(shares),
          maxPercent,
          first,
          last);
    }
  }

  /** One divergence row from the views of one location, window and source kind. */
  static Divergence divergence(
      StatusMapping mapping,
      String locationId,
      PlaceInfo place,
      Instant[] bounds,
      SourceKind kind,
      SortedMap<String, LocationStatus> sources) {
    List<String> statuses = mapping.statuses();
    List<double[]> distributions = new java.util.ArrayList<>();
    SortedMap<String, String> views = new TreeMap<>();
    java.util.TreeSet<String> dominants = new java.util.TreeSet<>();
    long claims = 0;
    for (LocationStatus s : sources.values()) {
      double[] d = new double[statuses.size()];
      for (int i = 0; i < d.length; i++) {
        Double v = s.statusShares().get(statuses.get(i));
        d[i] = v == null ? 0.0 : v;
      }
      distributions.add(d);
      views.put(s.source(), s.dominantStatus());
      dominants.add(s.dominantStatus());
      claims += s.claims();
    }
    double js = round(JensenShannon.normalised(distributions));
    return new Divergence(
        bounds[0],
        bounds[1],
        locationId,
        place.locationName(),
        place.admin1(),
        place.latitude(),
        place.longitude(),
        kind,
        sources.size(),
        claims,
        js,
        dominants.size() > 1,
        Collections.unmodifiableSortedMap(views));
  }

  /** Claim confidence in [MIN_WEIGHT, 1]. */
  static double weight(Claim claim) {
    double c = claim.confidence();
    if (Double.isNaN(c)) {
      return 1.0;
    }
    return Math.max(MIN_WEIGHT, Math.min(1.0, c));
  }

  static double round(double v) {
    return Math.round(v * ROUNDING) / ROUNDING;
  }

  private static final double QUANTUM = 0x1p30;

  /**
   * {@code x} rounded to a multiple of 2^-30. Sums of such numbers (below 2^23) are exact in a
   * double, so they do not depend on the order in which a runner hands claims over: the tables
   * stay byte-identical across runners, sharding and input order.
   */
  static double exact(double x) {
    return Math.round(x * QUANTUM) / QUANTUM;
  }

  private static <T extends Comparable<T>> T minOf(T a, T b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static <T extends Comparable<T>> T maxOf(T a, T b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
