package org.contested.core;

import org.contested.model.LocationType;

/**
 * A gazetteer entry. {@code id} is the table's {@code location_id}: {@code geonames:<id>} for
 * GeoNames rows. {@code admin1} is the English name of the first-level region the place lies in
 * (for a region, its own name).
 */
public record Place(
    String id,
    String name,
    LocationType type,
    String featureCode,
    String countryCode,
    String admin1Code,
    String admin1,
    double latitude,
    double longitude,
    long population) {}
