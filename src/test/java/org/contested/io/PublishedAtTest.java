package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedAtTest {
  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void isoForms() {
    assertEquals(Optional.of(at("2022-03-01T00:00:00Z")), PublishedAt.parse("2022-03-01", null));
    assertEquals(
        Optional.of(at("2022-03-01T10:15:30Z")), PublishedAt.parse("2022-03-01T10:15:30Z", null));
    assertEquals(
        Optional.of(at("2022-03-01T08:15:30Z")),
        PublishedAt.parse("2022-03-01T10:15:30+02:00", null));
    assertEquals(
        Optional.of(at("2022-03-01T15:15:30Z")),
        PublishedAt.parse("2022-03-01T10:15:30-0500", null));
    // no zone means UTC
    assertEquals(
        Optional.of(at("2022-03-01T10:15:00Z")), PublishedAt.parse(" 2022-03-01 10:15 ", null));
    assertEquals(
        Optional.of(at("2022-03-01T10:15:30.250Z")),
        PublishedAt.parse("2022-03-01T10:15:30.25", null));
  }

  @Test
  void englishForms() {
    assertEquals(Optional.of(at("2025-11-20T00:00:00Z")), PublishedAt.parse("November 20, 2025", null));
    assertEquals(Optional.of(at("2025-11-20T00:00:00Z")), PublishedAt.parse("20 Nov 2025", null));
    assertEquals(
        Optional.of(at("2022-02-24T09:26:03Z")),
        PublishedAt.parse("Thu, 24 Feb 2022 09:26:03 GMT", null));
  }

  @Test
  void hintedForms() {
    assertEquals(Optional.of(at("2022-04-13T00:00:00Z")), PublishedAt.parse("04/13/2022", "MM/dd/yyyy"));
    assertEquals(
        Optional.of(at("2022-04-13T18:30:00Z")),
        PublishedAt.parse("13.04.2022 18:30", "dd.MM.yyyy HH:mm"));
    assertEquals(Optional.of(at("2022-02-24T00:00:00Z")), PublishedAt.parse("1645660800", "epoch_s"));
    assertEquals(Optional.of(at("2022-02-24T00:00:00Z")), PublishedAt.parse("1645660800000", "epoch_ms"));
    // ISO still accepted when a hint is given
    assertEquals(Optional.of(at("2022-04-13T00:00:00Z")), PublishedAt.parse("2022-04-13", "MM/dd/yyyy"));
  }

  @Test
  void rejectsNonDates() {
    assertTrue(PublishedAt.parse("04/13/2022", null).isEmpty(), "ambiguous without a hint");
    assertTrue(PublishedAt.parse("13/04/2022", "MM/dd/yyyy").isEmpty());
    assertTrue(PublishedAt.parse("yesterday", null).isEmpty());
    assertTrue(PublishedAt.parse("2022-02-30", null).isEmpty());
    assertTrue(PublishedAt.parse("", null).isEmpty());
    assertTrue(PublishedAt.parse(null, null).isEmpty());
  }

  @Test
  void leadingIsoIgnoresALabelAfterTheDate() {
    assertEquals(Optional.of("2025-11-20"), PublishedAt.leadingIso("2025-11-20 CONFLICT & PEACE"));
    assertEquals(
        Optional.of(at("2025-11-20T00:00:00Z")), PublishedAt.parseLeadingIso("2025-11-20 WORLD"));
    assertTrue(PublishedAt.leadingIso("night in Kyiv").isEmpty());
    assertTrue(PublishedAt.leadingIso("2025-11-201").isEmpty());
  }
}
