package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.contested.model.Claim;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowClaimsTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  private static IntervalWindow window(String start, String end) {
    return new IntervalWindow(Instant.parse(start + "T00:00:00Z"), Instant.parse(end + "T00:00:00Z"));
  }

  /** Each claim id with the start and end day of the window it landed in. */
  static class DescribeFn extends DoFn<Claim, String> {
    @ProcessElement
    public void process(@Element Claim c, BoundedWindow w, OutputReceiver<String> out) {
      IntervalWindow iw = (IntervalWindow) w;
      out.output(c.claimId() + "@" + iw.start().toString().substring(0, 10) + "/"
          + iw.end().toString().substring(0, 10));
    }
  }

  private PCollection<String> windowed(String window, String every, Claim... claims) {
    return p.apply(Create.of(List.of(claims)))
        .apply(new WindowClaims(window, every))
        .apply(ParDo.of(new DescribeFn()));
  }

  @Test
  void dailyWindowsSeparateDaysAndWeeklyWindowsJoinThem() {
    // 2025-11-18 is a Tuesday and 2025-11-20 a Thursday of the same ISO week.
    Claim tue = claim("tue").on("2025-11-18").build();
    Claim thu = claim("thu").on("2025-11-20").build();
    PCollection<Claim> daily =
        p.apply("CreateDaily", Create.of(tue, thu)).apply("Daily", new WindowClaims("P1D", null));
    PAssert.that(daily).inWindow(window("2025-11-18", "2025-11-19")).containsInAnyOrder(tue);
    PAssert.that(daily).inWindow(window("2025-11-20", "2025-11-21")).containsInAnyOrder(thu);

    PCollection<Claim> weekly =
        p.apply("CreateWeekly", Create.of(tue, thu)).apply("Weekly", new WindowClaims("P7D", null));
    // Weekly windows start on Monday, not on Beam's epoch-aligned Thursday.
    PAssert.that(weekly).inWindow(window("2025-11-17", "2025-11-24")).containsInAnyOrder(tue, thu);
    p.run().waitUntilFinish();
  }

  @Test
  void slidingWindowsCopyEachClaimIntoSizeOverEveryWindows() {
    PAssert.that(windowed("P7D", "P1D", claim("x").on("2025-11-20").build()))
        .containsInAnyOrder(expectedSliding("x", 20, 7));
    p.run().waitUntilFinish();
  }

  private static List<String> expectedSliding(String id, int day, int size) {
    List<String> out = new ArrayList<>();
    for (int start = day - size + 1; start <= day; start++) {
      out.add(String.format("%s@2025-11-%02d/2025-11-%02d", id, start, start + size));
    }
    return out;
  }

  @Test
  void calendarMonthsFollowMonthLengths() {
    PAssert.that(
            windowed(
                "P1M",
                null,
                claim("jan31").on("2024-01-31").build(),
                claim("feb1").on("2024-02-01").build(),
                claim("feb29").on("2024-02-29").build()))
        .containsInAnyOrder(
            "jan31@2024-01-01/2024-02-01",
            "feb1@2024-02-01/2024-03-01",
            "feb29@2024-02-01/2024-03-01");
    p.run().waitUntilFinish();
  }

  @Test
  void claimsLongBeforeTheirArticleTimestampAreWindowedByEventDate() {
    // An upstream reader may stamp elements with their publication time; a claim about 2014 in a
    // 2025 article must still move back to 2014.
    Claim old = claim("old").on("2014-04-12").published("2025-11-20T09:00:00Z").build();
    PCollection<Claim> in =
        p.apply(
            Create.timestamped(
                TimestampedValue.of(old, Instant.parse("2025-11-20T09:00:00Z"))));
    PAssert.that(in.apply(new WindowClaims("P1D", null)).apply(ParDo.of(new DescribeFn())))
        .containsInAnyOrder("old@2014-04-12/2014-04-13");
    p.run().waitUntilFinish();
  }
}
