package org.contested.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A JSON file holding an array of article objects (e.g. a Telegram channel export), or a single
 * object. Elements are read one at a time, so a large array is never held in memory. Keys as for
 * {@link JsonLinesParser}. Position = 0-based index of the element in the array.
 */
public final class JsonArrayParser {
  private final ColumnMapping mapping;
  private final ArticleAssembler assembler;
  // Set while reading a file that is not valid UTF-8: elements with U+FFFD are dead letters.
  private boolean lenientlyDecoded;

  public JsonArrayParser(ColumnMapping mapping, LanguageGuesser languageGuesser) {
    JsonFields.checkMapping(mapping);
    this.mapping = mapping;
    this.assembler = new ArticleAssembler(languageGuesser, mapping.dateHint());
  }

  /** Turns one array element into an article or a dead letter. */
  public ParseResult parseElement(JsonNode element, String source, long index) {
    String payload = element.toString();
    if (!element.isObject()) {
      return ParseResult.dead(
          source, index, "not a JSON object: " + JsonFields.kind(element), payload);
    }
    String typeProblem = JsonFields.typeProblem(element, mapping);
    if (typeProblem != null) {
      return ParseResult.dead(source, index, typeProblem, payload);
    }
    if (lenientlyDecoded && payload.indexOf('\uFFFD') >= 0) {
      return ParseResult.dead(
          source,
          index,
          Reasons.of(Reasons.INVALID_UTF8, "the element has bytes that are not UTF-8"),
          payload);
    }
    return assembler.assemble(JsonFields.of(element, mapping), source, index, payload);
  }

  /**
   * Reads a whole file of raw bytes: up to {@link InputLimits#MAX_WHOLE_JSON_BYTES} it is decoded
   * first ({@link TextDecoding}: UTF-8, else Windows-1251 text; else elements with undecodable
   * bytes are dead letters); larger files are streamed, where Jackson detects the encoding.
   */
  public void readAllBytes(InputStream in, String source, Consumer<ParseResult> out)
      throws IOException {
    byte[] head = in.readNBytes(InputLimits.MAX_WHOLE_JSON_BYTES + 1);
    if (head.length > InputLimits.MAX_WHOLE_JSON_BYTES) {
      readAll(new SequenceInputStream(new ByteArrayInputStream(head), in), source, out);
      return;
    }
    TextDecoding.Decoded d = TextDecoding.decode(head);
    lenientlyDecoded = !d.valid();
    try {
      readAll(JsonFields.MAPPER.getFactory().createParser(d.text()), source, out);
    } finally {
      lenientlyDecoded = false;
    }
  }

  /**
   * Streams the elements of the array in {@code in}. Malformed JSON cannot be resynchronised, so
   * it ends the file with one dead letter at the index where it was found.
   */
  public void readAll(InputStream in, String source, Consumer<ParseResult> out)
      throws IOException {
    readAll(JsonFields.MAPPER.createParser(in), source, out);
  }

  private void readAll(JsonParser p, String source, Consumer<ParseResult> out)
      throws IOException {
    long index = 0;
    try (JsonParser parser = p) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          out.accept(ParseResult.dead(source, 0, Reasons.of(Reasons.EMPTY_FILE, "no JSON value"), ""));
          return;
        }
        if (first == JsonToken.START_OBJECT) {
          out.accept(parseElement(parser.readValueAsTree(), source, 0));
          return;
        }
        if (first != JsonToken.START_ARRAY) {
          JsonNode scalar = parser.readValueAsTree();
          out.accept(
              ParseResult.dead(
                  source,
                  0,
                  "not a JSON array or object: " + JsonFields.kind(scalar),
                  String.valueOf(scalar)));
          return;
        }
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (t == null) {
            throw new JsonProcessingException(
                "unexpected end of input inside the array", parser.currentLocation()) {};
          }
          JsonNode element = parser.readValueAsTree();
          out.accept(parseElement(element, source, index));
          index++;
        }
      } catch (JsonProcessingException e) {
        out.accept(
            ParseResult.dead(
                source,
                index,
                "malformed JSON: " + e.getOriginalMessage(),
                e.getLocation() == null
                    ? ""
                    : "at line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()));
      }
    }
  }
}
