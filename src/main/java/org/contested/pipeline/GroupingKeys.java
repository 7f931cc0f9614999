package org.contested.pipeline;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.contested.beam.KeyBuckets;

/** The number of grouping keys a run uses: {@code --groupingKeys}, or one fitted to the runner. */
public final class GroupingKeys {
  /** Groups per DirectRunner thread: enough to balance the threads, few enough to be cheap. */
  static final int PER_DIRECT_THREAD = 4;

  private GroupingKeys() {}

  public static int of(PipelineOptions options) {
    int keys = options.as(GroupingOptions.class).getGroupingKeys();
    if (keys < 0) {
      throw new IllegalArgumentException(
          "--groupingKeys=" + keys + " must be 0 (picked for the runner) or more");
    }
    if (keys > 0) {
      return keys;
    }
    if (DirectRunner.class.equals(options.getRunner())) {
      return PER_DIRECT_THREAD * Math.max(1, options.as(DirectOptions.class).getTargetParallelism());
    }
    return KeyBuckets.DISTRIBUTED;
  }
}
