package org.contested.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.contested.io.ColumnMapping.Field;
import org.contested.io.ColumnMapping.Ref;

/**
 * CSV (RFC 4180: quoted fields may hold commas, quotes and newlines) and TSV (one record per line,
 * tab-separated, no quoting: quotes are ordinary characters, as in most TSV exports). The first
 * record is the header unless the {@link ColumnMapping} addresses columns by {@code $position}.
 * Position = 1-based line number where the record starts (the header is line 1); blank lines are
 * not records.
 */
public final class DelimitedParser {
  /** The two delimited dialects. */
  public enum Dialect {
    CSV(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build()),
    TSV(
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter('\t')
            .setQuote(null)
            .setIgnoreEmptyLines(false)
            .build());

    private final CSVFormat format;

    Dialect(CSVFormat format) {
      this.format = format;
    }
  }

  /** The mapping resolved against one file's header: a column index or constant per field. */
  public static final class Columns {
    private final int[] index = new int[Field.values().length];
    private final String[] constant = new String[Field.values().length];
    private final int width;

    private Columns(int width) {
      this.width = width;
      Arrays.fill(index, -1);
    }

    private boolean resolved(Field f) {
      return index[f.ordinal()] >= 0 || constant[f.ordinal()] != null;
    }

    private String get(Field f, List<String> values) {
      if (constant[f.ordinal()] != null) {
        return constant[f.ordinal()];
      }
      int i = index[f.ordinal()];
      return i >= 0 && i < values.size() ? values.get(i) : null;
    }
  }

  private final Dialect dialect;
  private final ColumnMapping mapping;
  private final ArticleAssembler assembler;

  public DelimitedParser(Dialect dialect, ColumnMapping mapping, LanguageGuesser languageGuesser) {
    this.dialect = dialect;
    this.mapping = mapping;
    this.assembler = new ArticleAssembler(languageGuesser, mapping.dateHint());
  }

  /** True when files have a header row (the mapping does not use positions). */
  public boolean hasHeader() {
    return !mapping.positional();
  }

  /**
   * Resolves the mapping against a header row (null for header-less files).
   *
   * @throws IllegalArgumentException when an explicitly mapped column is not in the header, or the
   *     file has no column for published_at or for both text and title: every row would fail.
   */
  public Columns bind(List<String> header, String source) {
    Columns cols = new Columns(header == null ? -1 : header.size());
    for (Field f : Field.values()) {
      Ref ref = mapping.ref(f);
      if (ref == null) {
        continue;
      }
      if (ref.isConstant()) {
        cols.constant[f.ordinal()] = ref.constant();
      } else if (ref.isPositional()) {
        cols.index[f.ordinal()] = ref.position() - 1;
      } else {
        int i = find(header, ref.column());
        if (i < 0 && ref.explicit()) {
          throw new IllegalArgumentException(
              "column '" + ref.column() + "' (for " + f.key() + ") is not in the header of "
                  + source + ": " + header);
        }
        cols.index[f.ordinal()] = i;
      }
    }
    if (!cols.resolved(Field.PUBLISHED_AT)
        || !(cols.resolved(Field.TEXT) || cols.resolved(Field.TITLE))) {
      throw new IllegalArgumentException(
          "cannot read articles from " + source + ": it has no column for "
              + (cols.resolved(Field.PUBLISHED_AT) ? "text or title" : "published_at")
              + (header == null ? " (no header row)" : " (header " + header + ")")
              + "; map columns with --columns, e.g."
              + " 'published_at=date,title=headline,text=body'");
    }
    return cols;
  }

  private static int find(List<String> header, String name) {
    if (header == null) {
      return -1;
    }
    int i = header.indexOf(name);
    if (i >= 0) {
      return i;
    }
    for (int j = 0; j < header.size(); j++) {
      if (header.get(j).strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
        return j;
      }
    }
    return -1;
  }

  /** Turns one row into an article or a dead letter. */
  public ParseResult parseRow(Columns cols, List<String> values, String source, long position) {
    String payload = dialect.format.format(values.toArray());
    if (cols.width >= 0 && values.size() != cols.width) {
      return ParseResult.dead(
          source,
          position,
          Reasons.of(
              Reasons.RAGGED_ROW,
              "row has " + values.size() + " fields, the header has " + cols.width),
          payload);
    }
    RawFields f =
        new RawFields(
            cols.get(Field.ID, values),
            cols.get(Field.URL, values),
            cols.get(Field.OUTLET, values),
            cols.get(Field.PUBLISHED_AT, values),
            cols.get(Field.TITLE, values),
            cols.get(Field.TEXT, values),
            cols.get(Field.LANGUAGE, values));
    return assembler.assemble(f, source, position, payload);
  }

  /**
   * Streams the records of {@code reader}, one result per record after the header. Malformed CSV
   * (e.g. an unterminated quote) cannot be resynchronised, so it ends the file with one dead
   * letter at the line where the bad record starts.
   */
  public void readAll(Reader reader, String source, Consumer<ParseResult> out) throws IOException {
    DecodedLinesReader decoded = reader instanceof DecodedLinesReader d ? d : null;
    try (CSVParser parser = dialect.format.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      Columns cols = null;
      String headerProblem = null;
      if (!hasHeader()) {
        cols = bind(null, source);
      }
      boolean headerSeen = !hasHeader();
      while (true) {
        // Read before hasNext(), which parses the next record: no blank lines are skipped
        // inside the parser, so the next record starts on the following line.
        long start = parser.getCurrentLineNumber() + 1;
        List<String> values;
        try {
          if (!it.hasNext()) {
            break;
          }
          values = new ArrayList<>(it.next().toList());
        } catch (UncheckedIOException e) {
          out.accept(
              ParseResult.dead(
                  source,
                  start,
                  "malformed " + dialect.name() + ": " + e.getCause().getMessage(),
                  ""));
          return;
        }
        long end = Math.max(start, parser.getCurrentLineNumber());
        if (values.size() == 1 && values.get(0).isBlank()) {
          continue;
        }
        if (!headerSeen) {
          headerSeen = true;
          if (!values.isEmpty() && values.get(0).startsWith("\uFEFF")) {
            values.set(0, values.get(0).substring(1));
          }
          try {
            cols = bind(values, source);
          } catch (IllegalArgumentException e) {
            // Every row of this file would fail the same way: each becomes a dead letter.
            headerProblem = Reasons.of(Reasons.UNUSABLE_HEADER, e.getMessage());
          }
          continue;
        }
        String lineProblem = decoded == null ? null : decoded.problem(start, end);
        if (headerProblem != null || lineProblem != null) {
          out.accept(
              ParseResult.dead(
                  source,
                  start,
                  headerProblem != null ? headerProblem : lineProblem,
                  dialect.format.format(values.toArray())));
          continue;
        }
        out.accept(parseRow(cols, values, source, start));
      }
    }
  }

  /** Reads raw bytes, decoding line by line ({@link TextDecoding}). */
  public void readAll(InputStream in, String source, Consumer<ParseResult> out)
      throws IOException {
    readAll(new DecodedLinesReader(in), source, out);
  }
}
