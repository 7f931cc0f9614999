package org.contested.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Claims placed in event time: each claim's timestamp becomes the start (00:00 UTC) of its
 * {@code event_date}, and claims are assigned to the windows of a {@link WindowSpec}.
 */
public class WindowClaims extends PTransform<PCollection<Claim>, PCollection<Claim>> {
  private final WindowSpec spec;

  /** @param window ISO-8601 period, e.g. P1D, P7D, P1M; @param every sliding period or null */
  public WindowClaims(String window, String every) {
    this.spec = WindowSpec.parse(window, every);
  }

  @Override
  public PCollection<Claim> expand(PCollection<Claim> claims) {
    return claims
        .apply("TimestampByEventDate", ParDo.of(new TimestampByEventDateFn()))
        .setCoder(claims.getCoder())
        .apply("AssignWindows", Window.<Claim>into(spec.windowFn()));
  }

  /** The instant a claim is windowed at. */
  public static Instant eventTimestamp(Claim claim) {
    LocalDate day = claim.eventDate() != null
        ? claim.eventDate()
        : claim.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
    return new Instant(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
  }

  /**
   * Moves each claim to its event time. Event dates usually lie before the timestamp an upstream
   * reader may have given the article (a claim about 2022 in a 2025 article), so the skew is
   * unbounded; the input is bounded, so moving elements back cannot make them late.
   */
  static class TimestampByEventDateFn extends DoFn<Claim, Claim> {
    @ProcessElement
    public void process(@Element Claim claim, OutputReceiver<Claim> out) {
      out.outputWithTimestamp(claim, eventTimestamp(claim));
    }

    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
