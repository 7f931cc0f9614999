package org.contested.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the articles come from and how to read them. */
public interface InputOptions extends PipelineOptions {
  @Description("Articles to read: a local path or glob, or a gs:// pattern.")
  String getInput();

  void setInput(String value);

  @Description("Input format: auto (by file extension), jsonl, json, csv, tsv or text.")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);

  @Description(
      "Column mapping for csv/tsv/json input, field=column pairs separated by commas, "
          + "e.g. title=headline,published_at=date.")
  String getColumns();

  void setColumns(String value);
}
