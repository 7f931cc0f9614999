package org.contested.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each canonical article field comes from in a CSV/TSV row, a JSON object or a text file's
 * headers, parsed from the {@code --columns} option.
 *
 * <p>Syntax: comma-separated {@code field=ref} entries, where field is one of {@code id, url,
 * outlet, published_at, title, text, language} and ref is
 *
 * <ul>
 *   <li>a column or key name ({@code title=headline}); double-quote it if it contains a comma or
 *       colon ({@code id="Unnamed: 0"});
 *   <li>a 1-based column position for files without a header row ({@code title=$2}); a mapping
 *       that uses positions must use them for every non-constant field;
 *   <li>a constant in single quotes ({@code outlet='President of Ukraine'}, {@code ''} inside is a
 *       quote).
 * </ul>
 *
 * <p>{@code published_at} may carry a date pattern after a colon when dates are not ISO-8601:
 * {@code published_at=Date:MM/dd/yyyy} (java.time pattern; double-quote it if it contains a
 * comma), or {@code epoch_s} / {@code epoch_ms}. Fields left unmapped are looked up under their
 * canonical name, if the input has one.
 */
public final class ColumnMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The canonical article fields. */
  public enum Field {
    ID,
    URL,
    OUTLET,
    PUBLISHED_AT,
    TITLE,
    TEXT,
    LANGUAGE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Field fromKey(String key) {
      for (Field f : values()) {
        if (f.key().equals(key)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "unknown field '"
              + key
              + "' in --columns; expected one of "
              + Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", ")));
    }
  }

  /**
   * The source of one field: exactly one of a column name, a 1-based position or a constant.
   * {@code explicit} is false for the implicit canonical-name lookups of unmapped fields.
   */
  public record Ref(String column, int position, String constant, boolean explicit)
      implements Serializable {
    public boolean isConstant() {
      return constant != null;
    }

    public boolean isPositional() {
      return position > 0;
    }

    @Override
    public String toString() {
      if (isConstant()) {
        return "'" + constant.replace("'", "''") + "'";
      }
      return isPositional() ? "$" + position : column;
    }
  }

  private final EnumMap<Field, Ref> refs;
  private final String dateHint;
  private final boolean positional;

  private ColumnMapping(EnumMap<Field, Ref> refs, String dateHint) {
    this.refs = refs;
    this.dateHint = dateHint;
    this.positional = refs.values().stream().anyMatch(Ref::isPositional);
    if (positional
        && refs.values().stream().anyMatch(r -> !r.isConstant() && !r.isPositional())) {
      throw new IllegalArgumentException(
          "--columns mixes column names and $positions; use positions for every column of a"
              + " file without a header row");
    }
  }

  /** The mapping where every field is read under its canonical name. */
  public static ColumnMapping canonical() {
    return new ColumnMapping(new EnumMap<>(Field.class), null);
  }

  /** Parses a {@code --columns} value; null or blank gives {@link #canonical()}. */
  public static ColumnMapping parse(String spec) {
    EnumMap<Field, Ref> refs = new EnumMap<>(Field.class);
    String hint = null;
    if (spec == null || spec.isBlank()) {
      return canonical();
    }
    for (String entry : splitOutsideQuotes(spec, ',')) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "bad --columns entry '" + entry.trim() + "': expected field=column");
      }
      Field field = Field.fromKey(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT));
      String value = entry.substring(eq + 1).trim();
      if (value.isEmpty()) {
        throw new IllegalArgumentException("bad --columns entry '" + entry.trim() + "': no column");
      }
      if (refs.containsKey(field)) {
        throw new IllegalArgumentException("--columns maps '" + field.key() + "' twice");
      }
      if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
        refs.put(field, new Ref(null, 0, value.substring(1, value.length() - 1).replace("''", "'"), true));
        continue;
      }
      String name = value;
      if (field == Field.PUBLISHED_AT) {
        List<String> parts = splitOutsideQuotes(value, ':');
        if (parts.size() > 1) {
          name = parts.get(0).trim();
          hint = unquote(value.substring(parts.get(0).length() + 1).trim());
          if (hint.isEmpty()) {
            throw new IllegalArgumentException("empty date pattern in --columns entry '" + entry.trim() + "'");
          }
        }
      }
      refs.put(field, nameRef(unquote(name), entry));
    }
    return new ColumnMapping(refs, hint);
  }

  private static Ref nameRef(String name, String entry) {
    if (isPosition(name)) {
      int position = Integer.parseInt(name.substring(1));
      if (position < 1) {
        throw new IllegalArgumentException("column positions start at $1: '" + entry.trim() + "'");
      }
      return new Ref(null, position, null, true);
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("bad --columns entry '" + entry.trim() + "': no column");
    }
    return new Ref(name, 0, null, true);
  }

  /** "$" followed by one or more ASCII digits. */
  private static boolean isPosition(String name) {
    if (name.length() < 2 || name.length() > 10 || name.charAt(0) != '$') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** Splits on {@code sep} where it is not inside single or double quotes. */
  private static List<String> splitOutsideQuotes(String s, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (quote == 0 && c == sep) {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote in --columns '" + s + "'");
    }
    out.add(cur.toString());
    return out;
  }

  /**
   * Where {@code field} comes from: the mapped ref, else (for named inputs) an implicit lookup of
   * the canonical name, else null (a header-less mapping that leaves the field unmapped).
   */
  public Ref ref(Field field) {
    Ref r = refs.get(field);
    if (r != null) {
      return r;
    }
    return positional ? null : new Ref(field.key(), 0, null, false);
  }

  /** True when the mapping addresses columns by position, i.e. the file has no header row. */
  public boolean positional() {
    return positional;
  }

  /** True when at least one field is mapped explicitly. */
  public boolean isExplicit() {
    return !refs.isEmpty();
  }

  /** The date pattern for published_at, or null for ISO-8601. */
  public String dateHint() {
    return dateHint;
  }

  /** Explicitly mapped fields and their refs, in field order. */
  public Map<Field, Ref> explicitRefs() {
    return new EnumMap<>(refs);
  }

  @Override
  public String toString() {
    return refs.entrySet().stream()
        .map(e -> e.getKey().key() + "=" + e.getValue()
            + (e.getKey() == Field.PUBLISHED_AT && dateHint != null ? ":" + dateHint : ""))
        .collect(Collectors.joining(","));
  }
}
