package org.contested.pipeline;

/**
 * Counter names in the {@value #NAMESPACE} namespace. The reader ({@code io.ReadArticles}) counts
 * {@value #RECORDS_READ}, {@value #ARTICLES} and {@value #DEAD_LETTERS} (its own, read-stage dead
 * letters, after duplicates are resolved); the pipeline counts the rest, each once (the
 * extraction step itself counts only per file, in {@code io.FileCounts}, so that totals summed
 * over steps are not doubled).
 */
public final class ContestedMetrics {
  public static final String NAMESPACE = "contested";

  /** Reader: input records seen (articles + read dead letters). */
  public static final String RECORDS_READ = "records_read";

  /** Reader: records that became articles. */
  public static final String ARTICLES = "articles";

  /** Reader: records that could not be read as articles. */
  public static final String DEAD_LETTERS = "dead_letters";

  /** Pipeline: claims the extractor produced (rows of the claims table). */
  public static final String CLAIMS = "claims";

  /** Pipeline: articles the extractor failed on (its dead letters). */
  public static final String EXTRACTION_FAILURES = "extraction_failures";

  /** Writer: rows of the dead_letter table, both stages' dead letters flattened. */
  public static final String DEAD_LETTER_ROWS = "dead_letter_rows";

  /** Writer: rows of the claims table (equals {@value #CLAIMS}). */
  public static final String CLAIMS_ROWS = "claims_rows";

  /** Pipeline: claims left out of the aggregates because their controller is no known party. */
  public static final String UNMAPPED_CLAIMS = "unmapped_claims";

  /** Pipeline: rows of the location_status table. */
  public static final String LOCATION_STATUS_ROWS = "location_status_rows";

  /** Pipeline: rows of the divergence table. */
  public static final String DIVERGENCE_ROWS = "divergence_rows";

  private ContestedMetrics() {}
}
