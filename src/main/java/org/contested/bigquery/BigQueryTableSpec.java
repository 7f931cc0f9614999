package org.contested.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One BigQuery output table as declared in {@code pipelines/bigquery/tables.json} (shipped in the
 * jar as {@code bigquery/tables.json}): its versioned schema file, the column it is partitioned
 * on (by day) and its clustering columns. The schema files use the {@code bq} JSON format, so
 * the same files work with {@code bq mk --schema}.
 */
public record BigQueryTableSpec(
    String name,
    String schemaFile,
    String recordClass,
    String partitionField,
    List<String> clustering,
    List<String> extraColumns,
    String schemaJson)
    implements Serializable {

  public static final String CLAIMS = "claims";
  public static final String LOCATION_STATUS = "location_status";
  public static final String DIVERGENCE = "divergence";
  public static final String DEAD_LETTER = "dead_letter";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "bigquery/";

  /** Every table, by name, in the order of tables.json. */
  public static Map<String, BigQueryTableSpec> all() {
    JsonNode root = readJson(ROOT + "tables.json");
    Map<String, BigQueryTableSpec> out = new LinkedHashMap<>();
    for (JsonNode t : root.get("tables")) {
      String schemaFile = t.get("schema").asText();
      out.put(
          t.get("name").asText(),
          new BigQueryTableSpec(
              t.get("name").asText(),
              schemaFile,
              t.get("record").asText(),
              t.get("partition_field").asText(),
              strings(t.get("clustering")),
              strings(t.get("extra_columns")),
              readJson(ROOT + schemaFile).toString()));
    }
    return out;
  }

  /** The table of that name. */
  public static BigQueryTableSpec of(String name) {
    BigQueryTableSpec spec = all().get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no BigQuery table " + name + " in tables.json");
    }
    return spec;
  }

  /** The schema as BigQuery's API model. */
  public TableSchema tableSchema() {
    try {
      return new TableSchema().setFields(fields(JSON.readTree(schemaJson)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Day partitioning on {@link #partitionField}. */
  public TimePartitioning timePartitioning() {
    return new TimePartitioning().setType("DAY").setField(partitionField);
  }

  /** Clustering, or null for an unclustered table. */
  public Clustering clusteringOrNull() {
    return clustering.isEmpty() ? null : new Clustering().setFields(new ArrayList<>(clustering));
  }

  private static List<TableFieldSchema> fields(JsonNode array) {
    List<TableFieldSchema> out = new ArrayList<>();
    for (JsonNode f : array) {
      TableFieldSchema field =
          new TableFieldSchema()
              .setName(f.get("name").asText())
              .setType(f.get("type").asText())
              .setMode(f.path("mode").asText("NULLABLE"));
      if (f.has("description")) {
        field.setDescription(f.get("description").asText());
      }
      if (f.has("fields")) {
        field.setFields(fields(f.get("fields")));
      }
      out.add(field);
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return List.copyOf(out);
  }

  private static JsonNode readJson(String resource) {
    try (InputStream in = BigQueryTableSpec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (pipelines/bigquery)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
