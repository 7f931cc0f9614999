package org.contested.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;
import org.contested.model.LocationType;
import org.contested.model.Polarity;
import org.contested.model.RecordSchemaProvider;
import org.contested.model.SourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The versioned BigQuery schemas match the Beam schemas of the records the pipeline emits. */
class TableSchemasTest {
  private static final Path DIR = Path.of("pipelines", "bigquery");

  @ParameterizedTest
  @ValueSource(strings = {"claims", "location_status", "divergence", "dead_letter"})
  void schemaFileMatchesTheRecordColumnForColumn(String name) throws Exception {
    BigQueryTableSpec spec = BigQueryTableSpec.of(name);
    Schema beam = RecordSchemaProvider.schemaOf(Class.forName(spec.recordClass()));
    List<TableFieldSchema> bq = new ArrayList<>(spec.tableSchema().getFields());
    // The table's own columns (e.g. dead_letter.run_date) come after the record's.
    int own = spec.extraColumns().size();
    List<TableFieldSchema> extras = bq.subList(bq.size() - own, bq.size());
    assertEquals(spec.extraColumns(), extras.stream().map(TableFieldSchema::getName).toList());
    extras.clear();
    assertEquals(beam.getFieldNames(), bq.stream().map(TableFieldSchema::getName).toList(),
        name + ": column names or order drifted from " + spec.recordClass());
    for (int i = 0; i < bq.size(); i++) {
      Schema.Field f = beam.getField(i);
      TableFieldSchema c = bq.get(i);
      String where = name + "." + c.getName();
      if (f.getType().getTypeName() == Schema.TypeName.MAP) {
        assertEquals("RECORD", c.getType(), where);
        assertEquals("REPEATED", c.getMode(), where + ": maps are repeated (key, value) records");
        assertEquals(2, c.getFields().size(), where);
        assertEquals(bigQueryType(f.getType().getMapKeyType()), c.getFields().get(0).getType(), where);
        assertEquals(bigQueryType(f.getType().getMapValueType()), c.getFields().get(1).getType(), where);
      } else {
        assertEquals(bigQueryType(f.getType()), c.getType(), where);
        assertEquals(f.getType().getNullable() ? "NULLABLE" : "REQUIRED", c.getMode(), where);
      }
    }
  }

  private static String bigQueryType(FieldType t) {
    if (t.getTypeName() == Schema.TypeName.LOGICAL_TYPE) {
      String id = t.getLogicalType().getIdentifier();
      return id.contains("date") ? "DATE" : "TIMESTAMP";
    }
    return switch (t.getTypeName()) {
      case STRING -> "STRING";
      case INT16, INT32, INT64, BYTE -> "INTEGER";
      case DOUBLE, FLOAT -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      default -> throw new AssertionError("no BigQuery column type for " + t);
    };
  }

  @Test
  void partitioningAndClusteringAreThoseTheDashboardsNeed() {
    Map<String, BigQueryTableSpec> all = BigQueryTableSpec.all();
    assertEquals(List.of("claims", "location_status", "divergence", "dead_letter"),
        List.copyOf(all.keySet()));
    assertEquals("published_at", all.get("claims").partitionField());
    assertEquals(List.of("location_id", "claimant_side"), all.get("claims").clustering());
    for (String t : List.of("location_status", "divergence")) {
      assertEquals("window_start", all.get(t).partitionField());
      assertEquals(List.of("location_id"), all.get(t).clustering());
    }
    for (BigQueryTableSpec spec : all.values()) {
      assertEquals("DAY", spec.timePartitioning().getType());
      TableFieldSchema p = spec.tableSchema().getFields().stream()
          .filter(f -> f.getName().equals(spec.partitionField())).findFirst().orElseThrow();
      assertTrue(List.of("DATE", "TIMESTAMP").contains(p.getType()), spec.name());
      assertEquals("REQUIRED", p.getMode(), spec.name() + ": every row must have a partition");
    }
  }

