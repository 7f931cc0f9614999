package org.contested.core.text;

import java.util.List;

/**
 * A sentence with absolute offsets into the article text. {@code headline} marks the title line,
 * where "X, Y says" attribution applies to the whole line.
 */
public record Sentence(int index, int start, int end, String text, List<Token> tokens, boolean headline) {}
