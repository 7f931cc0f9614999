package org.contested.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contested.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark corpus from the project's own sample: deterministic, ~3 KB articles, readable. */
class CorpusBuilderTest {
  @TempDir Path tmp;

  @Test
  void sameSourceAndSeedGiveTheSameBytesAndSmallerSizesArePrefixes() throws Exception {
    Path sample = Path.of("pipelines/sample/articles.jsonl");
    CorpusBuilder.Pools pools = CorpusBuilder.pools(sample);
    assertFalse(pools.claims().isEmpty(), "the sample has claim sentences");
    assertTrue(pools.others().size() > pools.claims().size() / 2, "and others");

    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    Path small = tmp.resolve("small.jsonl");
    CorpusBuilder.write(pools, 40, 0.03, 1, 3000, a);
    CorpusBuilder.write(CorpusBuilder.pools(sample), 40, 0.03, 1, 3000, b);
    CorpusBuilder.write(pools, 10, 0.03, 1, 3000, small);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertEquals(Files.readAllLines(a).subList(0, 10), Files.readAllLines(small));

    List<Article> articles = CoreBenchmark.read(a);
    assertEquals(40, articles.size(), "every line is a valid article");
    ObjectMapper om = new ObjectMapper();
    for (String line : Files.readAllLines(a)) {
      JsonNode n = om.readTree(line);
      int size = n.path("title").asText().length() + n.path("text").asText().length();
      assertTrue(size >= 3000 && size < 4000, "about 3 KB: " + size);
    }
    assertTrue(articles.stream().map(Article::outlet).distinct().count() > 1);
  }

  @Test
  void theClaimShareDecidesHowOftenClaimSentencesAreDrawn() throws Exception {
    CorpusBuilder.Pools pools = CorpusBuilder.pools(Path.of("pipelines/sample/articles.jsonl"));
    Path none = tmp.resolve("none.jsonl");
    Path all = tmp.resolve("all.jsonl");
    CorpusBuilder.write(pools, 5, 0.0, 3, 3000, none);
    CorpusBuilder.write(pools, 5, 1.0, 3, 3000, all);
    String noneText = Files.readString(none);
    String allText = Files.readString(all);
    assertTrue(pools.claims().stream().noneMatch(noneText::contains));
    assertTrue(pools.others().stream().noneMatch(allText::contains));
  }
}
