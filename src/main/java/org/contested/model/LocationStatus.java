package org.contested.model;

import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.contested.model.RecordSchemaProvider.Nullable;

/** One source's view of one location in one window: a distribution over statuses. */
@DefaultSchema(RecordSchemaProvider.class)
public record LocationStatus(
    Instant windowStart,
    Instant windowEnd,
    String locationId,
    String locationName,
    SourceKind sourceKind,
    String source,
    long claims,
    Map<String, Double> statusShares,
    String dominantStatus,
    @Nullable Integer maxPercent,
    Instant firstClaimAt,
    Instant lastClaimAt) {}
