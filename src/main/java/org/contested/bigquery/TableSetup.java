package org.contested.bigquery;

import com.google.api.services.bigquery.model.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;

/**
 * Creates the output tables that do not exist yet, before the pipeline is built: the run reads
 * {@code claims} back, so it must exist even on the first day. Runs where {@code main} runs (on
 * Dataflow, in the Flex Template launcher).
 */
public final class TableSetup {
  private TableSetup() {}

  /**
   * @param services BigQuery client; null for the real one
   * @return the names of the tables it created
   */
  public static List<String> ensureTables(
      BigQueryOutput output, BigQueryOptions options, BigQueryServices services)
      throws IOException, InterruptedException {
    BigQueryServices s = services != null ? services : new BigQueryServicesImpl();
    List<String> created = new ArrayList<>();
    try (DatasetService datasets = s.getDatasetService(options)) {
      try {
        datasets.getDataset(output.project(), output.dataset());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "BigQuery dataset " + output.project() + ":" + output.dataset()
                + " does not exist or cannot be read (create it first, see README): "
                + e.getMessage());
      }
      for (BigQueryTableSpec spec : BigQueryTableSpec.all().values()) {
        if (datasets.getTable(output.table(spec.name())) != null) {
          continue;
        }
        Table table =
            new Table()
                .setTableReference(output.table(spec.name()))
                .setSchema(spec.tableSchema())
                .setTimePartitioning(spec.timePartitioning())
                .setClustering(spec.clusteringOrNull())
                .setDescription("contested " + spec.name() + ", schema " + spec.schemaFile());
        datasets.createTable(table);
        created.add(spec.name());
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("closing the BigQuery client", e);
    }
    return created;
  }
}
