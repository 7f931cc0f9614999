package org.contested.pipeline;

import java.time.Instant;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;

/** The [start, end) instants of the window a row was computed in. */
final class WindowTimes {
  private WindowTimes() {}

  static Instant[] bounds(BoundedWindow window) {
    if (!(window instanceof IntervalWindow iw)) {
      throw new IllegalStateException(
          "aggregates need interval windows (apply WindowClaims first), got " + window);
    }
    return new Instant[] {
      Instant.ofEpochMilli(iw.start().getMillis()), Instant.ofEpochMilli(iw.end().getMillis())
    };
  }
}
