package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.contested.model.Article;
import org.junit.jupiter.api.Test;

/** ReadArticles end to end over a few small real inputs (kept few: the machine is small). */
class RealCorpusPipelineTest {
  private static final Path SHARED = Paths.get(System.getProperty("contested.shared", "../shared"));

  @Test
  void seedsFolderAndTelegramExports() {
    Path seeds = SHARED.resolve("seeds");
    Path telegram = SHARED.resolve("corpora/raw/tg_ria_bbcru_2024");
    assumeTrue(Files.isDirectory(seeds) && Files.isDirectory(telegram), "no shared data at " + SHARED);

    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    PCollectionTuple seedResults = p.apply("ReadSeeds", ReadArticles.from(seeds.toString(), "text", null));
    PCollectionTuple tg =
        p.apply(
            "ReadTelegram",
            ReadArticles.from(
                telegram + "/*.json", "auto", "text=text,published_at=date,outlet=channel"));

    PAssert.that(
            seedResults
                .get(ReadArticles.ARTICLES)
                .apply(
                    "SeedArticleSummary",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Article a) -> ReadArticlesTest.fileName(a.source()) + " " + a.publishedAt() + " " + a.language())))
        .containsInAnyOrder("000_1e182648a7f785ce.txt 2025-11-20T00:00:00Z en");
    PAssert.that(ReadArticlesTest.summarizeDeadLetters(seedResults, "Seeds"))
        .containsInAnyOrder(
            "001_05f88e38f5c36396.txt@0 " + TextFileParser.NO_DATE,
            "002_abead91fc19a55a8.txt@0 " + TextFileParser.NO_DATE);
    PAssert.thatSingleton(tg.get(ReadArticles.ARTICLES).apply("CountTelegram", Count.globally()))
        .isEqualTo(1905L);
    PAssert.that(tg.get(ReadArticles.DEAD_LETTERS)).empty();

    PipelineResult result = p.run();
    result.waitUntilFinish();
    long read = ReadArticlesTest.counter(result, ReadArticles.RECORDS_READ);
    assertEquals(3 + 1905, read);
    assertEquals(
        read,
        ReadArticlesTest.counter(result, ReadArticles.ARTICLES_COUNTER)
            + ReadArticlesTest.counter(result, ReadArticles.DEAD_LETTERS_COUNTER));
  }
}
