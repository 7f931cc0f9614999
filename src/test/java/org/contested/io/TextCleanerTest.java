package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick check in front of the Markdown stripper may only skip text it would not change. */
class TextCleanerTest {
  private static final String[] PIECES = {
    " ", "  ", "\t", "\n", "\u00a0", "\u2003", "#", ">", "-", "*", "+", "_", "[", "]", "(", ")",
    "`", "```", "!", "1.", "a", "Kyiv", "**", "](x)"
  };

  @Test
  void skipsOnlyTextTheStripperLeavesAlone() {
    SplittableRandom random = new SplittableRandom(11);
    int skipped = 0;
    for (int round = 0; round < 200_000; round++) {
      StringBuilder sb = new StringBuilder();
      int parts = random.nextInt(12);
      for (int k = 0; k < parts; k++) {
        // Mostly plain words, as in news text, so that both branches are well exercised.
        sb.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : (random.nextBoolean() ? "a" : " "));
      }
      String s = sb.toString();
      if (!TextCleaner.mayHaveMarkdown(s)) {
        skipped++;
        assertEquals(s, TextCleaner.stripMarkdownLines(s), () -> "changed: [" + s + "]");
      }
    }
    assertTrue(skipped > 10_000, "too few plain samples: " + skipped);
  }

  @Test
  void markersAndEmphasisStillStripped() {
    assertEquals("Heading\nitem one\nquote", TextCleaner.stripMarkdown("## Heading\n- item one\n> quote"));
    assertEquals("Forces took Avdiivka", TextCleaner.stripMarkdown("Forces took **Avdiivka**"));
    assertEquals("see map", TextCleaner.stripMarkdown("see [map](https://example.org/m)"));
    assertEquals("pro-Russian forces - reportedly", TextCleaner.stripMarkdown("pro-Russian forces - reportedly"));
  }
}
