package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.Test;

class JsonParsersTest {
  private static final LanguageGuesser GUESSER = t -> "xx";

  private static List<ParseResult> jsonl(String content, String columns) throws IOException {
    List<ParseResult> out = new ArrayList<>();
    new JsonLinesParser(ColumnMapping.parse(columns), GUESSER)
        .readAll(new BufferedReader(new StringReader(content)), "mem.jsonl", out::add);
    return out;
  }

  private static List<ParseResult> jsonArray(String content, String columns) throws IOException {
    List<ParseResult> out = new ArrayList<>();
    new JsonArrayParser(ColumnMapping.parse(columns), GUESSER)
        .readAll(
            new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "mem.json", out::add);
    return out;
  }

  @Test
  void canonicalLine() {
    ParseResult r =
        new JsonLinesParser(ColumnMapping.canonical(), GUESSER)
            .parseLine(
                "{\"id\":\"k1\",\"url\":\"https://news.example/a\",\"outlet\":\"Example News\","
                    + "\"published_at\":\"2022-09-11T08:00:00+03:00\",\"title\":\"Town retaken\","
                    + "\"text\":\"Troops entered the town.\",\"language\":\"en\","
                    + "\"collection\":\"c\",\"split\":\"dev\"}",
                "mem.jsonl",
                3);
    Article a = r.article();
    assertEquals("k1", a.articleId());
    assertEquals(Instant.parse("2022-09-11T05:00:00Z"), a.publishedAt());
    assertEquals("Example News", a.outlet());
    assertEquals("Town retaken", a.title());
    assertEquals("Troops entered the town.", a.text());
    assertEquals("en", a.language());
    assertEquals(3, a.position());
  }

  @Test
  void jsonlLinesAndFailures() throws IOException {
    String content =
        "{\"outlet\":\"A\",\"published_at\":\"2022-03-01\",\"text\":\"one\"}\n"
            + "\n"
            + "{\"outlet\":\"A\",\"published_at\":\"2022-03-01\",\"text\":\"two\"\n"
            + "[1,2]\n"
            + "{\"outlet\":\"A\",\"published_at\":\"someday\",\"text\":\"three\"}\n"
            + "{\"outlet\":\"A\",\"published_at\":\"2022-03-02\",\"text\":\"\",\"title\":null}\n"
            + "{\"published_at\":\"2022-03-02\",\"text\":\"four\"}\n";
    List<ParseResult> out = jsonl(content, null);
    assertEquals(6, out.size(), "blank line is not a record");
    assertEquals(1, out.get(0).article().position());
    assertEquals("one", out.get(0).article().text());
    assertEquals("xx", out.get(0).article().language());
    DeadLetter malformed = out.get(1).deadLetter();
    assertEquals(3, malformed.position());
    assertTrue(malformed.reason().startsWith("malformed JSON: "), malformed.reason());
    assertTrue(malformed.payload().contains("\"two\""));
    assertEquals("not a JSON object: array", out.get(2).deadLetter().reason());
    assertEquals("no usable published_at: 'someday'", out.get(3).deadLetter().reason());
    assertEquals(ArticleAssembler.NO_TEXT, out.get(4).deadLetter().reason());
    assertEquals("unknown", out.get(5).article().outlet());
    assertEquals(7, out.get(5).article().position());
  }

  @Test
  void jsonlWithMapping() throws IOException {
    List<ParseResult> out =
        jsonl(
            "{\"body\":\"text\",\"when\":\"05/20/2022\",\"src\":{\"name\":\"Wire\"},\"title\":\"t\"}\n",
            "text=body,published_at=when:MM/dd/yyyy,outlet=src.name");
    Article a = out.get(0).article();
    assertEquals("text", a.text());
    assertEquals("t", a.title(), "unmapped fields keep their canonical names");
    assertEquals("Wire", a.outlet());
    assertEquals(Instant.parse("2022-05-20T00:00:00Z"), a.publishedAt());
  }

  @Test
  void positionalMappingIsRejectedForJson() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new JsonLinesParser(ColumnMapping.parse("title=$1,published_at=$2"), GUESSER));
  }

  @Test
  void jsonArrayOfTelegramLikeMessages() throws IOException {
    String content =
        "[\n"
            + " {\"message_id\": 10, \"sender_id\": -100, \"text\": \"Первое сообщение\","
            + " \"date\": \"2024-11-30T10:00:00+00:00\", \"channel\": \"Канал\", \"category\": \"x\"},\n"
            + " {\"message_id\": 11, \"text\": \"\", \"date\": \"2024-11-30T11:00:00+00:00\","
            + " \"channel\": \"Канал\"},\n"
            + " \"stray string\",\n"
            + " {\"message_id\": 12, \"text\": [\"Bold \", {\"type\": \"bold\", \"text\": \"news\"}],"
            + " \"date\": \"2024-11-30T12:00:00\", \"channel\": \"Канал\"}\n"
            + "]";
    List<ParseResult> out = jsonArray(content, "text=text,published_at=date,outlet=channel");
    assertEquals(4, out.size());
    Article first = out.get(0).article();
    assertEquals("Первое сообщение", first.text());
    assertEquals("Канал", first.outlet());
    assertEquals(0, first.position());
    assertNull(first.url());
    assertEquals(ArticleAssembler.NO_TEXT, out.get(1).deadLetter().reason());
    assertEquals(1, out.get(1).deadLetter().position());
    assertEquals("not a JSON object: string", out.get(2).deadLetter().reason());
    assertEquals("Bold news", out.get(3).article().text());
    assertEquals(Instant.parse("2024-11-30T12:00:00Z"), out.get(3).article().publishedAt());
    assertEquals(3, out.get(3).article().position());
  }

  @Test
  void jsonArrayTruncatedEndsWithOneDeadLetter() throws IOException {
    String content =
        "[{\"published_at\":\"2022-03-01\",\"text\":\"ok\"},"
            + " {\"published_at\":\"2022-03-01\",\"text\":\"cut";
    List<ParseResult> out = jsonArray(content, null);
    assertEquals(2, out.size());
    assertTrue(out.get(0).isArticle());
    DeadLetter d = out.get(1).deadLetter();
    assertEquals(1, d.position());
    assertTrue(d.reason().startsWith("malformed JSON: "), d.reason());
  }

  @Test
  void jsonSingleObjectAndScalar() throws IOException {
    assertTrue(jsonArray("{\"published_at\":\"2022-03-01\",\"text\":\"ok\"}", null).get(0).isArticle());
    assertEquals(
        "not a JSON array or object: number", jsonArray("42", null).get(0).deadLetter().reason());
    assertEquals("empty file: no JSON value", jsonArray("  ", null).get(0).deadLetter().reason());
  }
}
