package org.contested.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a BigQuery run covers ({@code --runDate}): one day, or an inclusive range {@code
 * FROM..TO} for backfills; unset means yesterday in UTC. An {@code --input} containing {@code
 * {date}} is a dated path template, expanded to one pattern per day.
 */
public final class RunDates {
  /** Placeholder in {@code --input} for the day, as YYYY-MM-DD. */
  public static final String DATE_PLACEHOLDER = "{date}";

  /** Longest range one run takes (about ten years). */
  public static final int MAX_DAYS = 3700;

  private static final DateTimeFormatter PARTITION = DateTimeFormatter.BASIC_ISO_DATE;

  private RunDates() {}

  /**
   * @throws IllegalArgumentException naming {@code --runDate} when it does not parse
   */
  public static List<LocalDate> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return List.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
    }
    String v = value.trim();
    int dots = v.indexOf("..");
    LocalDate from = day(dots < 0 ? v : v.substring(0, dots), value);
    LocalDate to = dots < 0 ? from : day(v.substring(dots + 2), value);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--runDate=" + value + " ends before it starts");
    }
    long n = to.toEpochDay() - from.toEpochDay() + 1;
    if (n > MAX_DAYS) {
      throw new IllegalArgumentException(
          "--runDate=" + value + " covers " + n + " days; split it into ranges of at most "
              + MAX_DAYS);
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  private static LocalDate day(String s, String whole) {
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--runDate=" + whole + " is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD");
    }
  }

  /** The input patterns of those days: the template expanded per day, or the input as is. */
  public static List<String> inputPatterns(String input, List<LocalDate> days) {
    if (!input.contains(DATE_PLACEHOLDER)) {
      return List.of(input);
    }
    List<String> out = new ArrayList<>();
    for (LocalDate d : days) {
      out.add(input.replace(DATE_PLACEHOLDER, d.toString()));
    }
    return out;
  }

  /** {@code table$YYYYMMDD}: the decorator naming one day partition. */
  public static String partition(String table, LocalDate day) {
    return table + "$" + day.format(PARTITION);
  }
}
