package org.contested.bigquery;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.io.IOException;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Deletes one day partition per element ({@code table$YYYYMMDD}), so that the rows written after
 * it replace that day instead of adding to it. BigQuery deletes a single partition when
 * {@code tables.delete} names it with a partition decorator; a partition or table that does not
 * exist yet is fine. Emits the partition name once it is gone.
 */
public class ClearPartitionsFn extends DoFn<String, String> {
  private final BigQueryOutput output;
  private final BigQueryServices services;
  private final Counter cleared = Metrics.counter("contested", "partitions_cleared");
  private transient DatasetService datasets;

  /** @param services BigQuery client; null for the real one */
  public ClearPartitionsFn(BigQueryOutput output, BigQueryServices services) {
    this.output = output;
    this.services = services;
  }

  @StartBundle
  public void startBundle(StartBundleContext context) {
    if (datasets == null) {
      BigQueryServices s = services != null ? services : new BigQueryServicesImpl();
      datasets = s.getDatasetService(context.getPipelineOptions().as(BigQueryOptions.class));
    }
  }

  @ProcessElement
  public void process(@Element String partition, OutputReceiver<String> out)
      throws IOException, InterruptedException {
    try {
      datasets.deleteTable(output.table(partition));
    } catch (IOException e) {
      if (!isNotFound(e)) {
        throw new IOException("cannot clear partition " + output.tableSpec(partition), e);
      }
    }
    cleared.inc();
    out.output(partition);
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GoogleJsonResponseException g && g.getStatusCode() == 404) {
        return true;
      }
      if (t instanceof com.google.api.client.http.HttpResponseException h
          && h.getStatusCode() == 404) {
        return true;
      }
    }
    return false;
  }

  @Teardown
  public void teardown() throws Exception {
    if (datasets != null) {
      datasets.close();
    }
  }

}