  @Test
  void jarCopiesAreTheFilesUnderPipelines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (BigQueryTableSpec spec : BigQueryTableSpec.all().values()) {
      JsonNode file = json.readTree(Files.readString(DIR.resolve(spec.schemaFile())));
      assertEquals(file, json.readTree(spec.schemaJson()), spec.schemaFile());
      assertTrue(spec.schemaFile().matches("schemas/" + spec.name() + "\\.v\\d+\\.json"),
          "schema files are versioned: " + spec.schemaFile());
    }
  }

  @Test
  void claimRowsAreTypedAndReadBackUnchanged() {
    Claim claim = new Claim("c1", "a1", "Wire", Instant.parse("2025-11-20T08:00:00.250Z"), "MoD",
        "RU", "geonames:1", "Placeville", LocationType.SETTLEMENT, null, "UA", 49.5, null,
        ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED, 40, LocalDate.parse("2025-11-19"),
        DatePrecision.DAY, "said so", 3, 10, "en", 0.75);
    BigQueryTableSpec spec = BigQueryTableSpec.of("claims");
    TableRow row = TableRows.toTableRow(
        RecordSchemaProvider.toRow(Claim.class, claim), spec.tableSchema(), Map.of());
    assertEquals(40L, row.get("percent"));
    assertEquals(3L, row.get("evidence_start"));
    assertEquals("2025-11-19", row.get("event_date"));
    assertEquals("2025-11-20T08:00:00.250Z", row.get("published_at"));
    assertEquals(false, row.containsKey("admin1"));
    assertEquals(claim, TableRows.toClaim(row));

    // The same row as a BigQuery export gives it back: text timestamps, integers as text.
    TableRow exported = row.clone();
    exported.set("published_at", "2025-11-20 08:00:00.250000 UTC");
    exported.set("percent", "40");
    exported.set("evidence_start", "3");
    assertEquals(claim, TableRows.toClaim(exported));
  }

  @Test
  void mapsBecomeRepeatedKeyValueRecordsInKeyOrder() {
    LocationStatus s = new LocationStatus(Instant.parse("2025-11-17T00:00:00Z"),
        Instant.parse("2025-11-24T00:00:00Z"), "geonames:1", "Placeville", SourceKind.OUTLET,
        "Wire", 3, Map.of("UA", 0.25, "CONTESTED", 0.75, "RU", 0.0), "CONTESTED", null,
        Instant.parse("2025-11-18T00:00:00Z"), Instant.parse("2025-11-19T00:00:00Z"));
    TableRow row = TableRows.toTableRow(RecordSchemaProvider.toRow(LocationStatus.class, s),
        BigQueryTableSpec.of("location_status").tableSchema(), Map.of());
    assertEquals(List.of(
            new TableRow().set("status", "CONTESTED").set("share", 0.75),
            new TableRow().set("status", "RU").set("share", 0.0),
            new TableRow().set("status", "UA").set("share", 0.25)),
        row.get("status_shares"));
    assertEquals(3L, row.get("claims"));

    Divergence d = new Divergence(s.windowStart(), s.windowEnd(), "geonames:1", "Placeville",
        null, null, null, SourceKind.CLAIMANT_SIDE, 2, 5, 0.5, true, Map.of("UA", "UA", "RU", "RU"));
    TableRow drow = TableRows.toTableRow(RecordSchemaProvider.toRow(Divergence.class, d),
        BigQueryTableSpec.of("divergence").tableSchema(), Map.of());
    assertEquals(List.of(new TableRow().set("source", "RU").set("status", "RU"),
        new TableRow().set("source", "UA").set("status", "UA")), drow.get("views"));
    assertEquals(true, drow.get("disagreement"));
  }

  @Test
  void deadLetterRowsCarryTheRunDate() {
    Row r = RecordSchemaProvider.toRow(org.contested.model.DeadLetter.class,
        org.contested.model.DeadLetter.of("f.jsonl", 4, "bad", "{x"));
    TableRow row = TableRows.toTableRow(r, BigQueryTableSpec.of("dead_letter").tableSchema(),
        Map.of("run_date", "2025-11-20"));
    assertEquals("2025-11-20", row.get("run_date"));
    assertEquals(4L, row.get("position"));
  }
}
