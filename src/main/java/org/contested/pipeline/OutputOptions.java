package org.contested.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the tables go. */
public interface OutputOptions extends PipelineOptions {
  @Description("Output directory (local or gs://): one folder per table plus run.json.")
  String getOutput();

  void setOutput(String value);

  @Description(
      "Shards per table; 1 (default) gives one part-00000-of-00001.jsonl per table, 0 lets "
          + "the runner decide (for large runs).")
  @Default.Integer(1)
  int getNumShards();

  void setNumShards(int value);
}
