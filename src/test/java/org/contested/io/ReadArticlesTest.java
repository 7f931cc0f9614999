package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadArticlesTest {
  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  static PCollection<String> summarizeArticles(PCollectionTuple t, String name) {
    return t.get(ReadArticles.ARTICLES)
        .apply(
            name + "Articles",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Article a) ->
                        fileName(a.source())
                            + "@" + a.position()
                            + " " + a.outlet()
                            + " " + a.publishedAt()
                            + " " + a.language()
                            + " " + (a.title() == null ? "-" : a.title())
                            + " | " + a.text()));
  }

  static PCollection<String> summarizeDeadLetters(PCollectionTuple t, String name) {
    return t.get(ReadArticles.DEAD_LETTERS)
        .apply(
            name + "DeadLetters",
            MapElements.into(TypeDescriptors.strings())
                .via((DeadLetter d) -> fileName(d.source()) + "@" + d.position() + " " + d.reason()));
  }

  static long counter(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ReadArticles.METRICS_NAMESPACE, name))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  private static final String EN_TEXT =
      "Ukrainian officials said the village had been cleared of Russian troops after two days of"
          + " fighting, and that residents were returning to their homes.";

  @Test
  void readsEveryFormatWithOneOutputPerRecord() throws IOException {
    write(
        "jsonl/part-1.jsonl",
        "{\"id\":\"j1\",\"outlet\":\"Wire\",\"published_at\":\"2022-09-10T12:00:00Z\",\"title\":\"Village cleared\",\"text\":\""
            + EN_TEXT
            + "\",\"language\":\"en\",\"split\":\"dev\"}\n"
            + "\n"
            + "{\"id\":\"j2\",\"outlet\":\"Wire\",\"published_at\":\"2022-09-10\"\n");
    write(
        "json/channel.json",
        "[{\"message_id\":1,\"text\":\"Российские войска заняли посёлок на востоке области, сообщили в"
            + " министерстве обороны во вторник.\",\"date\":\"2024-11-05T09:30:00+03:00\",\"channel\":\"Канал\"},"
            + " {\"message_id\":2,\"text\":\"  \",\"date\":\"2024-11-05T10:00:00+00:00\",\"channel\":\"Канал\"}]");
    write(
        "csv/rows.csv",
        "src,desc,title,Date,Site\n"
            + "https://www.example.com/1,\""
            + EN_TEXT
            + "\nSecond line.\",Village cleared,04/13/2022,example.com\n"
            + "https://www.example.com/2,Lede,Title,13/04/2022,example.com\n");
    write("tsv/heads.tsv", "2022-02-24T09:26:03+00:00\tTroops cross the border \"at dawn\"\n2022-02-24\t\n");
    write("text/a.txt", "Title: Bridge reopened\nDate: 2023-05-02\n\n" + EN_TEXT + "\n");
    write("text/b.md", "---\nsubject: Siege\nauthor: Encyclopedia\npubDate: 2023-07-16\n---\n" + EN_TEXT + "\n");
    write("text/c.txt", "Just a headline\n\n" + EN_TEXT + "\n");
    write("misc/notes.xml", "<x/>");

    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    PCollectionTuple jsonl = p.apply("ReadJsonl", ReadArticles.from(dir + "/jsonl/*.jsonl", "auto", null));
    PCollectionTuple json =
        p.apply(
            "ReadJson",
            ReadArticles.from(dir + "/json/*", "json", "text=text,published_at=date,outlet=channel"));
    PCollectionTuple csv =
        p.apply(
            "ReadCsv",
            ReadArticles.from(
                dir + "/csv/rows.csv",
                null,
                "url=src,text=desc,title=title,published_at=Date:MM/dd/yyyy,outlet=Site,language='en'"));
    PCollectionTuple tsv =
        p.apply(
            "ReadTsv",
            ReadArticles.from(dir + "/tsv/heads.tsv", "tsv", "published_at=$1,title=$2,outlet='CNN',language='en'"));
    PCollectionTuple text = p.apply("ReadText", ReadArticles.from(dir.resolve("text").toString(), "text", null));
    PCollectionTuple misc = p.apply("ReadMisc", ReadArticles.from(dir + "/misc/", "auto", null));

    PAssert.that(summarizeArticles(jsonl, "Jsonl"))
        .containsInAnyOrder(
            "part-1.jsonl@1 Wire 2022-09-10T12:00:00Z en Village cleared | " + EN_TEXT);
    PAssert.that(summarizeDeadLetters(jsonl, "Jsonl"))
        .satisfies(
            d -> {
              String only = d.iterator().next();
              assertTrue(only.startsWith("part-1.jsonl@3 malformed JSON: "), only);
              return null;
            });
    PAssert.that(summarizeArticles(json, "Json"))
        .containsInAnyOrder(
            "channel.json@0 Канал 2024-11-05T06:30:00Z ru - | Российские войска заняли посёлок на"
                + " востоке области, сообщили в министерстве обороны во вторник.");
    PAssert.that(summarizeDeadLetters(json, "Json"))
        .containsInAnyOrder("channel.json@1 " + ArticleAssembler.NO_TEXT);
    PAssert.that(summarizeArticles(csv, "Csv"))
        .containsInAnyOrder(
            "rows.csv@2 example.com 2022-04-13T00:00:00Z en Village cleared | " + EN_TEXT + "\nSecond line.");
    PAssert.that(summarizeDeadLetters(csv, "Csv"))
        .containsInAnyOrder("rows.csv@4 no usable published_at: '13/04/2022'");
    PAssert.that(summarizeArticles(tsv, "Tsv"))
        .containsInAnyOrder("heads.tsv@1 CNN 2022-02-24T09:26:03Z en Troops cross the border \"at dawn\" | ");
    PAssert.that(summarizeDeadLetters(tsv, "Tsv"))
        .containsInAnyOrder("heads.tsv@2 " + ArticleAssembler.NO_TEXT);
    PAssert.that(summarizeArticles(text, "Text"))
        .containsInAnyOrder(
            "a.txt@0 unknown 2023-05-02T00:00:00Z en Bridge reopened | " + EN_TEXT,
            "b.md@0 Encyclopedia 2023-07-16T00:00:00Z en Siege | " + EN_TEXT);
    PAssert.that(summarizeDeadLetters(text, "Text"))
        .containsInAnyOrder("c.txt@0 " + TextFileParser.NO_DATE);
    PAssert.that(summarizeArticles(misc, "Misc")).empty();
    PAssert.that(summarizeDeadLetters(misc, "Misc"))
        .satisfies(
            d -> {
              String only = d.iterator().next();
              assertTrue(only.startsWith("notes.xml@0 unsupported file type"), only);
              return null;
            });

    PipelineResult result = p.run();
    result.waitUntilFinish();
    long read = counter(result, ReadArticles.RECORDS_READ);
    // 2 jsonl + 2 json + 2 csv + 2 tsv + 3 text + 1 unsupported file
    assertEquals(12, read);
    assertEquals(6, counter(result, ReadArticles.ARTICLES_COUNTER));
    assertEquals(6, counter(result, ReadArticles.DEAD_LETTERS_COUNTER));
  }

  @Test
  void patternMatchingNothingFails() {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);
    PCollectionTuple t = p.apply(ReadArticles.from(dir + "/nothing-here/*.jsonl", "auto", null));
    PAssert.that(t.get(ReadArticles.ARTICLES)).empty();
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    StringBuilder messages = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      messages.append(c.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("nothing-here"), messages.toString());
    assertTrue(messages.toString().toLowerCase().contains("no files matched"), messages.toString());
  }

  @Test
  void badOptionsAreRejectedWhenTheTransformIsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> ReadArticles.from("x", "xml", null));
    assertThrows(IllegalArgumentException.class, () -> ReadArticles.from("x", "auto", "headline=title"));
    assertThrows(
        IllegalArgumentException.class, () -> ReadArticles.from("x", "jsonl", "title=$1,published_at=$2"));
    assertThrows(IllegalArgumentException.class, () -> ReadArticles.from(" ", "auto", null));
  }

  @Test
  void directoriesBecomeGlobs() {
    assertEquals(dir + "/*", ReadArticles.filePattern(dir.toString()));
    assertEquals("gs://bucket/seeds/*", ReadArticles.filePattern("gs://bucket/seeds/"));
    assertEquals("gs://bucket/a.jsonl", ReadArticles.filePattern("gs://bucket/a.jsonl"));
  }
}
