package org.contested.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How claims are grouped in event time. */
public interface WindowOptions extends PipelineOptions {
  @Description(
      "Window size as an ISO-8601 period: days or weeks (P1D, P7D, P2W) for fixed windows, "
          + "months or years (P1M, P3M, P1Y) for calendar windows.")
  @Default.String("P1D")
  String getWindow();

  void setWindow(String value);

  @Description(
      "Period of sliding windows in days (e.g. P1D with --window=P7D); unset means fixed "
          + "windows.")
  String getEvery();

  void setEvery(String value);
}
