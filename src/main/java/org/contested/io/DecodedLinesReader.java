package org.contested.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.TreeMap;

/**
 * A {@link Reader} over raw bytes that decodes line by line ({@link TextDecoding}) and hands out
 * LF-terminated text, remembering which lines could not be decoded or were over {@link
 * InputLimits#MAX_RECORD_BYTES} (those are passed on cut or leniently decoded, and the record that
 * holds them must be dead-lettered: see {@link #problem}).
 */
final class DecodedLinesReader extends Reader {
  private final ByteLines lines;
  private final TreeMap<Long, String> problems = new TreeMap<>();
  private String current = "";
  private int pos;
  private boolean eof;

  DecodedLinesReader(InputStream in) {
    this.lines = new ByteLines(in, InputLimits.MAX_RECORD_BYTES);
  }

  /** The dead-letter reason for the first bad line in [fromLine, toLine], or null. */
  String problem(long fromLine, long toLine) {
    var e = problems.ceilingEntry(fromLine);
    return e != null && e.getKey() <= toLine ? e.getValue() : null;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos >= current.length()) {
      if (eof || !advance()) {
        eof = true;
        return -1;
      }
    }
    int n = Math.min(len, current.length() - pos);
    current.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  private boolean advance() throws IOException {
    ByteLines.Line line = lines.next();
    if (line == null) {
      return false;
    }
    String text;
    if (line.truncated()) {
      problems.put(
          line.number(),
          Reasons.of(
              Reasons.TOO_LARGE,
              "line " + line.number() + " has " + line.length() + " bytes, the limit is "
                  + InputLimits.MAX_RECORD_BYTES));
      text = TextDecoding.decode(line.bytes()).text();
    } else {
      TextDecoding.Decoded d = TextDecoding.decode(line.bytes());
      if (!d.valid()) {
        problems.put(
            line.number(),
            Reasons.of(
                Reasons.INVALID_UTF8,
                "byte " + d.badOffset() + " of line " + line.number() + " is not UTF-8"));
      }
      text = d.text();
    }
    current = line.terminated() ? text + "\n" : text;
    pos = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    eof = true;
  }
}
