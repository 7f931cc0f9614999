package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TextDecoding#decode} judges validity from a lenient decoding when it holds no U+FFFD; it
 * must call valid exactly the bytes a strict UTF-8 decoder accepts, and give the same text.
 */
class TextDecodingTest {

  /** Strict UTF-8 after an optional byte-order mark, or null when malformed. */
  private static String strict(byte[] b) {
    int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, start, b.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  private static void agrees(byte[] b) {
    String expected = strict(b);
    TextDecoding.Decoded d = TextDecoding.decode(b);
    if (expected != null) {
      assertEquals(true, d.valid(), () -> "valid UTF-8 judged invalid: " + java.util.HexFormat.of().formatHex(b));
      assertEquals("UTF-8", d.charset());
      assertEquals(expected, d.text());
      assertEquals(-1, d.badOffset());
    } else {
      assertEquals(
          false,
          d.valid() && d.charset().equals("UTF-8"),
          () -> "malformed UTF-8 judged valid: " + java.util.HexFormat.of().formatHex(b));
    }
  }

  @Test
  void craftedCases() {
    List<byte[]> cases = new ArrayList<>();
    cases.add("Kupiansk, Kharkiv Oblast".getBytes(StandardCharsets.UTF_8));
    cases.add("Купʼянськ — «звільнено»".getBytes(StandardCharsets.UTF_8));
    cases.add("a literal \uFFFD replacement character".getBytes(StandardCharsets.UTF_8));
    cases.add(bytes(0xEF, 0xBB, 0xBF, 'o', 'k'));
    cases.add(bytes('a', 0xC3)); // truncated two-byte sequence
    cases.add(bytes(0xC0, 0xAF)); // overlong slash
    cases.add(bytes(0xED, 0xA0, 0x80)); // an encoded surrogate (CESU-8)
    cases.add(bytes(0xF4, 0x90, 0x80, 0x80)); // above U+10FFFF
    cases.add(bytes(0xEF, 0xBF, 0xBD, 0xFF)); // a literal U+FFFD, then a bad byte
    cases.add("Войска заняли".getBytes(TextDecoding.WINDOWS_1251));
    cases.add(new byte[0]);
    for (byte[] b : cases) {
      agrees(b);
    }
  }

  @Test
  void randomBytesAndMutatedText() {
    SplittableRandom random = new SplittableRandom(20261122L);
    byte[] text = "Kyiv says Russian forces left Kherson — «місто звільнено» ✓ 𝔘".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 20_000; round++) {
      byte[] b;
      if (round % 2 == 0) {
        b = new byte[random.nextInt(12)];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) random.nextInt(256);
        }
      } else {
        b = text.clone();
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      agrees(b);
    }
  }
}
