package org.contested.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Per-input-file counters, in namespace {@value #NAMESPACE} and named {@code <kind>@<file>}:
 * {@value #RECORDS_READ}, {@value #ARTICLES}, {@value #CLAIMS}, {@value #EXTRACTION_FAILURES} and
 * {@code dead_letter[<category>]} (see {@link Reasons#category}). Plain Beam counters, so every
 * runner reports them; run.json sums them per file. One instance per DoFn instance (it caches the
 * counter handles).
 */
public final class FileCounts {
  public static final String NAMESPACE = "contested.file";
  public static final String RECORDS_READ = "records_read";
  public static final String ARTICLES = "articles";
  public static final String CLAIMS = "claims";
  public static final String EXTRACTION_FAILURES = "extraction_failures";
  public static final String DEAD_LETTER_PREFIX = "dead_letter[";

  private final Map<String, Counter> counters = new HashMap<>();

  public void inc(String kind, String source) {
    inc(kind, source, 1);
  }

  public void inc(String kind, String source, long n) {
    if (n == 0) {
      return;
    }
    String name = kind + "@" + source;
    counters.computeIfAbsent(name, k -> Metrics.counter(NAMESPACE, k)).inc(n);
  }

  public void deadLetter(String reason, String source) {
    inc(deadLetterKind(reason), source);
  }

  public static String deadLetterKind(String reason) {
    return DEAD_LETTER_PREFIX + Reasons.category(reason).replace('@', ' ') + "]";
  }

  /** Splits a counter name into {kind, file}; null when it is not one of ours. */
  public static String[] parse(String name) {
    int at = name.indexOf('@');
    return at <= 0 ? null : new String[] {name.substring(0, at), name.substring(at + 1)};
  }
}
