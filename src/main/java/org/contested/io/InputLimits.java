package org.contested.io;

/**
 * Size caps that keep one enormous record from exhausting memory or stalling extraction; records
 * over a cap are dead-lettered ({@link Reasons#TOO_LARGE}, {@link Reasons#TEXT_TOO_LONG}), never
 * cut silently. See docs/inputs.md, "Limits".
 */
public final class InputLimits {
  /** Bytes of one record: a JSONL or CSV/TSV line, or a whole text/Markdown file. */
  public static final int MAX_RECORD_BYTES = 4 << 20;

  /** Characters of an article's title plus text after clean-up (about 80,000 words: long transcripts pass). */
  public static final int MAX_TEXT_CHARS = 500_000;

  /**
   * Characters without a sentence end (. ! ? … or a line break): extraction cost grows faster
   * than linearly with sentence length, and no prose runs this long.
   */
  public static final int MAX_SENTENCE_CHARS = 10_000;

  /** Characters without white space: no word or URL is this long. */
  public static final int MAX_WORD_CHARS = 1_000;

  /** A JSON array file up to this size is read whole, so a legacy encoding can be repaired. */
  public static final int MAX_WHOLE_JSON_BYTES = 256 << 20;

  private InputLimits() {}
}
