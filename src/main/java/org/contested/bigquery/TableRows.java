package org.contested.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/**
 * Model rows to BigQuery {@link TableRow}s and back, driven by the table schema: integers as
 * {@code Long}, dates as {@code YYYY-MM-DD}, times as ISO-8601 UTC strings, string-keyed maps as
 * repeated records of (key, value) in key order.
 */
public final class TableRows {
  /** BigQuery's own text form of a TIMESTAMP (less " UTC"), as exports give it. */
  private static final DateTimeFormatter BQ_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

  private TableRows() {}

  /**
   * The table row of a model {@link Row} whose field names are the schema's columns. Columns the
   * row lacks (the table's extra columns) are taken from {@code extras}.
   */
  public static TableRow toTableRow(Row row, TableSchema schema, Map<String, Object> extras) {
    TableRow out = new TableRow();
    for (TableFieldSchema f : schema.getFields()) {
      Object v =
          row.getSchema().hasField(f.getName()) ? row.getValue(f.getName()) : extras.get(f.getName());
      if (v != null) {
        out.set(f.getName(), toBigQuery(f, v));
      }
    }
    return out;
  }

  private static Object toBigQuery(TableFieldSchema f, Object v) {
    if ("REPEATED".equals(f.getMode()) && v instanceof Map<?, ?> map) {
      // A map becomes a repeated (key, value) record: the first field is the key.
      List<TableFieldSchema> kv = f.getFields();
      List<TableRow> entries = new ArrayList<>();
      new TreeMap<>(stringKeys(map))
          .forEach(
              (k, x) ->
                  entries.add(
                      new TableRow()
                          .set(kv.get(0).getName(), k)
                          .set(kv.get(1).getName(), toBigQuery(kv.get(1), x))));
      return entries;
    }
    return switch (f.getType()) {
      case "INTEGER", "INT64" -> ((Number) v).longValue();
      case "FLOAT", "FLOAT64" -> ((Number) v).doubleValue();
      case "BOOLEAN", "BOOL" -> v;
      case "TIMESTAMP" -> instant(v).toString();
      case "DATE" -> v.toString();
      default -> v instanceof Enum<?> e ? e.name() : v.toString();
    };
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  private static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof org.joda.time.ReadableInstant j) {
      return Instant.ofEpochMilli(j.getMillis());
    }
    throw new IllegalArgumentException("not a timestamp: " + v);
  }

  /** A claim read back from the {@code claims} table (any of BigQuery's export encodings). */
  public static Claim toClaim(Map<String, Object> r) {
    return new Claim(
        str(r, "claim_id"),
        str(r, "article_id"),
        str(r, "outlet"),
        timestamp(r.get("published_at")),
        str(r, "claimant"),
        str(r, "claimant_side"),
        str(r, "location_id"),
        str(r, "location_name"),
        LocationType.valueOf(str(r, "location_type")),
        str(r, "admin1"),
        str(r, "country_code"),
        dbl(r.get("latitude")),
        dbl(r.get("longitude")),
        ClaimType.valueOf(str(r, "claim_type")),
        str(r, "controller"),
        Polarity.valueOf(str(r, "polarity")),
        r.get("percent") == null ? null : Math.toIntExact(lng(r.get("percent"))),
        LocalDate.parse(str(r, "event_date")),
        DatePrecision.valueOf(str(r, "date_precision")),
        str(r, "evidence"),
        Math.toIntExact(lng(r.get("evidence_start"))),
        Math.toIntExact(lng(r.get("evidence_end"))),
        str(r, "language"),
        dbl(r.get("confidence")));
  }

  private static String str(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? null : v.toString();
  }

  private static Double dbl(Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
  }

  private static long lng(Object v) {
    return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
  }

  /**
   * A TIMESTAMP value as BigQuery hands it back: ISO-8601 text, {@code yyyy-MM-dd HH:mm:ss[.f]
   * UTC} text, or a number of seconds (JSON) or microseconds (Avro) since the epoch.
   */
  public static Instant timestamp(Object v) {
    if (v instanceof Number n) {
      return fromNumber(new java.math.BigDecimal(n.toString()));
    }
    String s = v.toString().trim();
    if (s.length() > 10 && s.charAt(10) == 'T') {
      return Instant.parse(s);
    }
    if (s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return fromNumber(new java.math.BigDecimal(s));
    }
    String local = s.endsWith(" UTC") ? s.substring(0, s.length() - 4) : s;
    return LocalDateTime.parse(local, BQ_TIMESTAMP).toInstant(ZoneOffset.UTC);
  }

  /** Seconds (JSON, possibly fractional) or, past 1e12 (year 33658 in seconds), microseconds. */
  private static Instant fromNumber(java.math.BigDecimal n) {
    java.math.BigDecimal micros =
        n.abs().compareTo(java.math.BigDecimal.valueOf(1_000_000_000_000L)) > 0
            ? n
            : n.movePointRight(6);
    long m = micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    return Instant.EPOCH.plus(m, java.time.temporal.ChronoUnit.MICROS);
  }
}
