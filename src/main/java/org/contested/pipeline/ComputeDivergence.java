package org.contested.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
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

  private static final TupleTag<PlaceInfo> PLACE = new TupleTag<PlaceInfo>() {};
  private static final TupleTag<LocationStatus> VIEW = new TupleTag<LocationStatus>() {};

  private final List<String> parties;

  /** @param parties the conflict's party codes, e.g. ["RU", "UA"] */
  public ComputeDivergence(List<String> parties) {
    this.parties = List.copyOf(parties);
  }

  public ComputeDivergence() {
    this(StatusMapping.DEFAULT_PARTIES);
  }

  @Override
  public PCollection<Divergence> expand(PCollectionTuple input) {
    PCollection<KV<String, PlaceInfo>> places =
        input
            .get(CLAIMS)
            .apply(
                "KeyPlaceByLocation",
                ParDo.of(new KeyPlaceFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), placeCoder(input.getPipeline())))
            .apply("PickPlace", Min.perKey());
    PCollection<KV<String, LocationStatus>> views =
        input
            .get(STATUSES)
            .apply(
                "KeyViewByLocation",
                WithKeys.of(LocationStatus::locationId).withKeyType(TypeDescriptors.strings()));
    return KeyedPCollectionTuple.of(PLACE, places)
        .and(VIEW, views)
        .apply("JoinPlacesAndViews", CoGroupByKey.create())
        .apply("ToDivergence", ParDo.of(new DivergenceFn(new StatusMapping(parties))));
  }

  private static Coder<PlaceInfo> placeCoder(Pipeline pipeline) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(PlaceInfo.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("PlaceInfo has a @DefaultSchema", e);
    }
  }

  /** A claim's place details keyed by its location key. */
  static class KeyPlaceFn extends DoFn<Claim, KV<String, PlaceInfo>> {
    @ProcessElement
    public void process(@Element Claim c, OutputReceiver<KV<String, PlaceInfo>> out) {
      out.output(KV.of(c.locationKey(), PlaceInfo.of(c)));
    }
  }

  /** All views of one location in one window to one row per source kind. */
  static class DivergenceFn extends DoFn<KV<String, CoGbkResult>, Divergence> {
    private final StatusMapping mapping;

    DivergenceFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> kv, BoundedWindow window, OutputReceiver<Divergence> out) {
      Map<SourceKind, SortedMap<String, LocationStatus>> byKind = new EnumMap<>(SourceKind.class);
      for (LocationStatus s : kv.getValue().getAll(VIEW)) {
        byKind.computeIfAbsent(s.sourceKind(), k -> new TreeMap<>()).put(s.source(), s);
      }
      if (byKind.isEmpty()) {
        return; // claims that map to no status: no views, nothing to compare
      }
      PlaceInfo place = kv.getValue().getOnly(PLACE, null);
      Instant[] bounds = WindowTimes.bounds(window);
      for (Map.Entry<SourceKind, SortedMap<String, LocationStatus>> e : byKind.entrySet()) {
        SortedMap<String, LocationStatus> sources = e.getValue();
        out.output(divergence(mapping, kv.getKey(), place, bounds, e.getKey(), sources));
      }
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
