package org.contested.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import org.contested.io.ColumnMapping.Field;
import org.contested.io.ColumnMapping.Ref;

/** Reads the canonical fields out of a JSON object through a {@link ColumnMapping}. */
final class JsonFields {
  // Raw tabs and other control characters inside strings are a common exporter slip; they are
  // accepted here and removed from the fields later (TextCleaner).
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

  private JsonFields() {}

  static void checkMapping(ColumnMapping mapping) {
    if (mapping.positional()) {
      throw new IllegalArgumentException(
          "--columns uses $positions, which only make sense for CSV/TSV; name JSON keys instead");
    }
  }

  static RawFields of(JsonNode object, ColumnMapping mapping) {
    return new RawFields(
        value(object, mapping.ref(Field.ID)),
        value(object, mapping.ref(Field.URL)),
        value(object, mapping.ref(Field.OUTLET)),
        value(object, mapping.ref(Field.PUBLISHED_AT)),
        value(object, mapping.ref(Field.TITLE)),
        value(object, mapping.ref(Field.TEXT)),
        value(object, mapping.ref(Field.LANGUAGE)));
  }

  /**
   * Why the object's fields cannot be read, or null when they can: text and title must be strings
   * or lists of text runs, id and published_at strings or numbers (a number is epoch seconds or
   * milliseconds), url, outlet and language strings. Null and absent values are fine here.
   */
  static String typeProblem(JsonNode object, ColumnMapping mapping) {
    for (Field f : Field.values()) {
      JsonNode node = node(object, mapping.ref(f));
      if (node == null || node.isNull() || node.isMissingNode() || node.isTextual()) {
        continue;
      }
      boolean ok =
          switch (f) {
            case TEXT, TITLE -> node.isArray() && isTextRuns(node);
            case ID, PUBLISHED_AT -> node.isIntegralNumber();
            default -> false;
          };
      if (!ok) {
        return Reasons.of(Reasons.WRONG_TYPE, f.key() + " is " + article(kind(node)));
      }
    }
    return null;
  }

  private static boolean isTextRuns(JsonNode array) {
    for (JsonNode part : array) {
      if (!part.isTextual() && !(part.isObject() && part.path("text").isTextual())) {
        return false;
      }
    }
    return true;
  }

  private static String article(String kind) {
    return (kind.startsWith("a") || kind.startsWith("o") ? "an " : "a ") + kind;
  }

  /** A key's value as text; "a.b" also finds nested key b of a when there is no key "a.b". */
  private static String value(JsonNode object, Ref ref) {
    if (ref.isConstant()) {
      return ref.constant();
    }
    return asText(node(object, ref));
  }

  private static JsonNode node(JsonNode object, Ref ref) {
    if (ref == null || ref.isConstant()) {
      return null;
    }
    JsonNode node = object.get(ref.column());
    if (node == null && ref.column().contains(".")) {
      node = object.at("/" + ref.column().replace("~", "~0").replace("/", "~1").replace('.', '/'));
    }
    return node;
  }

  private static String asText(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    if (node.isArray()) {
      // Telegram Desktop exports store formatted text as a list of strings and {"text": ...} runs.
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : node) {
        if (part.isTextual()) {
          sb.append(part.asText());
        } else if (part.has("text")) {
          sb.append(part.get("text").asText());
        }
      }
      return sb.toString();
    }
    return node.toString();
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
