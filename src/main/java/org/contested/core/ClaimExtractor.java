package org.contested.core;

import java.util.List;
import org.contested.model.Article;
import org.contested.model.Claim;

/** Text to claims, without Beam: the whole extraction core behind one call. */
public interface ClaimExtractor {
  List<Claim> extract(Article article);
}
