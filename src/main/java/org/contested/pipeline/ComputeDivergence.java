package org.contested.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.contested.beam.KeyBuckets;
import org.contested.model.Claim;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;
import org.contested.model.SourceKind;

/**
 * How far sources disagree about each location in each window, per source level: the normalised
 * Jensen–Shannon divergence ({@link JensenShannon}) of the {@link #STATUSES} of one location,
 * window and source kind. A row is written whenever at least one source spoke (divergence 0 for
 * a single source), so that coverage shows too. Location name, region and coordinates come from
 * the windowed {@link #CLAIMS}.
 */
public class ComputeDivergence extends PTransform<PCollectionTuple, PCollection<Divergence>> {
  /** Views from {@link ComputeLocationStatus}. */
  public static final TupleTag<LocationStatus> STATUSES = new TupleTag<LocationStatus>() {};

  /** The windowed claims the views came from, for place details. */
  public static final TupleTag<Claim> CLAIMS = new TupleTag<Claim>() {};

  private static final TupleTag<KV<String, PlaceInfo>> PLACE = new TupleTag<KV<String, PlaceInfo>>() {};
  private static final TupleTag<LocationStatus> VIEW = new TupleTag<LocationStatus>() {};

  private final List<String> parties;
  private final int groupingKeys;

  /**
   * @param parties the conflict's party codes, e.g. ["RU", "UA"]
   * @param groupingKeys how many keys views and claims are grouped under ({@link KeyBuckets})
   */
  public ComputeDivergence(List<String> parties, int groupingKeys) {
    this.parties = List.copyOf(parties);
    this.groupingKeys = groupingKeys;
  }

  public ComputeDivergence() {
    this(StatusMapping.DEFAULT_PARTIES, KeyBuckets.DISTRIBUTED);
  }

  /**
   * Grouped as in {@link ComputeLocationStatus}: in the global window by a bucket of locations,
   * each view and place under its window and location key ({@link #viewKey}).
   */
  @Override
  public PCollection<Divergence> expand(PCollectionTuple input) {
    Coder<KV<String, PlaceInfo>> placeCoder =
        KvCoder.of(StringUtf8Coder.of(), placeCoder(input.getPipeline()));
    PCollection<KV<Integer, KV<String, PlaceInfo>>> places =
        input
            .get(CLAIMS)
            .apply("KeyPlaceByLocationBucket", ParDo.of(new KeyPlaceFn(groupingKeys)))
            .setCoder(KvCoder.of(VarIntCoder.of(), placeCoder))
            .apply("PlacesIntoGlobalWindow", Window.into(new GlobalWindows()));
    PCollection<KV<Integer, LocationStatus>> views =
        input
            .get(STATUSES)
            .apply(
                "KeyViewByLocationBucket",
                WithKeys.of((LocationStatus s) -> KeyBuckets.of(s.locationId(), groupingKeys))
                    .withKeyType(TypeDescriptors.integers()))
            .apply("ViewsIntoGlobalWindow", Window.into(new GlobalWindows()));
    return KeyedPCollectionTuple.of(PLACE, places)
        .and(VIEW, views)
        .apply("JoinPlacesAndViews", CoGroupByKey.create())
        .apply("ToDivergence", ParDo.of(new DivergenceFn(new StatusMapping(parties))));
  }

  /** A window and a location as one string. */
  static String viewKey(Instant start, Instant end, String locationKey) {
    return start.toEpochMilli() + "/" + end.toEpochMilli() + "/" + locationKey;
  }

  private static Coder<PlaceInfo> placeCoder(Pipeline pipeline) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(PlaceInfo.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("PlaceInfo has a @DefaultSchema", e);
    }
  }

  /** A claim's place details under its window and location key, keyed by a bucket of locations. */
  static class KeyPlaceFn extends DoFn<Claim, KV<Integer, KV<String, PlaceInfo>>> {
    private final int groupingKeys;

    KeyPlaceFn(int groupingKeys) {
      this.groupingKeys = groupingKeys;
    }

    @ProcessElement
    public void process(
        @Element Claim c,
        BoundedWindow window,
        OutputReceiver<KV<Integer, KV<String, PlaceInfo>>> out) {
      Instant[] bounds = WindowTimes.bounds(window);
      out.output(
          KV.of(
              KeyBuckets.of(c.locationKey(), groupingKeys),
              KV.of(viewKey(bounds[0], bounds[1], c.locationKey()), PlaceInfo.of(c))));
    }
  }

  /** The views and places of a bucket of locations to one row per window, location and source kind. */
  static class DivergenceFn extends DoFn<KV<Integer, CoGbkResult>, Divergence> {
    private final StatusMapping mapping;

    DivergenceFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> kv, OutputReceiver<Divergence> out) {
      // Window and location → source kind → source → view.
      Map<String, Map<SourceKind, SortedMap<String, LocationStatus>>> byView = new TreeMap<>();
      for (LocationStatus s : kv.getValue().getAll(VIEW)) {
        byView
            .computeIfAbsent(
                viewKey(s.windowStart(), s.windowEnd(), s.locationId()),
                k -> new EnumMap<>(SourceKind.class))
            .computeIfAbsent(s.sourceKind(), k -> new TreeMap<>())
            .put(s.source(), s);
      }
      // Claims of one location normally agree on the place; the smallest wins whatever the order.
      Map<String, PlaceInfo> places = new HashMap<>();
      for (KV<String, PlaceInfo> p : kv.getValue().getAll(PLACE)) {
        places.merge(p.getKey(), p.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      // Claims that map to no status have no views: nothing to compare.
      byView.forEach(
          (key, byKind) ->
              byKind.forEach(
                  (kind, sources) -> {
                    LocationStatus any = sources.values().iterator().next();
                    Instant[] bounds = {any.windowStart(), any.windowEnd()};
                    out.output(
                        divergence(mapping, any.locationId(), places.get(key), bounds, kind, sources));
                  }));
    }
  }

  /** One row from the views of one location, window and source kind. */
  static Divergence divergence(
      StatusMapping mapping,
      String locationId,
      PlaceInfo place,
      Instant[] bounds,
      SourceKind kind,
      SortedMap<String, LocationStatus> sources) {
    List<String> statuses = mapping.statuses();
    List<double[]> distributions = new ArrayList<>();
    SortedMap<String, String> views = new TreeMap<>();
    TreeSet<String> dominants = new TreeSet<>();
    long claims = 0;
    String fallbackName = null;
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
      fallbackName = fallbackName == null ? s.locationName() : fallbackName;
    }
    double js = ComputeLocationStatus.round(JensenShannon.normalised(distributions));
    return new Divergence(
        bounds[0],
        bounds[1],
        locationId,
        place != null ? place.locationName() : fallbackName,
        place != null ? place.admin1() : null,
        place != null ? place.latitude() : null,
        place != null ? place.longitude() : null,
        kind,
        sources.size(),
        claims,
        js,
        dominants.size() > 1,
        Collections.unmodifiableSortedMap(views));
  }
}
