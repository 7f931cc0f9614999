package org.contested.beam;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.DeadLetter;

/**
 * Articles to claims (STUB: the extraction issue fills this in). An article whose extraction
 * throws goes to {@link #DEAD_LETTERS}.
 */
public class ExtractControlClaims extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Claim> CLAIMS = new TupleTag<Claim>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>() {};

  private final String gazetteerPath;
  private final String profilePath;

  /** Both paths may be null: the bundled gazetteer and the default Russia–Ukraine profile. */
  public ExtractControlClaims(String gazetteerPath, String profilePath) {
    this.gazetteerPath = gazetteerPath;
    this.profilePath = profilePath;
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    throw new UnsupportedOperationException("stub");
  }
}
