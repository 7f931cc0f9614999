package org.contested.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes input bytes: UTF-8 when they are valid UTF-8 (a leading byte-order mark is skipped),
 * else Windows-1251 when they read as Cyrillic text in it (a documented repair: legacy Russian
 * and Ukrainian exports), else not at all ({@link Decoded#valid} false, with a lenient decoding
 * for the dead letter's payload).
 */
public final class TextDecoding {
  public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

  /**
   * The result: text (lenient when invalid), whether it can be used, and which charset read it
   * ("UTF-8" or "windows-1251"); {@code badOffset} is the first invalid UTF-8 byte, or -1.
   */
  public record Decoded(String text, boolean valid, String charset, int badOffset) {}

  private TextDecoding() {}

  public static Decoded decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static Decoded decode(byte[] bytes, int from, int to) {
    int start = from;
    if (to - from >= 3
        && (bytes[from] & 0xFF) == 0xEF
        && (bytes[from + 1] & 0xFF) == 0xBB
        && (bytes[from + 2] & 0xFF) == 0xBF) {
      start += 3;
    }
    // Fast path: the lenient decoder turns every malformed sequence into U+FFFD, so output
    // without one came from valid UTF-8. Only text with U+FFFD (malformed, or a literal one)
    // takes the strict decoder, which is several times slower.
    String lenient = new String(bytes, start, to - start, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return new Decoded(lenient, true, "UTF-8", -1);
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, to - start);
    try {
      CharBuffer out = utf8.decode(in);
      return new Decoded(out.toString(), true, "UTF-8", -1);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start, to);
      if (looksLikeCyrillic1251(bytes, start, to)) {
        return new Decoded(new String(bytes, start, to - start, WINDOWS_1251), true, "windows-1251", bad);
      }
      return new Decoded(lenient, false, "UTF-8", bad);
    }
  }

  /**
   * True when most bytes above 0x7F are Cyrillic letters in Windows-1251 (0xC0-0xFF, Ё/ё and the
   * Ukrainian and Belarusian letters) and some are lower-case, as in running text.
   */
  static boolean looksLikeCyrillic1251(byte[] b, int from, int to) {
    int high = 0;
    int letters = 0;
    int lower = 0;
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        continue;
      }
      high++;
      if (c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xAA || c == 0xBA || c == 0xAF
          || c == 0xBF || c == 0xB2 || c == 0xB3 || c == 0xA5 || c == 0xB4 || c == 0xA1
          || c == 0xA2) {
        letters++;
        if (c >= 0xE0 || c == 0xB8 || c == 0xBA || c == 0xBF || c == 0xB3 || c == 0xB4) {
          lower++;
        }
      } else if (c == 0x96 || c == 0x97 || c == 0xAB || c == 0xBB || c == 0x93 || c == 0x94
          || c == 0x85 || c == 0xB9 || c == 0xA0) {
        letters++; // dashes, guillemets, quotes, ellipsis, № and no-break space of 1251 text
      }
    }
    return high > 0 && letters * 10 >= high * 9 && lower * 2 >= letters - lower;
  }

  /** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
  static int firstInvalidUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      int n;
      int min;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return i - from;
      }
      if (i + n >= to) {
        return i - from;
      }
      int cp = c & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return i - from;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i - from;
      }
      i += n + 1;
    }
    return -1;
  }
}
