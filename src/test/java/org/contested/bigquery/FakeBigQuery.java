package org.contested.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/** A fresh in-memory BigQuery (Beam's fakes) holding one empty dataset, for tests. */
public final class FakeBigQuery {
  public static final String PROJECT = "contested-test";
  public static final String DATASET = "contested";

  public final PartitionedFakeDatasetService datasets;
  public final FakeBigQueryServices services;

  private FakeBigQuery() throws Exception {
    FakeDatasetService.setUp();
    datasets = new PartitionedFakeDatasetService();
    datasets.createDataset(PROJECT, DATASET, "", "", null);
    services =
        new FakeBigQueryServices()
            .withJobService(new NullSafeFakeJobService())
            .withDatasetService(datasets);
  }

  public static FakeBigQuery create() throws Exception {
    return new FakeBigQuery();
  }

  public static String output() {
    return "bq:" + PROJECT + ":" + DATASET;
  }

  /** Every row of a table, or an empty list when it does not exist. */
  public List<TableRow> rows(String table) throws Exception {
    if (datasets.getTable(BigQueryOutput.parse(output()).table(table)) == null) {
      return List.of();
    }
    return new ArrayList<>(datasets.getAllRows(PROJECT, DATASET, table));
  }

  /**
   * The day of a DATE or TIMESTAMP cell as the fake stores it (days or microseconds since the
   * epoch, as the Storage Write API sends them) or as text.
   */
  public static java.time.LocalDate day(Object value) {
    if (value instanceof Integer days) {
      return java.time.LocalDate.ofEpochDay(days);
    }
    String s = String.valueOf(value);
    if (s.matches("\\d{4}-\\d\\d-\\d\\d")) {
      return java.time.LocalDate.parse(s);
    }
    if (value instanceof Long n && Math.abs(n) < 1_000_000L) {
      return java.time.LocalDate.ofEpochDay(n);
    }
    return TableRows.timestamp(value).atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  /**
   * A table's rows as sorted strings, to compare two states of it: cells in one representation
   * whether or not an export has normalised them.
   */
  public List<String> snapshot(String table) throws Exception {
    List<String> out = new ArrayList<>();
    com.google.api.services.bigquery.model.Table t =
        datasets.getTable(BigQueryOutput.parse(output()).table(table));
    for (TableRow r : rows(table)) {
      java.util.Map<String, Object> cells = new java.util.TreeMap<>();
      for (com.google.api.services.bigquery.model.TableFieldSchema f : t.getSchema().getFields()) {
        cells.put(f.getName(), avroValue(f, r.get(f.getName())));
      }
      out.add(cells.toString());
    }
    out.sort(null);
    return out;
  }

  /** A top-level cell as the Java type of BigQuery's Avro export (see NullSafeFakeJobService). */
  static Object avroValue(com.google.api.services.bigquery.model.TableFieldSchema f, Object v) {
    if (v == null || "REPEATED".equals(f.getMode()) || "RECORD".equals(f.getType())) {
      return v;
    }
    String s = v.toString();
    return switch (f.getType()) {
      case "INTEGER", "INT64" -> Long.parseLong(s);
      case "FLOAT", "FLOAT64" -> Double.parseDouble(s);
      case "BOOLEAN", "BOOL" -> Boolean.parseBoolean(s);
      case "TIMESTAMP" -> {
        java.time.Instant t = TableRows.timestamp(v);
        yield t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
      }
      case "DATE" -> FakeBigQuery.day(v).toString();
      default -> s;
    };
  }
}
