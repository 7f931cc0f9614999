package org.contested.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.SchemaProvider;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Beam schemas for Java records. Beam 2.62's field and bean providers neither read record
 * components nor infer {@code java.time} types, so this provider maps each component to a
 * snake_case field: {@link LocalDate} to {@code SqlTypes.DATE}, {@link Instant} to {@code
 * SqlTypes.TIMESTAMP}, enums to their name, lists and string-keyed maps to arrays and maps.
 * Components annotated {@link Nullable} become nullable fields.
 */
public final class RecordSchemaProvider implements SchemaProvider {
  private static final long serialVersionUID = 1L;

  /** Marks a record component whose value may be absent. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target({
    java.lang.annotation.ElementType.RECORD_COMPONENT,
    java.lang.annotation.ElementType.PARAMETER,
    java.lang.annotation.ElementType.FIELD,
    java.lang.annotation.ElementType.METHOD
  })
  public @interface Nullable {}

  @Override
  public <T> Schema schemaFor(TypeDescriptor<T> typeDescriptor) {
    Class<?> raw = typeDescriptor.getRawType();
    if (!raw.isRecord()) {
      return null;
    }
    // One schema (one UUID) per class, and value-equal row functions below, so that every
    // SchemaCoder of a record type is equal: the FlinkRunner unions (Flatten) only equal coders.
    return shape(raw).schema();
  }

  /**
   * What converting one record class needs, looked up once: coders convert every element, and
   * reflecting on the class per element made encoding dominate the cost of grouping.
   */
  private record Shape(
      Schema schema, Method[] accessors, Type[] types, Constructor<?> constructor) {}

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private static Shape shape(Class<?> recordClass) {
    return SHAPES.computeIfAbsent(recordClass, RecordSchemaProvider::shapeOf);
  }

  private static Shape shapeOf(Class<?> recordClass) {
    RecordComponent[] components = recordClass.getRecordComponents();
    Method[] accessors = new Method[components.length];
    Type[] types = new Type[components.length];
    Class<?>[] raw = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      types[i] = components[i].getGenericType();
      raw[i] = components[i].getType();
    }
    try {
      Constructor<?> ctor = recordClass.getDeclaredConstructor(raw);
      ctor.setAccessible(true);
      return new Shape(schemaOf(recordClass), accessors, types, ctor);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record without canonical constructor: " + recordClass, e);
    }
  }

  /** toRow of one record class; a record, so two of them for the same class are equal. */
  private record ToRowFn<T>(Class<?> raw) implements SerializableFunction<T, Row> {
    @Override
    public Row apply(T value) {
      return toRow(raw, value);
    }
  }

  /** fromRow of one record class, equal by class like {@link ToRowFn}. */
  private record FromRowFn<T>(Class<?> raw) implements SerializableFunction<Row, T> {
    @Override
    @SuppressWarnings("unchecked")
    public T apply(Row row) {
      return (T) fromRow(raw, row);
    }
  }

  /** The schema of a record class. */
  public static Schema schemaOf(Class<?> recordClass) {
    Schema.Builder builder = Schema.builder();
    for (RecordComponent c : recordClass.getRecordComponents()) {
      FieldType type = fieldType(c.getGenericType());
      if (c.isAnnotationPresent(Nullable.class)) {
        type = type.withNullable(true);
      }
      builder.addField(Schema.Field.of(snakeCase(c.getName()), type));
    }
    return builder.build();
  }

  @Override
  public <T> SerializableFunction<T, Row> toRowFunction(TypeDescriptor<T> typeDescriptor) {
    return new ToRowFn<>(typeDescriptor.getRawType());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> SerializableFunction<Row, T> fromRowFunction(TypeDescriptor<T> typeDescriptor) {
    return new FromRowFn<>(typeDescriptor.getRawType());
  }

  /** Converts a record to a row of {@link #schemaOf}. */
  public static Row toRow(Class<?> recordClass, Object value) {
    Shape shape = shape(recordClass);
    List<Object> values = new ArrayList<>(shape.accessors().length);
    try {
      for (Method accessor : shape.accessors()) {
        values.add(toRowValue(accessor.invoke(value)));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read record " + recordClass.getName(), e);
    }
    // attachValues: the values are already in row form, and build() re-validates every field at a
    // cost larger than the conversion itself.
    return Row.withSchema(shape.schema()).attachValues(values);
  }

  /** Converts a row of {@link #schemaOf} back to the record. */
  public static Object fromRow(Class<?> recordClass, Row row) {
    Shape shape = shape(recordClass);
    Type[] types = shape.types();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = fromRowValue(types[i], row.getValue(i));
    }
    try {
      return shape.constructor().newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build record " + recordClass.getName(), e);
    }
  }

  static FieldType fieldType(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return FieldType.array(fieldType(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return FieldType.map(fieldType(args[0]), fieldType(args[1]));
      }
      throw new IllegalArgumentException("unsupported generic type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) return FieldType.STRING;
    if (c == Long.class || c == long.class) return FieldType.INT64;
    if (c == Integer.class || c == int.class) return FieldType.INT32;
    if (c == Double.class || c == double.class) return FieldType.DOUBLE;
    if (c == Boolean.class || c == boolean.class) return FieldType.BOOLEAN;
    if (c == LocalDate.class) return FieldType.logicalType(SqlTypes.DATE);
    if (c == Instant.class) return FieldType.logicalType(SqlTypes.TIMESTAMP);
    if (c.isEnum()) return FieldType.STRING;
    if (c.isRecord()) return FieldType.row(schemaOf(c));
    throw new IllegalArgumentException("unsupported type " + c);
  }

  private static Object toRowValue(Object v) {
    if (v == null) return null;
    if (v instanceof Enum<?> e) return e.name();
    if (v instanceof Record r) return toRow(r.getClass(), r);
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(toRowValue(o));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(toRowValue(k), toRowValue(x)));
      return out;
    }
    return v;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object fromRowValue(Type type, Object v) {
    if (v == null) return null;
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        List<Object> out = new ArrayList<>();
        for (Object o : (Iterable<?>) v) out.add(fromRowValue(args[0], o));
        return List.copyOf(out);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, x) -> out.put(fromRowValue(args[0], k), fromRowValue(args[1], x)));
      return java.util.Collections.unmodifiableMap(out);
    }
    Class<?> c = (Class<?>) type;
    if (c.isEnum()) return Enum.valueOf((Class<Enum>) c, (String) v);
    if (c.isRecord()) return fromRow(c, (Row) v);
    return v;
  }

  /** camelCase to snake_case: the table column names. */
  public static String snakeCase(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (char ch : name.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
