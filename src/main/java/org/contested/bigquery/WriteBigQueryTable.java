package org.contested.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.CreateDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryStorageApiInsertError;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.DeadLetter;

/**
 * Appends rows to one BigQuery table through the Storage Write API once {@code signal} (the
 * cleared partitions) is done, and returns the rows BigQuery rejected as dead letters with
 * BigQuery's error message. The table is created when missing, day-partitioned and clustered as
 * its {@link BigQueryTableSpec} says.
 */
public class WriteBigQueryTable extends PTransform<PCollection<TableRow>, PCollection<DeadLetter>> {
  private final BigQueryOutput output;
  private final BigQueryTableSpec spec;
  private final PCollection<?> signal;
  private final BigQueryServices services;

  /**
   * @param services BigQuery client to use; null for the real one (tests pass
   *     FakeBigQueryServices)
   */
  public WriteBigQueryTable(
      BigQueryOutput output,
      BigQueryTableSpec spec,
      PCollection<?> signal,
      BigQueryServices services) {
    this.output = output;
    this.spec = spec;
    this.signal = signal;
    this.services = services;
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<TableRow> rows) {
    BigQueryIO.Write<TableRow> write =
        BigQueryIO.writeTableRows()
            .to(output.table(spec.name()))
            .withSchema(spec.tableSchema())
            .withTimePartitioning(spec.timePartitioning())
            .withCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
            .withWriteDisposition(WriteDisposition.WRITE_APPEND)
            .withMethod(Method.STORAGE_WRITE_API);
    if (spec.clusteringOrNull() != null) {
      write = write.withClustering(spec.clusteringOrNull());
    }
    if (services != null) {
      write = write.withTestServices(services);
    }
    WriteResult result =
        rows.apply("AfterPartitionsCleared", Wait.on(signal))
            .setCoder(TableRowJsonCoder.of())
            .apply("StorageWrite", write);
    return result
        .getFailedStorageApiInserts()
        .apply("RejectedToDeadLetter", ParDo.of(new RejectedFn(output.tableSpec(spec.name()))));
  }

  /** A row BigQuery refused, kept with its error and the row as JSON. */
  static class RejectedFn extends DoFn<BigQueryStorageApiInsertError, DeadLetter> {
    private final String table;

    RejectedFn(String table) {
      this.table = table;
    }

    @ProcessElement
    public void process(@Element BigQueryStorageApiInsertError error, OutputReceiver<DeadLetter> out)
        throws IOException {
      TableRow row = error.getRow();
      row.setFactory(com.google.api.client.json.gson.GsonFactory.getDefaultInstance());
      out.output(
          DeadLetter.of(
              "bigquery:" + table,
              0,
              "rejected by BigQuery: " + error.getErrorMessage(),
              row.toString()));
    }
  }
}
