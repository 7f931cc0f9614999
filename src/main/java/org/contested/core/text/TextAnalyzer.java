package org.contested.core.text;

import java.util.List;

/** Splits text into sentences and tokens with offsets. */
public interface TextAnalyzer {
  /** @param titleLength characters at the start of {@code text} that are the headline (0 if none) */
  List<Sentence> analyze(String text, int titleLength);
}
