package org.contested.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many keys articles and claims are grouped under (see {@link GroupingKeys}). */
public interface GroupingOptions extends PipelineOptions {
  @Description(
      "Keys that articles (deduplication, spreading over workers) and claims (aggregation) are "
          + "grouped under. 0 picks for the runner: 4 per DirectRunner thread "
          + "(--targetParallelism), else 256. More keys give a cluster more parallel work; each "
          + "key costs the DirectRunner a bundle per step.")
  @Default.Integer(0)
  Integer getGroupingKeys();

  void setGroupingKeys(Integer value);
}
