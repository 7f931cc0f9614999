package org.contested.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/** Hand-made claims for transform tests: a fluent builder with plain defaults. */
final class Claims {
  private String claimId = "c1";
  private String outlet = "Wire A";
  private Instant publishedAt = Instant.parse("2025-11-20T09:00:00Z");
  private String claimantSide = "RU";
  private String locationId = "geonames:1";
  private String locationName = "Placeville";
  private String admin1 = "Some Oblast";
  private Double latitude = 49.7;
  private Double longitude = 37.6;
  private ClaimType type = ClaimType.CONTROL;
  private String controller = "RU";
  private Polarity polarity = Polarity.AFFIRMED;
  private Integer percent;
  private LocalDate eventDate = LocalDate.parse("2025-11-20");
  private double confidence = 1.0;

  static Claims claim(String id) {
    Claims c = new Claims();
    c.claimId = id;
    return c;
  }

  Claims outlet(String v) {
    outlet = v;
    return this;
  }

  Claims side(String v) {
    claimantSide = v;
    return this;
  }

  Claims at(String locationId, String name) {
    this.locationId = locationId;
    this.locationName = name;
    return this;
  }

  Claims place(String admin1, Double lat, Double lon) {
    this.admin1 = admin1;
    this.latitude = lat;
    this.longitude = lon;
    return this;
  }

  Claims says(ClaimType type, String controller, Polarity polarity) {
    this.type = type;
    this.controller = controller;
    this.polarity = polarity;
    return this;
  }

  Claims percent(Integer v) {
    percent = v;
    return this;
  }

  Claims on(String isoDate) {
    eventDate = LocalDate.parse(isoDate);
    return this;
  }

  Claims published(String isoInstant) {
    publishedAt = Instant.parse(isoInstant);
    return this;
  }

  Claims confidence(double v) {
    confidence = v;
    return this;
  }

  Claim build() {
    return new Claim(
        claimId,
        "a-" + claimId,
        outlet,
        publishedAt,
        claimantSide + " official",
        claimantSide,
        locationId,
        locationName,
        LocationType.SETTLEMENT,
        admin1,
        "UA",
        latitude,
        longitude,
        type,
        controller,
        polarity,
        percent,
        eventDate,
        DatePrecision.DAY,
        "evidence of " + claimId,
        0,
        10,
        "en",
        confidence);
  }
}
