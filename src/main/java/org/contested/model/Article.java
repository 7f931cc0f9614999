package org.contested.model;

import java.time.Instant;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.contested.model.RecordSchemaProvider.Nullable;

/**
 * One article as read from any input format. {@code publishedAt} is UTC; a date-only input is
 * midnight UTC. {@code source} and {@code position} say where the record came from (file and line
 * or record index) so that claims and failures can be traced back.
 */
@DefaultSchema(RecordSchemaProvider.class)
public record Article(
    String articleId,
    @Nullable String url,
    String outlet,
    Instant publishedAt,
    @Nullable String title,
    String text,
    String language,
    String source,
    long position) {

  /** Title and body as the extractor reads them: the title is its own first paragraph. */
  public String fullText() {
    if (title == null || title.isBlank()) {
      return text;
    }
    if (text.isBlank()) {
      return title;
    }
    return title + "\n\n" + text;
  }
}
