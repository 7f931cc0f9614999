package org.contested.io;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.contested.io.ColumnMapping.Field;
import org.contested.io.ColumnMapping.Ref;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One article per plain-text or Markdown file. Metadata comes from either
 *
 * <ul>
 *   <li>YAML front matter: a first line {@code ---}, YAML, a closing {@code ---} (or {@code ...});
 *   <li>or header lines at the top of the file: {@code Key: value} for the keys below, plus a
 *       {@code date 2025-11-20 ...} line (the word "date" or "published", no colon, then an ISO
 *       date; text after the date is a section label and is ignored). Header lines end at the
 *       first other line.
 * </ul>
 *
 * <p>Keys (case-insensitive; the first present wins): published_at from {@code published_at,
 * date, pubDate, published, date_published, publish_date}; title from {@code title, headline,
 * subject}, else a leading Markdown {@code # heading}; outlet from {@code outlet, publisher,
 * source, site, site_name, author}, else the URL's host, else "unknown"; url from {@code url,
 * link}; language from {@code language, lang}; id from {@code id}. A {@link ColumnMapping} can name
 * other keys or give constants. The text is the rest of the file. A file without a date is a dead
 * letter ({@link #NO_DATE}). Position is always 0.
 */
public final class TextFileParser {
  public static final String NO_DATE = "no publication date: no Date: header or front-matter date";

  private static final Map<Field, List<String>> DEFAULT_KEYS =
      Map.of(
          Field.ID, List.of("id"),
          Field.URL, List.of("url", "link"),
          Field.OUTLET, List.of("outlet", "publisher", "source", "site", "site_name", "author"),
          Field.PUBLISHED_AT,
              List.of("published_at", "date", "pubdate", "published", "date_published", "publish_date"),
          Field.TITLE, List.of("title", "headline", "subject"),
          Field.LANGUAGE, List.of("language", "lang"));

  private static final Pattern KEY_VALUE =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_ -]{0,40}?)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern BARE_DATE =
      Pattern.compile("^\\s*(date|published)\\s+(\\S.*?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern MD_HEADING = Pattern.compile("^#\\s+(.+?)\\s*#*\\s*$");

  private final ColumnMapping mapping;
  private final ArticleAssembler assembler;

  public TextFileParser(ColumnMapping mapping, LanguageGuesser languageGuesser) {
    if (mapping.positional()) {
      throw new IllegalArgumentException(
          "--columns uses $positions, which only make sense for CSV/TSV; name header keys instead");
    }
    this.mapping = mapping;
    this.assembler = new ArticleAssembler(languageGuesser, mapping.dateHint());
  }

  /** Turns the whole content of one file into an article or a dead letter. */
  public ParseResult parse(String content, String source) {
    String c = content.startsWith("\uFEFF") ? content.substring(1) : content;
    c = c.replace("\r\n", "\n").replace('\r', '\n');
    String[] lines = c.split("\n", -1);
    Map<String, String> meta = new HashMap<>();
    int bodyStart;
    if (lines.length > 0 && lines[0].strip().equals("---")) {
      int end = 1;
      while (end < lines.length && !lines[end].strip().equals("---") && !lines[end].strip().equals("...")) {
        end++;
      }
      if (end == lines.length) {
        return ParseResult.dead(source, 0, "malformed front matter: no closing '---' line", content);
      }
      String yaml = String.join("\n", Arrays.asList(lines).subList(1, end));
      Optional<String> error = readFrontMatter(yaml, meta);
      if (error.isPresent()) {
        return ParseResult.dead(source, 0, "malformed front matter: " + error.get(), content);
      }
      bodyStart = end + 1;
    } else {
      bodyStart = readHeaderLines(lines, meta);
    }
    String title = null;
    int firstContent = skipBlank(lines, bodyStart);
    if (firstContent < lines.length && find(meta, Field.TITLE) == null) {
      Matcher h = MD_HEADING.matcher(lines[firstContent]);
      if (h.matches()) {
        title = h.group(1);
        firstContent++;
      }
    }
    String text = String.join("\n", Arrays.asList(lines).subList(Math.min(firstContent, lines.length), lines.length));
    RawFields f =
        new RawFields(
            find(meta, Field.ID),
            find(meta, Field.URL),
            find(meta, Field.OUTLET),
            find(meta, Field.PUBLISHED_AT),
            title != null ? title : find(meta, Field.TITLE),
            text,
            find(meta, Field.LANGUAGE));
    return assembler.assemble(f, source, 0, content, NO_DATE);
  }

  private static int skipBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    return i;
  }

  /** Reads header lines into {@code meta}; returns the index of the first body line. */
  private int readHeaderLines(String[] lines, Map<String, String> meta) {
    int i = skipBlank(lines, 0);
    for (; i < lines.length; i++) {
      Matcher kv = KEY_VALUE.matcher(lines[i]);
      if (kv.matches() && isHeaderKey(normalizeKey(kv.group(1))) && !kv.group(2).isEmpty()) {
        meta.putIfAbsent(normalizeKey(kv.group(1)), kv.group(2));
        continue;
      }
      Matcher bare = BARE_DATE.matcher(lines[i]);
      if (bare.matches() && PublishedAt.leadingIso(bare.group(2)).isPresent()) {
        meta.putIfAbsent(normalizeKey(bare.group(1)), bare.group(2));
        continue;
      }
      break;
    }
    return i;
  }

  private boolean isHeaderKey(String key) {
    for (List<String> keys : DEFAULT_KEYS.values()) {
      if (keys.contains(key)) {
        return true;
      }
    }
    for (Ref ref : mapping.explicitRefs().values()) {
      if (!ref.isConstant() && normalizeKey(ref.column()).equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String normalizeKey(String key) {
    return key.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  /** Parses YAML front matter into {@code meta}; returns an error message if it is not YAML. */
  private static Optional<String> readFrontMatter(String yaml, Map<String, String> meta) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      String msg = String.valueOf(e.getMessage()).strip();
      int nl = msg.indexOf('\n');
      return Optional.of(nl > 0 ? msg.substring(0, nl) : msg);
    }
    if (doc == null) {
      return Optional.empty();
    }
    if (!(doc instanceof Map<?, ?> map)) {
      return Optional.of("expected key: value pairs, got " + doc.getClass().getSimpleName());
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      String value;
      if (v instanceof Date d) {
        // SnakeYAML reads unquoted YAML timestamps as java.util.Date in UTC.
        value = d.toInstant().toString();
      } else if (v instanceof Map<?, ?> || v instanceof List<?> || v == null) {
        continue;
      } else {
        value = v.toString();
      }
      meta.putIfAbsent(normalizeKey(String.valueOf(e.getKey())), value);
    }
    return Optional.empty();
  }

  /** The value for {@code field}: the mapped key or constant, else the first default key present. */
  private String find(Map<String, String> meta, Field field) {
    Ref ref = mapping.explicitRefs().get(field);
    String value;
    if (ref != null) {
      value = ref.isConstant() ? ref.constant() : meta.get(normalizeKey(ref.column()));
    } else {
      value = null;
      for (String key : DEFAULT_KEYS.getOrDefault(field, List.of())) {
        value = meta.get(key);
        if (value != null) {
          break;
        }
      }
    }
    if (field == Field.PUBLISHED_AT && value != null
        && PublishedAt.parse(value, mapping.dateHint()).isEmpty()) {
      // "2025-11-20 WORLD": keep the date, drop the section label after it.
      value = PublishedAt.leadingIso(value).orElse(value);
    }
    return value;
  }
}
