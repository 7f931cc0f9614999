package org.contested.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The canonical JSONL format: one JSON object per line with {@code id, url, outlet, published_at,
 * title, text, language} ({@code id}, {@code url}, {@code language} optional; other keys ignored),
 * or the keys named by a {@link ColumnMapping}. Position = 1-based line number; blank lines are not
 * records.
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
    String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
    if (l.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JsonFields.MAPPER.readTree(l);
    } catch (JsonProcessingException e) {
      return ParseResult.dead(source, lineNumber, "malformed JSON: " + e.getOriginalMessage(), line);
    }
    if (node == null || !node.isObject()) {
      return ParseResult.dead(
          source,
          lineNumber,
          "not a JSON object: " + (node == null ? "empty" : JsonFields.kind(node)),
          line);
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
}
