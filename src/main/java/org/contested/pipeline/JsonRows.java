package org.contested.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * A Beam {@link Row} as one line of JSON: fields in schema order under their schema names,
 * instants as ISO-8601 UTC strings, dates as YYYY-MM-DD, maps as objects with sorted keys, nulls
 * (and non-finite doubles) as null.
 */
public final class JsonRows {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonRows() {}

  public static String toJson(Row row) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      writeRow(g, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void writeRow(JsonGenerator g, Row row) throws IOException {
    Schema schema = row.getSchema();
    g.writeStartObject();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Schema.Field f = schema.getField(i);
      g.writeFieldName(f.getName());
      writeValue(g, f.getType(), row.getValue(i));
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, FieldType type, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (type.getTypeName()) {
      case ROW -> writeRow(g, (Row) v);
      case ARRAY, ITERABLE -> {
        g.writeStartArray();
        for (Object x : (Iterable<?>) v) {
          writeValue(g, type.getCollectionElementType(), x);
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStartObject();
        Map<String, Object> sorted = new TreeMap<>();
        ((Map<?, ?>) v).forEach((k, x) -> sorted.put(String.valueOf(k), x));
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
          g.writeFieldName(e.getKey());
          writeValue(g, type.getMapValueType(), e.getValue());
        }
        g.writeEndObject();
      }
      case LOGICAL_TYPE -> writeScalar(g, logicalValue(type, v));
      default -> writeScalar(g, v);
    }
  }

  /** Rows built from records hold the java.time value already; others may hold the base value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object logicalValue(FieldType type, Object v) {
    if (v instanceof Instant || v instanceof LocalDate) {
      return v;
    }
    Schema.LogicalType lt = type.getLogicalType();
    try {
      return lt.toInputType(v);
    } catch (ClassCastException e) {
      return v;
    }
  }

  private static void writeScalar(JsonGenerator g, Object v) throws IOException {
    if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        g.writeNull();
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof Float f) {
      writeScalar(g, f.doubleValue());
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Short n) {
      g.writeNumber(n);
    } else if (v instanceof Byte n) {
      g.writeNumber(n);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Instant t) {
      g.writeString(t.toString());
    } else if (v instanceof LocalDate d) {
      g.writeString(d.toString());
    } else if (v instanceof ReadableInstant t) {
      g.writeString(Instant.ofEpochMilli(t.getMillis()).toString());
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      g.writeString(v.toString());
    }
  }
}
