package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.Test;

class ArticleAssemblerTest {
  private final ArticleAssembler assembler = new ArticleAssembler(t -> "xx", null);

  private ParseResult run(RawFields f) {
    return assembler.assemble(f, "file:/in.jsonl", 7, "payload");
  }

  @Test
  void keepsInputIdOutletAndLanguage() {
    Article a =
        run(new RawFields(" a-1 ", "https://example.org/x", "Example", "2022-03-01", " T ", " body ", "EN-us"))
            .article();
    assertEquals("a-1", a.articleId());
    assertEquals("Example", a.outlet());
    assertEquals("en", a.language());
    assertEquals(Instant.parse("2022-03-01T00:00:00Z"), a.publishedAt());
    assertEquals("T", a.title());
    assertEquals("body", a.text());
    assertEquals("file:/in.jsonl", a.source());
    assertEquals(7, a.position());
  }

  @Test
  void idFromUrlHashWhenMissing() {
    Article a = run(new RawFields(null, "https://example.org/x", null, "2022-03-01", "T", "b", null)).article();
    assertEquals(16, a.articleId().length());
    assertTrue(a.articleId().matches("[0-9a-f]{16}"));
    // known prefix of SHA-256("https://example.org/x"), computed independently with sha256sum
    assertEquals("bc7ad374981a44c1", a.articleId());
    Article other = run(new RawFields(null, "https://example.org/x", "Other", "2023-01-01", "U", "c", null)).article();
    assertEquals(a.articleId(), other.articleId(), "the URL alone decides the id");
  }

  @Test
  void idFromContentWithoutUrl() {
    Article a = run(new RawFields(null, null, "O", "2022-03-01", "T", "b", null)).article();
    Article same = run(new RawFields(null, "", "O", "2022-03-01T00:00:00Z", "T", "b", null)).article();
    Article differentText = run(new RawFields(null, null, "O", "2022-03-01", "T", "c", null)).article();
    assertEquals(a.articleId(), same.articleId());
    assertNotEquals(a.articleId(), differentText.articleId());
    assertNull(same.url());
  }

  @Test
  void outletFallsBackToHostThenUnknown() {
    assertEquals(
        "bbc.co.uk",
        run(new RawFields(null, "https://www.BBC.co.uk/news/1", " ", "2022-03-01", "T", "", null))
            .article()
            .outlet());
    assertEquals(
        "unknown", run(new RawFields(null, "not a url", null, "2022-03-01", "T", "", null)).article().outlet());
  }

  @Test
  void detectsLanguageWhenMissing() {
    assertEquals("xx", run(new RawFields(null, null, "O", "2022-03-01", "T", "b", " ")).article().language());
  }

  @Test
  void titleAloneIsEnoughTextAloneIsEnough() {
    assertTrue(run(new RawFields(null, null, "O", "2022-03-01", "Headline", null, null)).isArticle());
    Article a = run(new RawFields(null, null, "O", "2022-03-01", " ", "Body", null)).article();
    assertNull(a.title());
  }

  @Test
  void deadLetters() {
    DeadLetter noText = run(new RawFields("1", null, "O", "2022-03-01", " ", "\n", null)).deadLetter();
    assertEquals(ArticleAssembler.NO_TEXT, noText.reason());
    assertEquals("payload", noText.payload());
    assertEquals(7, noText.position());
    DeadLetter noDate = run(new RawFields("1", null, "O", null, "T", "b", null)).deadLetter();
    assertEquals("no usable published_at: missing", noDate.reason());
    DeadLetter badDate = run(new RawFields("1", null, "O", "04/13/2022", "T", "b", null)).deadLetter();
    assertEquals("no usable published_at: '04/13/2022'", badDate.reason());
    assertFalse(run(new RawFields("1", null, "O", "soon", "T", "b", null)).isArticle());
  }

  @Test
  void dateHintIsUsed() {
    ArticleAssembler hinted = new ArticleAssembler(t -> "xx", "MM/dd/yyyy");
    assertEquals(
        Instant.parse("2022-04-13T00:00:00Z"),
        hinted.assemble(new RawFields(null, null, "O", "04/13/2022", "T", "", null), "s", 1, "p")
            .article()
            .publishedAt());
  }
}
