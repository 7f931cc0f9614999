package org.contested.bigquery;

import com.google.api.services.bigquery.model.JobConfigurationExtract;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;

/**
 * Beam's {@link FakeJobService}, except that an export (extract job) of rows written through the
 * Storage Write API works as it does in BigQuery. Beam's fake keeps such rows as the API decoded
 * them (null cells left out, INT64 and TIMESTAMP cells as decimal strings), and its Avro export
 * then fails ("Path in schema", "String cannot be cast to long"). Before an export this puts
 * every top-level scalar cell into the Java type the export's Avro schema expects: explicit
 * nulls, longs (TIMESTAMP as microseconds), doubles, booleans, DATE as text.
 */
public class NullSafeFakeJobService extends FakeJobService {
  private static final long serialVersionUID = 1L;

  @Override
  public void startExtractJob(JobReference jobRef, JobConfigurationExtract extract)
      throws IOException {
    TableReference ref = extract.getSourceTable();
    FakeDatasetService datasets = new FakeDatasetService();
    try {
      Table table = datasets.getTable(ref);
      if (table != null) {
        for (TableRow row :
            datasets.getAllRows(ref.getProjectId(), ref.getDatasetId(), ref.getTableId())) {
          for (TableFieldSchema f : table.getSchema().getFields()) {
            row.set(f.getName(), FakeBigQuery.avroValue(f, row.get(f.getName())));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    super.startExtractJob(jobRef, extract);
  }
}
