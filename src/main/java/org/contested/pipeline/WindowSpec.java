package org.contested.pipeline;

import java.io.Serializable;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.joda.time.Duration;

/**
 * A parsed {@code --window}/{@code --every} pair. Day and week periods give fixed (or, with
 * {@code every}, sliding) windows of whole UTC days; month and year periods give calendar windows
 * starting on the first of a month. Windows whose size is a whole number of weeks start on Monday
 * (ISO weeks) rather than on Beam's default epoch alignment, which is a Thursday.
 */
public final class WindowSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** 1970-01-01 was a Thursday; four days on is the first Monday. */
  private static final Duration MONDAY_OFFSET = Duration.standardDays(4);

  private final String window;
  private final String every;
  private final int days;
  private final int months;
  private final int everyDays;

  private WindowSpec(String window, String every, int days, int months, int everyDays) {
    this.window = window;
    this.every = every;
    this.days = days;
    this.months = months;
    this.everyDays = everyDays;
  }

  /**
   * Parses the options' values; {@code every} may be null or blank for fixed windows.
   *
   * @throws IllegalArgumentException with a one-line reason naming the option
   */
  public static WindowSpec parse(String window, String every) {
    if (window == null || window.isBlank()) {
      throw new IllegalArgumentException("--window is empty; use an ISO-8601 period like P1D");
    }
    Period size = period("--window", window);
    int days = 0;
    int months = 0;
    if (size.getYears() == 0 && size.getMonths() == 0) {
      days = size.getDays();
    } else if (size.getDays() == 0) {
      months = Math.toIntExact(size.toTotalMonths());
    } else {
      throw new IllegalArgumentException(
          "--window=" + window + " mixes months and days; use days/weeks (P7D) or months (P1M)");
    }
    if (days < 0 || months < 0) {
      throw new IllegalArgumentException("--window=" + window + " must be positive");
    }
    String everyOrNull = every == null || every.isBlank() ? null : every.trim();
    int everyDays = 0;
    if (everyOrNull != null) {
      Period step = period("--every", everyOrNull);
      if (step.getYears() != 0 || step.getMonths() != 0 || step.getDays() <= 0) {
        throw new IllegalArgumentException(
            "--every=" + everyOrNull + " must be a positive number of days or weeks, like P1D");
      }
      if (months > 0) {
        throw new IllegalArgumentException(
            "--every needs a window in days or weeks, not --window=" + window);
      }
      everyDays = step.getDays();
      if (everyDays > days) {
        throw new IllegalArgumentException(
            "--every=" + everyOrNull + " is longer than --window=" + window
                + ", so some days would fall in no window");
      }
    }
    return new WindowSpec(window.trim(), everyOrNull, days, months, everyDays);
  }

  private static Period period(String option, String value) {
    String v = value.trim().toUpperCase(java.util.Locale.ROOT);
    try {
      Period p = Period.parse(v);
      if (p.isZero()) {
        throw new IllegalArgumentException(option + "=" + value + " is an empty period");
      }
      return p;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + "=" + value + " is not an ISO-8601 period of days, weeks, months or years"
              + " (e.g. P1D, P7D, P1M)");
    }
  }

  /** True for sliding windows. */
  public boolean isSliding() {
    return everyDays > 0;
  }

  /** The Beam window function for these options. */
  public WindowFn<Object, ? extends BoundedWindow> windowFn() {
    if (months > 0) {
      return months % 12 == 0
          ? CalendarWindows.years(months / 12)
          : CalendarWindows.months(months);
    }
    Duration size = Duration.standardDays(days);
    if (isSliding()) {
      Duration period = Duration.standardDays(everyDays);
      SlidingWindows sliding = SlidingWindows.of(size).every(period);
      return everyDays % 7 == 0 ? sliding.withOffset(MONDAY_OFFSET) : sliding;
    }
    FixedWindows fixed = FixedWindows.of(size);
    return days % 7 == 0 ? fixed.withOffset(MONDAY_OFFSET) : fixed;
  }

  @Override
  public String toString() {
    return every == null ? "window=" + window : "window=" + window + " every=" + every;
  }
}
