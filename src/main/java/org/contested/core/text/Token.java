package org.contested.core.text;

/** A token with its character offsets into the article text; {@code lower} is for matching. */
public record Token(String text, String lower, int start, int end) {
  public boolean isCapitalized() {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }

  public boolean isWord() {
    return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
  }
}
