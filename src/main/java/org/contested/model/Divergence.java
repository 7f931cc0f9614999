package org.contested.model;

import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.contested.model.RecordSchemaProvider.Nullable;

/**
 * How far the sources' views of one location diverge in one window: the generalised
 * Jensen–Shannon divergence of their status distributions (0 all agree, 1 disjoint).
 */
@DefaultSchema(RecordSchemaProvider.class)
public record Divergence(
    Instant windowStart,
    Instant windowEnd,
    String locationId,
    String locationName,
    @Nullable String admin1,
    @Nullable Double latitude,
    @Nullable Double longitude,
    SourceKind sourceKind,
    long sources,
    long claims,
    double divergence,
    boolean disagreement,
    Map<String, String> views) {}
