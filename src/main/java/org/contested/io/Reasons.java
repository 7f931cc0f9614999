package org.contested.io;

/**
 * Dead-letter reasons. Every reason reads {@code <category>: <detail>}; the category (the text
 * before the first colon) is fixed per kind of failure, and run.json counts dead letters per file
 * by category ({@link #category}).
 */
public final class Reasons {
  public static final String MALFORMED_JSON = "malformed JSON";
  public static final String NOT_AN_OBJECT = "not a JSON object";
  public static final String WRONG_TYPE = "wrong field type";
  public static final String INVALID_UTF8 = "invalid UTF-8";
  public static final String TOO_LARGE = "record too large";
  public static final String TEXT_TOO_LONG = "text too long";
  public static final String EMPTY_FILE = "empty file";
  public static final String UNREADABLE_FILE = "unreadable file";
  public static final String UNSUPPORTED_FILE = "unsupported file type";
  public static final String RAGGED_ROW = "ragged row";
  public static final String UNUSABLE_HEADER = "unusable header";
  public static final String DUPLICATE_RECORD = "duplicate record";
  public static final String DUPLICATE_ID = "duplicate id";

  private Reasons() {}

  /** The category of a reason: the text before its first colon, trimmed. */
  public static String category(String reason) {
    if (reason == null) {
      return "unknown";
    }
    int colon = reason.indexOf(':');
    return (colon < 0 ? reason : reason.substring(0, colon)).strip();
  }

  /** {@code category: detail}. */
  public static String of(String category, String detail) {
    return category + ": " + detail;
  }
}
