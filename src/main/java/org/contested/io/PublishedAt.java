package org.contested.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a publication date as found in an input into an {@link Instant}.
 *
 * <p>Accepted without a hint: ISO-8601 dates ({@code 2022-02-24}) and date-times with or without
 * seconds, fraction and zone ({@code 2022-02-24T09:26:03+00:00}, {@code 2022-02-24 09:26Z});
 * RFC 1123 ({@code Thu, 24 Feb 2022 09:26:03 GMT}); and English month-name dates ({@code November
 * 20, 2025}, {@code 20 November 2025}, {@code Nov 20, 2025}). A value without a zone is UTC; a date
 * alone is midnight UTC. With a hint (a java.time pattern such as {@code MM/dd/yyyy}, or {@code
 * epoch_s} / {@code epoch_ms}) the hinted form is tried first, then the forms above.
 */
public final class PublishedAt {
  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final List<DateTimeFormatter> ENGLISH =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          englishPattern("MMMM d, uuuu"),
          englishPattern("MMM d, uuuu"),
          englishPattern("d MMMM uuuu"),
          englishPattern("d MMM uuuu"),
          englishPattern("MMMM d uuuu"));

  /** An ISO date or date-time at the start of a longer value, e.g. a header line with a label. */
  private static final Pattern ISO_PREFIX =
      Pattern.compile(
          "^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?"
              + "(?:\\s?(?:Z|[+-]\\d{2}:?\\d{2}))?)?(?=$|[^\\w:+-])");

  private PublishedAt() {}

  private static DateTimeFormatter englishPattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** Parses {@code value} (trimmed), trying {@code hint} first when given. */
  public static Optional<Instant> parse(String value, String hint) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (hint != null && !hint.isBlank()) {
      Optional<Instant> hinted = parseHinted(v, hint.trim());
      if (hinted.isPresent()) {
        return hinted;
      }
    }
    Optional<Instant> iso = parseWith(v, ISO);
    if (iso.isPresent()) {
      return iso;
    }
    for (DateTimeFormatter f : ENGLISH) {
      Optional<Instant> parsed = parseWith(v, f);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }

  /**
   * Parses an ISO date or date-time that starts {@code value} and is followed by other text (a
   * section label, say), as in a {@code date 2025-11-20 WORLD} header line.
   */
  public static Optional<Instant> parseLeadingIso(String value) {
    return leadingIso(value).flatMap(iso -> parseWith(iso, ISO));
  }

  /** The ISO date or date-time at the start of {@code value}, if any, e.g. "2025-11-20". */
  public static Optional<String> leadingIso(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = ISO_PREFIX.matcher(value.trim());
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  private static Optional<Instant> parseHinted(String v, String hint) {
    try {
      switch (hint.toLowerCase(Locale.ROOT)) {
        case "epoch_s", "epoch", "unix":
          return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
        case "epoch_ms":
          return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
        default:
          return parseWith(v, englishPattern(prolepticYears(hint)));
      }
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces year-of-era letters ("yyyy") outside quoted literals with proleptic-year ones
   * ("uuuu"): strict resolving, which rejects 2022-02-30, needs an era for "y".
   */
  private static String prolepticYears(String pattern) {
    StringBuilder sb = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      sb.append(!quoted && c == 'y' ? 'u' : c);
    }
    return sb.toString();
  }

  private static Optional<Instant> parseWith(String v, DateTimeFormatter f) {
    try {
      TemporalAccessor t =
          f.parseBest(v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      Instant instant;
      if (t instanceof ZonedDateTime z) {
        instant = z.toInstant();
      } else if (t instanceof OffsetDateTime o) {
        instant = o.toInstant();
      } else if (t instanceof LocalDateTime l) {
        instant = l.toInstant(ZoneOffset.UTC);
      } else {
        instant = ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Optional.of(instant);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
