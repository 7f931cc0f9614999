package org.contested.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * Beam's {@link FakeDatasetService} plus one BigQuery behaviour it lacks: {@code tables.delete}
 * on {@code table$YYYYMMDD} deletes only that day partition (the rows whose partitioning column
 * falls on that day), as BigQuery does for day-partitioned tables; and a new table reports 0
 * bytes, as BigQuery's does (Beam's fake leaves it null, which its own table source cannot
 * size). Everything else is Beam's fake unchanged.
 */
public class PartitionedFakeDatasetService extends FakeDatasetService {
  private static final long serialVersionUID = 1L;

  @Override
  public void createTable(Table table) throws IOException {
    super.createTable(table.getNumBytes() == null ? table.clone().setNumBytes(0L) : table);
  }

  @Override
  public void deleteTable(TableReference ref) throws IOException, InterruptedException {
    String id = ref.getTableId();
    int dollar = id.indexOf('$');
    if (dollar < 0) {
      super.deleteTable(ref);
      return;
    }
    TableReference whole = ref.clone().setTableId(id.substring(0, dollar));
    LocalDate day = LocalDate.parse(id.substring(dollar + 1), DateTimeFormatter.BASIC_ISO_DATE);
    synchronized (FakeDatasetService.class) {
      Table table = getTable(whole);
      if (table == null) {
        throw new IOException(
            "Not found: " + id,
            new com.google.api.client.http.HttpResponseException.Builder(
                    404, "Not found", new com.google.api.client.http.HttpHeaders())
                .build());
      }
      String field = table.getTimePartitioning().getField();
      List<TableRow> keep = new ArrayList<>();
      for (TableRow row : getAllRows(whole.getProjectId(), whole.getDatasetId(), whole.getTableId())) {
        if (!FakeBigQuery.day(row.get(field)).equals(day)) {
          keep.add(row);
        }
      }
      super.deleteTable(whole);
      createTable(table.clone().setNumBytes(0L));
      if (!keep.isEmpty()) {
        insertAll(whole, keep, null);
      }
    }
  }
}
