package org.contested.bigquery;

import com.google.api.services.bigquery.model.TableReference;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code --output=bq:PROJECT:DATASET} (or {@code bq:PROJECT.DATASET}) destination. */
public record BigQueryOutput(String project, String dataset) implements Serializable {
  public static final String SCHEME = "bq:";

  // Project ids: 6-30 chars of lower-case letters, digits and hyphens, optionally "domain:"-scoped.
  private static final Pattern SPEC =
      Pattern.compile("bq:((?:[a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9])[:.]([A-Za-z0-9_]{1,1024})");

  /** True when {@code output} names BigQuery rather than a directory. */
  public static boolean isBigQuery(String output) {
    return output != null && output.startsWith(SCHEME);
  }

  /**
   * Parses {@code bq:PROJECT:DATASET}.
   *
   * @throws IllegalArgumentException naming the option when it does not parse
   */
  public static BigQueryOutput parse(String output) {
    Matcher m = SPEC.matcher(output == null ? "" : output.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--output=" + output + " is not bq:PROJECT:DATASET (project id in lower case, dataset of"
              + " letters, digits and _)");
    }
    return new BigQueryOutput(m.group(1), m.group(2));
  }

  /** The whole table (no partition decorator). */
  public TableReference table(String table) {
    return new TableReference().setProjectId(project).setDatasetId(dataset).setTableId(table);
  }

  /** {@code PROJECT:DATASET.TABLE}, the form BigQueryIO and {@code bq} accept. */
  public String tableSpec(String table) {
    return project + ":" + dataset + "." + table;
  }

  @Override
  public String toString() {
    return SCHEME + project + ":" + dataset;
  }
}
