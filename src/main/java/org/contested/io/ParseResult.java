package org.contested.io;

import java.util.Objects;
import org.contested.model.Article;
import org.contested.model.DeadLetter;

/** What one input record became: exactly one of an article or a dead letter. */
public record ParseResult(Article article, DeadLetter deadLetter) {
  public ParseResult {
    if ((article == null) == (deadLetter == null)) {
      throw new IllegalArgumentException("exactly one of article and deadLetter must be set");
    }
  }

  public static ParseResult of(Article article) {
    return new ParseResult(Objects.requireNonNull(article), null);
  }

  public static ParseResult dead(String source, long position, String reason, String payload) {
    return new ParseResult(null, DeadLetter.of(source, position, reason, payload));
  }

  public boolean isArticle() {
    return article != null;
  }
}
