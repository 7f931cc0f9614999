package org.contested.io;

/** Guesses the language of a text as a 2-letter ISO 639-1 code where one exists. */
@FunctionalInterface
public interface LanguageGuesser {
  /** Returns the language code, or {@link LanguageCodes#UNDETERMINED} for text with no letters. */
  String guess(String text);
}
