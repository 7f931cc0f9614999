package org.contested.io;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.contested.model.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deduplication finds repeated ids by grouping ids only and groups just those articles: the
 * choice among them and the dead letters must not depend on the number of buckets, and an id that
 * occurs once must pass whatever else shares its bucket.
 */
class DropDuplicateArticlesTest {
  private static final Instant EARLY = Instant.parse("2024-05-10T08:00:00Z");
  private static final Instant LATE = Instant.parse("2024-05-11T08:00:00Z");

  private static Article article(String id, Instant published, String text, String file, long line) {
    return new Article(id, null, "Reuters", published, "Title " + id, text, "en", file, line);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 256})
  void keepsOnePerIdWhateverTheBuckets(int groupingKeys) {
    List<Article> input = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      input.add(article("u" + i, EARLY, "Body of article " + i + ".", "a.jsonl", i + 1));
    }
    // The same record exported twice: the first by file name and position stays.
    input.add(article("twin", EARLY, "Twin text.", "b.jsonl", 7));
    input.add(article("twin", EARLY, "Twin text.", "a.jsonl", 90));
    // Three versions under one id: the latest published wins over two earlier ones.
    input.add(article("edited", EARLY, "First version.", "a.jsonl", 91));
    input.add(article("edited", LATE, "Corrected version.", "b.jsonl", 8));
    input.add(article("edited", EARLY, "Second version.", "b.jsonl", 9));

    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollectionTuple out =
        p.apply(Create.of(input)).apply(new DropDuplicateArticles(groupingKeys));

    Set<String> kept = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      kept.add("u" + i + " a.jsonl:" + (i + 1));
    }
    kept.add("twin a.jsonl:90");
    kept.add("edited b.jsonl:8");
    PAssert.that(
            out.get(DropDuplicateArticles.UNIQUE)
                .apply(
                    "Where",
                    MapElements.into(TypeDescriptors.strings())
                        .via(a -> a.articleId() + " " + a.source() + ":" + a.position())))
        .containsInAnyOrder(kept);
    PAssert.that(
            out.get(DropDuplicateArticles.DUPLICATES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(d -> d.source() + ":" + d.position() + " " + d.reason())))
        .containsInAnyOrder(
            "b.jsonl:7 duplicate record: same id and content as a.jsonl:90, which is kept",
            "a.jsonl:91 duplicate id: id 'edited' has other content at b.jsonl:8, which is kept"
                + " (later published_at, then lower content hash)",
            "b.jsonl:9 duplicate id: id 'edited' has other content at b.jsonl:8, which is kept"
                + " (later published_at, then lower content hash)");
    p.run().waitUntilFinish();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 256})
  void nothingRepeatedPassesEverything(int groupingKeys) {
    List<Article> input = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      input.add(article("only" + i, LATE, "Text " + i + ".", "c.csv", i));
    }
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollectionTuple out = p.apply(Create.of(input)).apply(new DropDuplicateArticles(groupingKeys));
    PAssert.that(out.get(DropDuplicateArticles.UNIQUE)).containsInAnyOrder(input);
    PAssert.that(out.get(DropDuplicateArticles.DUPLICATES)).empty();
    p.run().waitUntilFinish();
  }
}
