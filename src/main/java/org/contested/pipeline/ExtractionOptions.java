package org.contested.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** What the extractor resolves places against and which conflict it reads claims for. */
public interface ExtractionOptions extends PipelineOptions {
  @Description("Gazetteer file (TSV); unset uses the gazetteer bundled with the jar.")
  String getGazetteer();

  void setGazetteer(String value);

  @Description("Conflict profile file; unset uses the bundled Russia–Ukraine profile.")
  String getProfile();

  void setProfile(String value);

  @Description(
      "Party codes of the conflict, comma-separated; with CONTESTED they are the statuses "
          + "of location_status. Must match the profile's party codes.")
  @Default.String("RU,UA")
  String getParties();

  void setParties(String value);

  @Description(
      "Run the full sentence analysis only on sentences that can hold a claim and the context the "
          + "extractor reads (docs/benchmark.md); false analyses every sentence.")
  @Default.Boolean(true)
  Boolean getPrefilter();

  void setPrefilter(Boolean value);
}
