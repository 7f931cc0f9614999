package org.contested.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Consecutive lines of one JSON Lines file, read but not yet parsed: the reader of a file is one
 * thread, so it hands the parsing out in batches ({@link ReadArticles}).
 */
record LineBatch(String source, List<ByteLines.Line> lines) {
  static final Coder CODER = new Coder();

  /** Field by field, the line bytes as they are. */
  static final class Coder extends AtomicCoder<LineBatch> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
    private static final BooleanCoder BOOLEAN = BooleanCoder.of();

    @Override
    public void encode(LineBatch batch, OutputStream out) throws IOException {
      STRING.encode(batch.source(), out);
      INT.encode(batch.lines().size(), out);
      for (ByteLines.Line line : batch.lines()) {
        LONG.encode(line.number(), out);
        LONG.encode(line.offset(), out);
        BYTES.encode(line.bytes(), out);
        LONG.encode(line.length(), out);
        BOOLEAN.encode(line.terminated(), out);
      }
    }

    @Override
    public LineBatch decode(InputStream in) throws IOException {
      String source = STRING.decode(in);
      int n = INT.decode(in);
      List<ByteLines.Line> lines = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        lines.add(
            new ByteLines.Line(
                LONG.decode(in), LONG.decode(in), BYTES.decode(in), LONG.decode(in), BOOLEAN.decode(in)));
      }
      return new LineBatch(source, lines);
    }
  }
}
