package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.Test;

class TextFileParserTest {
  private final TextFileParser parser =
      new TextFileParser(ColumnMapping.canonical(), t -> "xx");

  @Test
  void headerLines() {
    String file =
        "Title: Bridge reopened\n"
            + "Date: 2023-05-02T14:00:00+03:00\n"
            + "Outlet: River Gazette\n"
            + "URL: https://www.river.example/bridge\n"
            + "\n"
            + "The bridge reopened on Tuesday.\n\nTraffic resumed.\n";
    Article a = parser.parse(file, "a.txt").article();
    assertEquals("Bridge reopened", a.title());
    assertEquals(Instant.parse("2023-05-02T11:00:00Z"), a.publishedAt());
    assertEquals("River Gazette", a.outlet());
    assertEquals("https://www.river.example/bridge", a.url());
    assertEquals("The bridge reopened on Tuesday.\n\nTraffic resumed.", a.text());
    assertEquals(0, a.position());
  }

  @Test
  void bareDateLineWithLabelAndHostOutlet() {
    String file =
        " date 2024-01-15 WORLD NEWS\r\n"
            + "URL: https://www.wire.example/story\r\n"
            + "2 min read\r\n"
            + "Date night in the capital was cancelled.\r\n";
    Article a = parser.parse(file, "b.txt").article();
    assertEquals(Instant.parse("2024-01-15T00:00:00Z"), a.publishedAt());
    assertEquals("wire.example", a.outlet());
    assertNull(a.title());
    assertEquals("2 min read\nDate night in the capital was cancelled.", a.text());
  }

  @Test
  void noDateIsDeadLettered() {
    String file = "A headline\n\nDate night in the capital was cancelled on 2024-01-15.\n";
    DeadLetter d = parser.parse(file, "c.txt").deadLetter();
    assertEquals(TextFileParser.NO_DATE, d.reason());
    assertEquals(file, d.payload());
    assertEquals("c.txt", d.source());
  }

  @Test
  void unreadableDateHeader() {
    DeadLetter d = parser.parse("Date: the day after\n\nBody.\n", "d.txt").deadLetter();
    assertEquals("no usable published_at: 'the day after'", d.reason());
  }

  @Test
  void yamlFrontMatter() {
    String file =
        "---\n"
            + "subject: Siege of a town\n"
            + "description: A long description\n"
            + "  folded over two lines\n"
            + "author: Encyclopedia\n"
            + "pubDate: 2023-07-16\n"
            + "tags: [a, b]\n"
            + "---\n"
            + "\n"
            + "The **siege** lasted weeks.\n";
    Article a = parser.parse(file, "e.md").article();
    assertEquals("Siege of a town", a.title());
    assertEquals("Encyclopedia", a.outlet());
    assertEquals(Instant.parse("2023-07-16T00:00:00Z"), a.publishedAt());
    assertEquals("The siege lasted weeks.", a.text(), "Markdown emphasis is removed");
  }

  @Test
  void frontMatterWithoutDateOrMalformed() {
    assertEquals(
        TextFileParser.NO_DATE,
        parser.parse("---\ntitle: x\n---\nBody\n", "f.md").deadLetter().reason());
    DeadLetter bad = parser.parse("---\ntitle: [unclosed\n---\nBody\n", "g.md").deadLetter();
    assertTrue(bad.reason().startsWith("malformed front matter: "), bad.reason());
    assertEquals(
        "malformed front matter: no closing '---' line",
        parser.parse("---\ntitle: x\nBody\n", "h.md").deadLetter().reason());
  }

  @Test
  void markdownHeadingIsTitleAndMappingNamesOtherKeys() {
    TextFileParser mapped =
        new TextFileParser(
            ColumnMapping.parse("published_at=Posted,outlet='Field Notes'"),
            t -> "xx");
    Article a = mapped.parse("Posted: 2022-10-01\n\n# Front moves east\n\nBody text.\n", "i.md").article();
    assertEquals("Front moves east", a.title());
    assertEquals("Field Notes", a.outlet());
    assertEquals("Body text.", a.text());
    assertEquals(Instant.parse("2022-10-01T00:00:00Z"), a.publishedAt());
  }
}
