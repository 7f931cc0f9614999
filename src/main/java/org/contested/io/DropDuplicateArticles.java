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
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
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
 *
 * <p>Only the ids are grouped to find those that repeat; the articles themselves pass through a
 * side-input lookup, and only those of repeated ids are grouped. A grouping copies every value
 * on the DirectRunner (through its coder) and shuffles it on a cluster, and the article texts
 * are most of a run's data.
 */
public class DropDuplicateArticles extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> UNIQUE =
      new TupleTag<Article>("DropDuplicateArticles.UNIQUE") {};
  public static final TupleTag<DeadLetter> DUPLICATES =
      new TupleTag<DeadLetter>("DropDuplicateArticles.DUPLICATES") {};

  /** Articles whose id occurs more than once, keyed by that id. */
  static final TupleTag<KV<String, Article>> REPEATED =
      new TupleTag<KV<String, Article>>("DropDuplicateArticles.REPEATED") {};

  private final int groupingKeys;

  /**
   * @param groupingKeys the ids are grouped by a bucket of the id ({@link KeyBuckets}), not by the
   *     id: few keys for the DirectRunner
   */
  public DropDuplicateArticles(int groupingKeys) {
    this.groupingKeys = groupingKeys;
  }

  public DropDuplicateArticles() {
    this(KeyBuckets.DISTRIBUTED);
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollectionView<Map<String, Integer>> repeatedIds =
        articles
            .apply("KeyIdsByBucket", ParDo.of(new KeyIdByBucketFn(groupingKeys)))
            .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
            .apply("GroupIdsByBucket", GroupByKey.create())
            .apply("FindRepeatedIds", ParDo.of(new FindRepeatedIdsFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .apply("RepeatedIdsView", View.asMap());
    PCollectionTuple split =
        articles.apply(
            "SplitOffRepeatedIds",
            ParDo.of(new SplitOffRepeatedFn(repeatedIds))
                .withSideInputs(repeatedIds)
                .withOutputTags(UNIQUE, TupleTagList.of(REPEATED)));
    PCollectionTuple chosen =
        split
            .get(REPEATED)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), articles.getCoder()))
            // Grouped articles keep their earliest timestamp (not the end of the global window), so
            // that downstream event-time windows do not see them as late.
            .apply(
                "KeepEarliestTimestamp",
                Window.<KV<String, Article>>into(new GlobalWindows())
                    .withTimestampCombiner(TimestampCombiner.EARLIEST))
            .apply("GroupRepeatedIds", GroupByKey.create())
            .apply(
                "KeepOnePerId",
                ParDo.of(new KeepOneFn()).withOutputTags(UNIQUE, TupleTagList.of(DUPLICATES)));
    PCollection<Article> unique =
        PCollectionList.of(split.get(UNIQUE).setCoder(articles.getCoder()))
            .and(chosen.get(UNIQUE).setCoder(articles.getCoder()))
            .apply("FlattenUniqueArticles", Flatten.pCollections());
    return PCollectionTuple.of(UNIQUE, unique).and(DUPLICATES, chosen.get(DUPLICATES));
  }

  /** Each article's id under the bucket of the id. */
  static class KeyIdByBucketFn extends DoFn<Article, KV<Integer, String>> {
    private final int groupingKeys;

    KeyIdByBucketFn(int groupingKeys) {
      this.groupingKeys = groupingKeys;
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<Integer, String>> out) {
      out.output(KV.of(KeyBuckets.of(a.articleId(), groupingKeys), a.articleId()));
    }
  }

  /** The ids of a bucket that occur more than once, with their count. */
  static class FindRepeatedIdsFn extends DoFn<KV<Integer, Iterable<String>>, KV<String, Integer>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<String>> bucket, OutputReceiver<KV<String, Integer>> out) {
      Map<String, Integer> counts = new HashMap<>();
      for (String id : bucket.getValue()) {
        counts.merge(id, 1, Integer::sum);
      }
      counts.forEach((id, n) -> {
        if (n > 1) {
          out.output(KV.of(id, n));
        }
      });
    }
  }

  /** Passes articles of ids seen once straight on; keys the others by id for {@link KeepOneFn}. */
  static class SplitOffRepeatedFn extends DoFn<Article, Article> {
    private final PCollectionView<Map<String, Integer>> repeatedIds;

    SplitOffRepeatedFn(PCollectionView<Map<String, Integer>> repeatedIds) {
      this.repeatedIds = repeatedIds;
    }

    @ProcessElement
    public void process(@Element Article a, ProcessContext c) {
      if (c.sideInput(repeatedIds).containsKey(a.articleId())) {
        c.output(REPEATED, KV.of(a.articleId(), a));
      } else {
        c.output(a);
      }
    }
  }

  /** Picks the article to keep among those sharing an id; dead-letters the rest. */
  static class KeepOneFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> group, MultiOutputReceiver out) {
      List<Keyed> all = new ArrayList<>();
      for (Article a : group.getValue()) {
        all.add(new Keyed(a, contentHash(a)));
      }
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
                    "id '" + group.getKey() + "' has other content at " + where
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
