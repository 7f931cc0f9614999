package org.contested.io;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.contested.model.Article;
import org.contested.model.DeadLetter;

/**
 * Reads articles from files of any supported format (STUB: the reader issue fills this in).
 *
 * @see #from(String, String, String)
 */
public class ReadArticles extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>() {};

  private final String input;
  private final String format;
  private final String columns;

  private ReadArticles(String input, String format, String columns) {
    this.input = input;
    this.format = format;
    this.columns = columns;
  }

  /**
   * @param input a local glob or gs:// pattern
   * @param format auto|jsonl|json|csv|tsv|text
   * @param columns column mapping for CSV/TSV/JSON, e.g. "title=headline,published_at=date" (may be null)
   */
  public static ReadArticles from(String input, String format, String columns) {
    return new ReadArticles(input, format, columns);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    throw new UnsupportedOperationException("stub");
  }
}
