package org.contested.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The canonical JSONL format: one JSON object per line with {@code id, url, outlet, published_at,
 * title, text, language} ({@code id}, {@code url}, {@code language} optional; other keys ignored),
 * or the keys named by a {@link ColumnMapping}. Position = 1-based line number; blank lines are not
 * records. Lines end with LF, CRLF or a lone CR; each line is decoded on its own ({@link
 * TextDecoding}), so a file mixing UTF-8 and Windows-1251 lines is read line by line.
 */
public final class JsonLinesParser {
  private final ColumnMapping mapping;
  private final ArticleAssembler assembler;

  public JsonLinesParser(ColumnMapping mapping, LanguageGuesser languageGuesser) {
    JsonFields.checkMapping(mapping);
    this.mapping = mapping;
    this.assembler = new ArticleAssembler(languageGuesser, mapping.dateHint());
  }

  /** Parses one line; returns null for a blank line, which is not a record. */
  public ParseResult parseLine(String line, String source, long lineNumber) {
    return parseLine(line, source, lineNumber, true);
  }

  private ParseResult parseLine(String line, String source, long lineNumber, boolean terminated) {
    String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
    if (l.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JsonFields.MAPPER.readTree(l);
    } catch (JsonProcessingException e) {
      String reason =
          terminated
              ? "malformed JSON: " + e.getOriginalMessage()
              : "malformed JSON: truncated last line (no line end): " + e.getOriginalMessage();
      return ParseResult.dead(source, lineNumber, reason, line);
    }
    if (node == null || !node.isObject()) {
      return ParseResult.dead(
          source,
          lineNumber,
          "not a JSON object: " + (node == null ? "empty" : JsonFields.kind(node)),
          line);
    }
    String typeProblem = JsonFields.typeProblem(node, mapping);
    if (typeProblem != null) {
      return ParseResult.dead(source, lineNumber, typeProblem, line);
    }
    return assembler.assemble(JsonFields.of(node, mapping), source, lineNumber, line);
  }

  /** Streams every line of {@code reader} and emits one result per non-blank line. */
  public void readAll(BufferedReader reader, String source, Consumer<ParseResult> out)
      throws IOException {
    long lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      ParseResult r = parseLine(line, source, lineNumber);
      if (r != null) {
        out.accept(r);
      }
    }
  }

  /**
   * Streams the lines of raw bytes: a line over {@link InputLimits#MAX_RECORD_BYTES} or one that is
   * neither UTF-8 nor Windows-1251 text is a dead letter; a malformed last line without a line end
   * is reported as truncated.
   */
  public void readAll(InputStream in, String source, Consumer<ParseResult> out)
      throws IOException {
    ByteLines lines = new ByteLines(in, InputLimits.MAX_RECORD_BYTES);
    for (ByteLines.Line line = lines.next(); line != null; line = lines.next()) {
      ParseResult r = parse(line, source);
      if (r != null) {
        out.accept(r);
      }
    }
  }

  /**
   * True when {@code line} is not a record: {@link #parse} gives null for it. Cheap for the usual
   * ASCII lines, so that a reader can count records without parsing them.
   */
  static boolean isBlank(ByteLines.Line line) {
    if (line.truncated()) {
      return false;
    }
    byte[] b = line.bytes();
    boolean bom = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    boolean ascii = true;
    for (int i = bom ? 3 : 0; i < b.length; i++) {
      if (b[i] < 0) {
        ascii = false;
      } else if (!Character.isWhitespace(b[i])) {
        return false;
      }
    }
    if (ascii) {
      return true;
    }
    TextDecoding.Decoded d = TextDecoding.decode(b);
    String text = d.valid() && d.text().startsWith("\uFEFF") ? d.text().substring(1) : d.text();
    return text.isBlank();
  }

  /** One line of raw bytes as a result, or null when it is blank ({@link #isBlank}). */
  ParseResult parse(ByteLines.Line line, String source) {
    if (line.truncated()) {
      return ParseResult.dead(
          source,
          line.number(),
          Reasons.of(
              Reasons.TOO_LARGE,
              "line of " + line.length() + " bytes, the limit is " + InputLimits.MAX_RECORD_BYTES),
          TextDecoding.decode(line.bytes(), 0, Math.min(line.bytes().length, 4 * DeadLetterPayload.MAX))
              .text());
    }
    TextDecoding.Decoded d = TextDecoding.decode(line.bytes());
    if (!d.valid()) {
      if (d.text().isBlank()) {
        return null;
      }
      return ParseResult.dead(
          source,
          line.number(),
          Reasons.of(Reasons.INVALID_UTF8, "byte " + d.badOffset() + " of the line is not UTF-8"),
          d.text());
    }
    return parseLine(d.text(), source, line.number(), line.terminated());
  }
}
