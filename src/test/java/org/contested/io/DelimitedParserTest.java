package org.contested.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contested.io.DelimitedParser.Dialect;
import org.contested.model.Article;
import org.contested.model.DeadLetter;
import org.junit.jupiter.api.Test;

class DelimitedParserTest {

  private static List<ParseResult> read(Dialect dialect, String columns, String content)
      throws IOException {
    ColumnMapping mapping = ColumnMapping.parse(columns);
    List<ParseResult> out = new ArrayList<>();
    new DelimitedParser(dialect, mapping, t -> "xx")
        .readAll(new StringReader(content), "mem", out::add);
    return out;
  }

  @Test
  void csvWithMappingQuotedNewlinesAndLinePositions() throws IOException {
    String csv =
        ",src,desc,title,Date,Site\n"
            + "0,https://www.example.com/a,\"Lede with, comma\",Title A,04/13/2022,example.com\n"
            + "1,https://www.example.com/b,\"Two\nline \"\"lede\"\"\",Title B,04/14/2022,example.com\n"
            + "\n"
            + "2,https://www.example.com/c,,,04/15/2022,example.com\n"
            + "3,https://www.example.com/d,Lede,Title D,2022-13-01,example.com\n"
            + "4,https://www.example.com/e,Lede,Title E,04/16/2022\n"
            + "5,https://www.example.com/f,Lede F,,04/17/2022,example.com";
    List<ParseResult> out =
        read(Dialect.CSV, "url=src,text=desc,title=title,published_at=Date:MM/dd/yyyy,outlet=Site", csv);
    assertEquals(6, out.size());
    Article a = out.get(0).article();
    assertEquals("Lede with, comma", a.text());
    assertEquals("Title A", a.title());
    assertEquals("example.com", a.outlet());
    assertEquals(Instant.parse("2022-04-13T00:00:00Z"), a.publishedAt());
    assertEquals(2, a.position());
    Article b = out.get(1).article();
    assertEquals("Two\nline \"lede\"", b.text());
    assertEquals(3, b.position());
    DeadLetter c = out.get(2).deadLetter();
    assertEquals(ArticleAssembler.NO_TEXT, c.reason());
    assertEquals(6, c.position(), "line 4 is the 2nd line of record b, line 5 is blank");
    assertTrue(c.payload().startsWith("2,https://www.example.com/c"), c.payload());
    assertEquals("no usable published_at: '2022-13-01'", out.get(3).deadLetter().reason());
    assertEquals("ragged row: row has 5 fields, the header has 6", out.get(4).deadLetter().reason());
    assertEquals(9, out.get(5).article().position(), "last record without a final newline");
    assertNull(out.get(5).article().title());
  }

  @Test
  void csvCanonicalHeaderAndConstantOutlet() throws IOException {
    String csv = "link,headline,date,body\r\nhttps://president.example/1,Address,2022-06-24T23:23:00Z,Good evening.\r\n";
    List<ParseResult> out =
        read(Dialect.CSV, "url=link,title=headline,published_at=date,text=body,outlet='President of Ukraine'", csv);
    Article a = out.get(0).article();
    assertEquals("President of Ukraine", a.outlet());
    assertEquals("https://president.example/1", a.url());
    assertEquals(2, a.position());

    List<ParseResult> canonical =
        read(Dialect.CSV, null, "Published_At,Title,text\n2022-01-02,T,X\n");
    assertEquals("T", canonical.get(0).article().title(), "canonical names match case-insensitively");
  }

  @Test
  void csvHeaderWithoutTheMappedColumnsDeadLettersEveryRow() throws IOException {
    List<ParseResult> missing =
        read(Dialect.CSV, "text=summary,published_at=date", "date,body\n2022-01-01,x\n2022-01-02,y\n");
    assertEquals(2, missing.size(), "one dead letter per row, none dropped");
    for (ParseResult r : missing) {
      assertTrue(r.deadLetter().reason().startsWith("unusable header: "), r.deadLetter().reason());
      assertTrue(r.deadLetter().reason().contains("'summary'"), r.deadLetter().reason());
    }
    List<ParseResult> noDate = read(Dialect.CSV, null, "when,text\n1,x\n");
    assertEquals(1, noDate.size());
    assertTrue(noDate.get(0).deadLetter().reason().contains("published_at"));
    assertEquals(2, noDate.get(0).deadLetter().position());
  }

  @Test
  void csvUnterminatedQuoteEndsWithOneDeadLetter() throws IOException {
    String csv = "published_at,text\n2022-01-01,fine\n2022-01-02,\"never closed\n2022-01-03,x\n";
    List<ParseResult> out = read(Dialect.CSV, null, csv);
    assertEquals(2, out.size());
    assertTrue(out.get(0).isArticle());
    DeadLetter d = out.get(1).deadLetter();
    assertTrue(d.reason().startsWith("malformed CSV: "), d.reason());
    assertEquals(3, d.position());
  }

  @Test
  void headerlessTsvWithPositionsAndLiteralQuotes() throws IOException {
    String tsv =
        "2022-02-24T09:26:03+00:00\tLeader: attack is \"darkest hour\"\n"
            + "\"Quoted\" start, no CSV quoting\tA title\n"
            + "2022-02-25T10:00:00-04:00\t\"We will not leave\", president says\n";
    List<ParseResult> out = read(Dialect.TSV, "published_at=$1,title=$2,outlet='CNN'", tsv);
    assertEquals(3, out.size());
    Article a = out.get(0).article();
    assertEquals("Leader: attack is \"darkest hour\"", a.title());
    assertEquals("", a.text());
    assertEquals("CNN", a.outlet());
    assertEquals(1, a.position());
    assertEquals("no usable published_at: '\"Quoted\" start, no CSV quoting'", out.get(1).deadLetter().reason());
    Article c = out.get(2).article();
    assertEquals("\"We will not leave\", president says", c.title());
    assertEquals(Instant.parse("2022-02-25T14:00:00Z"), c.publishedAt());
    assertEquals(3, c.position());
  }

  @Test
  void headerlessRowTooShortForMappedColumn() throws IOException {
    List<ParseResult> out = read(Dialect.TSV, "published_at=$1,title=$2", "2022-02-24\n");
    assertEquals(ArticleAssembler.NO_TEXT, out.get(0).deadLetter().reason());
  }

  @Test
  void tsvWithHeader() throws IOException {
    List<ParseResult> out =
        read(Dialect.TSV, "published_at=time,title=headline", "time\theadline\n2022-03-01\tA\n");
    assertEquals(2, out.get(0).article().position());
    assertEquals("A", out.get(0).article().title());
  }
}
