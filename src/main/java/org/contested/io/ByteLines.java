package org.contested.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ended by LF, CRLF or a lone CR, without decoding them, so that
 * each line can be decoded on its own (files mixing encodings) and an enormous line is measured
 * and skipped instead of held: only its first {@code maxBytes} bytes are kept.
 */
final class ByteLines {
  /** One line: 1-based number, byte offset of its start, and its bytes without the terminator. */
  record Line(long number, long offset, byte[] bytes, long length, boolean terminated) {
    /** True when the line was longer than the cap and {@link #bytes} holds only its start. */
    boolean truncated() {
      return length > bytes.length;
    }
  }

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long offset;
  private long number;
  private boolean pendingCr;

  ByteLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the stream (a final empty line is not returned). */
  Line next() throws IOException {
    byte[] line = new byte[256];
    int kept = 0;
    long length = 0;
    long start = offset;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (length == 0) {
            return null;
          }
          number++;
          return new Line(number, start, Arrays.copyOf(line, kept), length, false);
        }
      }
      byte b = buf[pos++];
      offset++;
      if (pendingCr) {
        pendingCr = false;
        if (b == '\n') {
          start = offset;
          continue; // the LF of a CRLF already ended the previous line
        }
      }
      if (b == '\n' || b == '\r') {
        pendingCr = b == '\r';
        number++;
        return new Line(number, start, Arrays.copyOf(line, kept), length, true);
      }
      length++;
      if (kept < maxBytes) {
        if (kept == line.length) {
          line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
        }
        line[kept++] = b;
      }
    }
  }

  /** Bytes consumed so far. */
  long offset() {
    return offset;
  }
}
