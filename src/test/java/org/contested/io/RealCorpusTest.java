package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.contested.io.DelimitedParser.Dialect;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the raw third-party files under ../shared/corpora/raw as published (no conversion) with
 * the Beam-free parsers, using the mappings documented in docs/inputs.md.
 */
class RealCorpusTest {
  private static Path raw;
  private static Path seeds;
  private static LanguageGuesser guesser;

  @BeforeAll
  static void locate() {
    Path shared = Paths.get(System.getProperty("contested.shared", "../shared"));
    raw = shared.resolve("corpora/raw");
    seeds = shared.resolve("seeds");
    assumeTrue(Files.isDirectory(raw), "no shared corpora at " + raw);
    guesser = OpenNlpLanguageGuesser.create();
  }

  private static List<ParseResult> readDelimited(Dialect dialect, String columns, Path file)
      throws IOException {
    List<ParseResult> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new DelimitedParser(dialect, ColumnMapping.parse(columns), guesser)
          .readAll(r, file.toString(), out::add);
    }
    return out;
  }

  private static List<Article> articles(List<ParseResult> results) {
    return results.stream().filter(ParseResult::isArticle).map(ParseResult::article).toList();
  }

  private static List<DeadLetter> deadLetters(List<ParseResult> results) {
    return results.stream().filter(r -> !r.isArticle()).map(ParseResult::deadLetter).toList();
  }

  private static <K> Map<K, Long> countBy(List<Article> articles, Function<Article, K> key) {
    return articles.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static void assertWithin(List<Article> articles, String from, String to) {
    Instant lo = Instant.parse(from);
    Instant hi = Instant.parse(to);
    for (Article a : articles) {
      assertTrue(
          !a.publishedAt().isBefore(lo) && !a.publishedAt().isAfter(hi),
          a.publishedAt() + " outside " + from + ".." + to + " at " + a.position());
    }
  }

  private static double share(List<Article> articles, String language) {
    return articles.stream().filter(a -> a.language().equals(language)).count()
        / (double) articles.size();
  }

  @Test
  void ruwaCsv() throws IOException {
    List<ParseResult> results =
        readDelimited(
            Dialect.CSV,
            "url=src,title=title,text=desc,published_at=Date:MM/dd/yyyy,outlet=Site",
            raw.resolve("ruwa/RUWA_04.08.23.csv"));
    assertEquals(16_545, results.size(), "one result per data row");
    List<Article> articles = articles(results);
    assertTrue(articles.size() > 16_000, "articles: " + articles.size());
    for (DeadLetter d : deadLetters(results)) {
      assertEquals(ArticleAssembler.NO_TEXT, d.reason(), d.payload());
    }
    assertWithin(articles, "2021-09-01T00:00:00Z", "2022-11-18T00:00:00Z");
    assertEquals(
        Set.of("ukrinform.net", "censor.net", "reuters.com", "rt.com", "aljazeera.com",
            "bbc.co.uk", "www.msnbc.com", "en.news-front.info", "tass.com"),
        countBy(articles, Article::outlet).keySet());
    // the 34 TASS rows have scheme-less links ("tass.com/defense/..."): kept as given
    assertTrue(articles.stream().allMatch(a -> a.url() != null && a.url().contains("/")));
    assertTrue(articles.stream().filter(a -> !a.url().startsWith("http")).count() <= 34);
    assertEquals(articles.size(), articles.stream().map(Article::articleId).distinct().count());
    Article first = articles.get(0);
    assertEquals("https://www.bbc.co.uk/news/60554910", first.url());
    assertEquals(Instant.parse("2022-02-28T00:00:00Z"), first.publishedAt());
    assertEquals(2, first.position());
    assertTrue(share(articles, "en") > 0.95, "languages " + countBy(articles, Article::language));
  }

  @Test
  void pressReleaseCsvs() throws IOException {
    List<ParseResult> zelenskyy =
        readDelimited(
            Dialect.CSV,
            "url=link,title=headline,published_at=date,text=body,outlet='President of Ukraine'",
            raw.resolve("zelenskyy_putin_press/zelenskyy.csv"));
    List<ParseResult> putin =
        readDelimited(
            Dialect.CSV,
            "url=link,title=headline,published_at=date,text=body,outlet='President of Russia'",
            raw.resolve("zelenskyy_putin_press/putin.csv"));
    assertEquals(980, articles(zelenskyy).size(), String.valueOf(deadLetters(zelenskyy)));
    assertEquals(816, articles(putin).size(), String.valueOf(deadLetters(putin)));
    for (List<Article> side : List.of(articles(zelenskyy), articles(putin))) {
      assertWithin(side, "2021-10-01T00:00:00Z", "2022-07-01T00:00:00Z");
      assertTrue(side.stream().allMatch(a -> a.text().length() > 50));
      // one Zelenskyy release has an empty headline: it stays an article with a null title
      assertTrue(side.stream().filter(a -> a.title() == null).count() <= 1);
      assertTrue(share(side, "en") > 0.98, "languages " + countBy(side, Article::language));
    }
    assertTrue(articles(zelenskyy).stream().allMatch(a -> a.outlet().equals("President of Ukraine")));
    assertTrue(articles(putin).stream().allMatch(a -> a.url().startsWith("http://en.kremlin.ru/")));
    assertEquals(
        Instant.parse("2022-06-24T23:23:00Z"), articles(zelenskyy).get(0).publishedAt());
  }

  @Test
  void cnnHeadlinesTsvWithoutHeader() throws IOException {
    List<ParseResult> results =
        readDelimited(
            Dialect.TSV,
            "published_at=$1,title=$2,outlet='CNN',language='en'",
            raw.resolve("cnn_live_headlines/headlines_first_seen.tsv"));
    assertEquals(12_037, results.size());
    List<Article> articles = articles(results);
    assertEquals(12_037, articles.size(), String.valueOf(deadLetters(results)));
    assertWithin(articles, "2022-02-24T00:00:00Z", "2023-10-08T00:00:00Z");
    Article first = articles.get(0);
    assertEquals(1, first.position());
    assertEquals(Instant.parse("2022-02-24T09:26:03Z"), first.publishedAt());
    assertTrue(first.title().startsWith("EU foreign policy chief"), first.title());
    assertEquals("", first.text());
    // headlines that start with a quote are read literally, not as CSV quoting
    assertTrue(articles.stream().anyMatch(a -> a.title().startsWith("\"")));
  }

  @Test
  void telegramJsonArrays() throws IOException {
    Map<String, Integer> expected = Map.of("ria_novosti.json", 1000, "bbc_russian.json", 905);
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      List<ParseResult> results = new ArrayList<>();
      Path file = raw.resolve("tg_ria_bbcru_2024").resolve(e.getKey());
      try (InputStream in = Files.newInputStream(file)) {
        new JsonArrayParser(ColumnMapping.parse("text=text,published_at=date,outlet=channel"), guesser)
            .readAll(in, file.toString(), results::add);
      }
      List<Article> articles = articles(results);
      assertEquals((int) e.getValue(), articles.size(), String.valueOf(deadLetters(results)));
      assertWithin(articles, "2024-10-01T00:00:00Z", "2025-01-01T00:00:00Z");
      assertEquals(1, countBy(articles, Article::outlet).size());
      assertEquals(articles.size(), articles.stream().map(Article::articleId).distinct().count());
      assertTrue(share(articles, "ru") > 0.9, "languages " + countBy(articles, Article::language));
      assertEquals(articles.size() - 1, articles.get(articles.size() - 1).position());
    }
  }

  @Test
  void wikipediaMarkdownFolder() throws IOException {
    TextFileParser parser = new TextFileParser(ColumnMapping.canonical(), guesser);
    List<Article> articles = new ArrayList<>();
    int files = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(raw.resolve("wikipedia_battles"), "*.md")) {
      for (Path f : ds) {
        files++;
        ParseResult r = parser.parse(Files.readString(f), f.toString());
        assertTrue(r.isArticle(), f + ": " + (r.isArticle() ? "" : r.deadLetter().reason()));
        articles.add(r.article());
      }
    }
    assertEquals(79, files);
    assertWithin(articles, "2023-06-01T00:00:00Z", "2023-08-01T00:00:00Z");
    assertEquals(Map.of("Wikipedia", 79L), countBy(articles, Article::outlet));
    assertTrue(share(articles, "en") == 1.0, "languages " + countBy(articles, Article::language));
    Article bakhmut =
        articles.stream().filter(a -> a.source().endsWith("battle_of_bakhmut.md")).findFirst().orElseThrow();
    assertEquals("Battle of Bakhmut", bakhmut.title());
    assertEquals(Instant.parse("2023-07-16T00:00:00Z"), bakhmut.publishedAt());
    // Markdown emphasis is removed (docs/inputs.md, Repairs).
    assertTrue(bakhmut.text().startsWith("The battle of Bakhmut is"), bakhmut.text().substring(0, 40));
  }

  @Test
  void seedsThroughTheTextReader() throws IOException {
    assumeTrue(Files.isDirectory(seeds), "no seeds at " + seeds);
    TextFileParser parser = new TextFileParser(ColumnMapping.canonical(), guesser);
    Map<String, ParseResult> byFile = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(seeds, "*.txt")) {
      for (Path f : ds) {
        byFile.put(f.getFileName().toString(), parser.parse(Files.readString(f), f.toString()));
      }
    }
    assertEquals(3, byFile.size());
    Article dated = byFile.get("000_1e182648a7f785ce.txt").article();
    assertNotNull(dated, "the seed with a date line is read");
    assertEquals(Instant.parse("2025-11-20T00:00:00Z"), dated.publishedAt());
    assertEquals("en", dated.language());
    assertEquals("unknown", dated.outlet());
    assertTrue(dated.text().contains("Kupiansk"));
    for (String undated : List.of("001_05f88e38f5c36396.txt", "002_abead91fc19a55a8.txt")) {
      DeadLetter d = byFile.get(undated).deadLetter();
      assertNotNull(d, undated + " has no date line and must be dead-lettered");
      assertEquals(TextFileParser.NO_DATE, d.reason());
      assertTrue(d.payload().length() > 1000, "payload keeps the original text");
    }
  }
}
