package org.contested.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.beam.KeyBuckets;
import org.contested.model.Article;
import org.contested.model.DeadLetter;

/**
 * One article per {@code article_id}, chosen the same way whatever the order or sharding of the
 * input (docs/inputs.md, "Duplicates"):
 *
 * <ul>
 *   <li>among records with different content (title, text, url, outlet, published_at, language)
 *       under one id, the latest published wins, then the lowest {@link #contentHash}; the others
 *       are dead letters "duplicate id: ...";
 *   <li>among records with the same content, the one first by file name and position is kept;
 *       the others are dead letters "duplicate record: ..." (duplicate exports).
 * </ul>
 */
public class DropDuplicateArticles extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> UNIQUE = new TupleTag<Article>() {};
  public static final TupleTag<DeadLetter> DUPLICATES = new TupleTag<DeadLetter>() {};

  private final int groupingKeys;

  /**
   * @param groupingKeys articles are grouped by a bucket of their id ({@link KeyBuckets}), not by
   *     the id: few keys for the DirectRunner, and the groups double as the spread of articles
   *     over worker threads
   */
  public DropDuplicateArticles(int groupingKeys) {
    this.groupingKeys = groupingKeys;
  }

  public DropDuplicateArticles() {
    this(KeyBuckets.DISTRIBUTED);
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    return articles
        .apply("KeyByIdBucket", ParDo.of(new KeyByIdBucketFn(groupingKeys)))
        .setCoder(KvCoder.of(VarIntCoder.of(), articles.getCoder()))
        // Grouped articles keep their earliest timestamp (not the end of the global window), so
        // that downstream event-time windows do not see them as late.
        .apply(
            "KeepEarliestTimestamp",
            Window.<KV<Integer, Article>>into(new GlobalWindows())
                .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .apply("GroupByIdBucket", GroupByKey.create())
        .apply(
            "KeepOnePerId",
            ParDo.of(new KeepOneFn()).withOutputTags(UNIQUE, TupleTagList.of(DUPLICATES)));
  }

  /** Each article under the bucket of its id. */
  static class KeyByIdBucketFn extends DoFn<Article, KV<Integer, Article>> {
    private final int groupingKeys;

    KeyByIdBucketFn(int groupingKeys) {
      this.groupingKeys = groupingKeys;
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<Integer, Article>> out) {
      out.output(KV.of(KeyBuckets.of(a.articleId(), groupingKeys), a));
    }
  }

  /**
   * Picks the article to keep among those sharing an id; dead-letters the rest. A first pass over
   * the bucket (a grouped Iterable may be read again) counts ids, so that only the articles of
   * repeated ids are held and hashed.
   */
  static class KeepOneFn extends DoFn<KV<Integer, Iterable<Article>>, Article> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Article>> group, MultiOutputReceiver out) {
      Map<String, Integer> counts = new HashMap<>();
      for (Article a : group.getValue()) {
        counts.merge(a.articleId(), 1, Integer::sum);
      }
      Map<String, List<Keyed>> repeated = new TreeMap<>();
      for (Article a : group.getValue()) {
        if (counts.get(a.articleId()) == 1) {
          out.get(UNIQUE).output(a);
        } else {
          repeated.computeIfAbsent(a.articleId(), k -> new ArrayList<>()).add(new Keyed(a, contentHash(a)));
        }
      }
      repeated.forEach((id, all) -> keepOne(id, all, out));
    }

    private static void keepOne(String id, List<Keyed> all, MultiOutputReceiver out) {
      all.sort(PREFERENCE);
      Keyed kept = all.get(0);
      out.get(UNIQUE).output(kept.article());
      String where = kept.article().source() + ":" + kept.article().position();
      for (Keyed k : all.subList(1, all.size())) {
        Article a = k.article();
        String reason =
            k.hash().equals(kept.hash())
                ? Reasons.of(
                    Reasons.DUPLICATE_RECORD,
                    "same id and content as " + where + ", which is kept")
                : Reasons.of(
                    Reasons.DUPLICATE_ID,
                    "id '" + id + "' has other content at " + where
                        + ", which is kept (later published_at, then lower content hash)");
        out.get(DUPLICATES)
            .output(DeadLetter.of(a.source(), a.position(), reason, a.articleId() + "\t" + a.fullText()));
      }
    }
  }

  private record Keyed(Article article, String hash) {}

  /** Latest published first, then lowest content hash, then file name and position. */
  private static final Comparator<Keyed> PREFERENCE =
      Comparator.<Keyed, java.time.Instant>comparing(k -> k.article().publishedAt())
          .reversed()
          .thenComparing(Keyed::hash)
          .thenComparing(k -> k.article().source())
          .thenComparingLong(k -> k.article().position());

  /** SHA-256 (hex) of the article's content fields joined by U+001F; null fields as empty. */
  public static String contentHash(Article a) {
    String key =
        String.join(
            "\u001f",
            nullToEmpty(a.url()),
            a.outlet(),
            a.publishedAt().toString(),
            nullToEmpty(a.title()),
            a.text(),
            a.language());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
