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

  /** European day-first dates with dots, optionally with a time: 20.11.2025, 20.11.2025 14:30. */
  private static final List<DateTimeFormatter> DOTTED =
      List.of(
          englishPattern("d.M.uuuu"),
          englishPattern("d.M.uuuu H:mm"),
          englishPattern("d.M.uuuu H:mm:ss"),
          englishPattern("d.M.uuuu, H:mm"));

  /** Date-times with a zone name or offset after the time: 2025-11-20 14:00 UTC, ... EET. */
  private static final List<DateTimeFormatter> ZONED =
      List.of(
          englishPattern("uuuu-MM-dd H:mm[:ss] z"),
          englishPattern("uuuu-MM-dd'T'H:mm[:ss] z"),
          englishPattern("MMM d, uuuu h:mm a z"),
          englishPattern("MMM d, uuuu H:mm z"),
          englishPattern("MMMM d, uuuu h:mm a z"),
          englishPattern("d MMMM uuuu H:mm z"),
          englishPattern("EEE MMM d HH:mm:ss z uuuu"));

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
    if (v.length() > 64) {
      return Optional.empty(); // no date is this long; spare the formatters
    }
    Optional<Instant> epoch = epoch(v);
    if (epoch.isPresent()) {
      return epoch;
    }
    for (List<DateTimeFormatter> group : List.of(ENGLISH, DOTTED, ZONED)) {
      for (DateTimeFormatter f : group) {
        Optional<Instant> parsed = parseWith(v, f);
        if (parsed.isPresent()) {
          return parsed;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A bare integer of 9 or 10 digits is epoch seconds, of 12 or 13 digits epoch milliseconds
   * (2001-09-09 to 2286 either way); other integers are not dates.
   */
  static Optional<Instant> epoch(String v) {
    int n = v.length();
    if (n < 9 || n > 13 || n == 11) {
      return Optional.empty();
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    long x = Long.parseLong(v);
    return Optional.of(n <= 10 ? Instant.ofEpochSecond(x) : Instant.ofEpochMilli(x));
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
    String v = value.trim();
    int end = isoPrefixEnd(v);
    return end < 0 ? Optional.empty() : Optional.of(v.substring(0, end));
  }

  /**
   * The end of the ISO date or date-time that starts {@code v} and is followed by the end or by a
   * character that is not a letter, digit, '_', ':', '+' or '-'; -1 when there is none. A
   * hand-written scanner for {@code \d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?
   * (\s?(Z|[+-]\d{2}:?\d{2}))?)?}, longest match first, like a backtracking regex would.
   */
  static int isoPrefixEnd(String v) {
    if (!digits(v, 0, 4) || !at(v, 4, '-') || !digits(v, 5, 2) || !at(v, 7, '-')
        || !digits(v, 8, 2)) {
      return -1;
    }
    // Candidate ends of the time part, longest first: fraction, seconds, minutes.
    int[] times = new int[3];
    int count = 0;
    if ((at(v, 10, 'T') || at(v, 10, ' ')) && digits(v, 11, 2) && at(v, 13, ':')
        && digits(v, 14, 2)) {
      if (at(v, 16, ':') && digits(v, 17, 2)) {
        if (at(v, 19, '.')) {
          int k = 20;
          while (k < v.length() && k < 29 && isDigit(v.charAt(k))) {
            k++;
          }
          for (int f = k; f > 20; f--) {
            if (boundary(v, f) || zoneEnd(v, f) > 0) {
              times[count++] = f;
              break;
            }
          }
        }
        times[count++] = 19;
      }
      times[count++] = 16;
    }
    for (int c = 0; c < count; c++) {
      int zone = zoneEnd(v, times[c]);
      if (zone > 0 && boundary(v, zone)) {
        return zone;
      }
      if (boundary(v, times[c])) {
        return times[c];
      }
    }
    return boundary(v, 10) ? 10 : -1;
  }

  private static int zoneEnd(String v, int from) {
    int i = at(v, from, ' ') || at(v, from, '\t') ? from + 1 : from;
    if (at(v, i, 'Z')) {
      return i + 1;
    }
    if ((at(v, i, '+') || at(v, i, '-')) && digits(v, i + 1, 2)) {
      int j = at(v, i + 3, ':') ? i + 4 : i + 3;
      return digits(v, j, 2) ? j + 2 : -1;
    }
    return -1;
  }

  private static boolean boundary(String v, int i) {
    if (i >= v.length()) {
      return true;
    }
    char c = v.charAt(i);
    boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    return !(word || c == ':' || c == '+' || c == '-');
  }

  private static boolean at(String v, int i, char c) {
    return i < v.length() && v.charAt(i) == c;
  }

  private static boolean digits(String v, int from, int n) {
    if (from + n > v.length()) {
      return false;
    }
    for (int i = from; i < from + n; i++) {
      if (!isDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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
