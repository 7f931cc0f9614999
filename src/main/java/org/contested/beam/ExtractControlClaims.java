package org.contested.beam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.core.ClaimExtractor;
import org.contested.core.ClaimScreen;
import org.contested.core.ConflictProfile;
import org.contested.core.Gazetteer;
import org.contested.core.LanguageRoutingExtractor;
import org.contested.core.Lexicon;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.io.FileCounts;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.DeadLetter;

/**
 * Articles to control claims. An article whose extraction throws goes to {@link #DEAD_LETTERS}
 * with the exception as its reason, so one bad text never stops the run.
 */
public class ExtractControlClaims extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Claim> CLAIMS =
      new TupleTag<Claim>("ExtractControlClaims.CLAIMS") {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS =
      new TupleTag<DeadLetter>("ExtractControlClaims.DEAD_LETTERS") {};

  private final String gazetteerPath;
  private final String profilePath;
  private final boolean prefilter;

  /** Both paths may be null: the bundled gazetteer and the default Russia–Ukraine profile. */
  public ExtractControlClaims(String gazetteerPath, String profilePath) {
    this(gazetteerPath, profilePath, true);
  }

  /** With {@code prefilter} false every sentence gets the full analysis (slower, same claims). */
  public ExtractControlClaims(String gazetteerPath, String profilePath, boolean prefilter) {
    this.gazetteerPath = gazetteerPath;
    this.profilePath = profilePath;
    this.prefilter = prefilter;
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    // No spread here: the readers hand out articles in groups (ReadArticles through its line
    // batches and a reshuffle, ReadArticlesTable through a reshuffle), so every worker thread
    // extracts.
    return articles.apply(
        "ExtractClaims",
        ParDo.of(new ExtractClaimsFn(gazetteerPath, profilePath, prefilter))
            .withOutputTags(CLAIMS, TupleTagList.of(DEAD_LETTERS)));
  }

  /**
   * Loads what the extraction's set-up needs into the per-JVM caches it reads from (gazetteer,
   * OpenNLP models, lexicons). Runners whose workers are threads of this JVM call it on a spare
   * thread while Beam builds and starts the graph, so the workers do not wait for it after the
   * articles are read.
   */
  public static void preload(String gazetteerPath, String profilePath, boolean prefilter)
      throws IOException {
    new ExtractClaimsFn(gazetteerPath, profilePath, prefilter).setup();
  }

  /** Runs the extraction core; gazetteer and profile are shared per JVM, the NLP objects per instance. */
  static class ExtractClaimsFn extends DoFn<Article, Claim> {
    // The gazetteer is immutable and large: one copy per worker JVM, whatever the DoFn count.
    private static final Map<String, Gazetteer> GAZETTEERS = new ConcurrentHashMap<>();

    private final String gazetteerPath;
    private final String profilePath;
    private final boolean prefilter;
    // Totals are counted downstream (CountClaims, CountExtractionFailures); here only per file.
    private transient FileCounts perFile;
    private transient ClaimExtractor extractor;

    ExtractClaimsFn(String gazetteerPath, String profilePath, boolean prefilter) {
      this.gazetteerPath = gazetteerPath;
      this.profilePath = profilePath;
      this.prefilter = prefilter;
    }

    @Setup
    public void setup() throws IOException {
      Gazetteer gazetteer = gazetteer(gazetteerPath);
      ConflictProfile profile = profile(profilePath);
      perFile = new FileCounts();
      // One rule extractor per language with a lexicon, by Article.language(); English, the
      // fallback, reads only the sentences its prefilter keeps (when --prefilter is on).
      extractor = LanguageRoutingExtractor.standard(new OpenNlpAnalyzer(), gazetteer, profile,
          ClaimScreen.extractor(gazetteer, Lexicon.english(), profile, prefilter));
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) {
      List<Claim> found;
      try {
        found = extractor.extract(article);
      } catch (RuntimeException e) {
        perFile.inc(FileCounts.EXTRACTION_FAILURES, article.source());
        out.get(DEAD_LETTERS).output(DeadLetter.of(article.source(), article.position(),
            "extraction failed: " + e, article.articleId() + "\t" + article.fullText()));
        return;
      }
      perFile.inc(FileCounts.CLAIMS, article.source(), found.size());
      for (Claim c : found) {
        out.get(CLAIMS).output(c);
      }
    }

    static Gazetteer gazetteer(String path) {
      String key = path == null || path.isBlank() ? "" : path;
      return GAZETTEERS.computeIfAbsent(key, k -> {
        if (k.isEmpty()) {
          return GeoNamesGazetteer.loadDefault();
        }
        try (InputStream in = open(k)) {
          return GeoNamesGazetteer.load(in, k);
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read gazetteer " + k + ": " + e.getMessage(), e);
        }
      });
    }

    static ConflictProfile profile(String path) throws IOException {
      if (path == null || path.isBlank()) {
        return ConflictProfile.defaultProfile();
      }
      try (InputStream in = open(path)) {
        return ConflictProfile.load(in);
      }
    }

    /** Local paths and gs:// alike, through Beam's FileSystems. */
    static InputStream open(String path) throws IOException {
      return Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()));
    }
  }
}
