package org.contested.pipeline;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Scheduled runs into BigQuery: which days a run covers and where articles come from there. */
public interface CloudOptions extends PipelineOptions {
  @Description(
      "Day(s) of articles a run into BigQuery (--output=bq:...) covers: YYYY-MM-DD, or a range "
          + "FROM..TO (inclusive) for backfills; default yesterday (UTC). The run replaces those "
          + "days' claims partitions and recomputes every window their claims touch.")
  String getRunDate();

  void setRunDate(String value);

  @Description(
      "BigQuery table of articles to read instead of --input, PROJECT:DATASET.TABLE or "
          + "PROJECT.DATASET.TABLE; --columns maps its columns to article fields.")
  String getInputTable();

  void setInputTable(String value);
}
