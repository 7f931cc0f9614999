package org.contested.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.contested.io.ColumnMapping.Field;
import org.contested.io.ColumnMapping.Ref;

/** Reads the canonical fields out of a JSON object through a {@link ColumnMapping}. */
final class JsonFields {
  static final ObjectMapper MAPPER = new ObjectMapper();

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

  /** A key's value as text; "a.b" also finds nested key b of a when there is no key "a.b". */
  private static String value(JsonNode object, Ref ref) {
    if (ref.isConstant()) {
      return ref.constant();
    }
    JsonNode node = object.get(ref.column());
    if (node == null && ref.column().contains(".")) {
      node = object.at("/" + ref.column().replace("~", "~0").replace("/", "~1").replace('.', '/'));
    }
    return asText(node);
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
