package org.contested.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a corpus with every bad-input case of issue 6, file by file, and says what each file
 * must become: how many articles and how many dead letters of which reason category. Written by
 * the test itself (nothing is copied from elsewhere); texts are made up.
 */
final class BadInputCorpus {
  /** What one file must yield. */
  static final class Expected {
    long articles;
    final Map<String, Long> deadLetters = new TreeMap<>();

    Expected article() {
      articles++;
      return this;
    }

    Expected dead(String category) {
      deadLetters.merge(category, 1L, Long::sum);
      return this;
    }

    long records() {
      return articles + deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static final String CLAIM_TEXT =
      "The Russian defence ministry said its forces had captured Kupiansk on Thursday.";
  private static final Charset CP1251 = Charset.forName("windows-1251");

  final Map<String, Expected> expected = new TreeMap<>();

  private BadInputCorpus() {}

  private static String line(String id, String published, String text) {
    return "{\"id\":\"" + id + "\",\"outlet\":\"Test Wire\",\"published_at\":\"" + published
        + "\",\"title\":\"\",\"text\":\"" + text + "\"}";
  }

  static BadInputCorpus write(Path dir) throws IOException {
    BadInputCorpus c = new BadInputCorpus();
    Files.createDirectories(dir);

    // A BOM, CRLF and lone-CR line ends, dates in several accepted formats, markup, controls.
    Expected dirty = c.expect("dirty.jsonl");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write(utf8(line("ok-1", "2025-11-20", CLAIM_TEXT) + "\r\n"));
    dirty.article();
    b.write(utf8(line("ok-2", "20.11.2025", "Kyiv reported shelling.") + "\r"));
    dirty.article();
    b.write(utf8(line("ok-3", "Nov 20, 2025", "<p>Shelling was reported.</p><script>x()</script>") + "\n"));
    dirty.article();
    b.write(utf8(
        "{\"id\":\"ok-4\",\"outlet\":\"Test Wire\",\"published_at\":1763596800,"
            + "\"text\":\"# Heading\\n**Bold** claim with [a link](http://x.example).\"}\n"));
    dirty.article();
    b.write(utf8(line("ok-5", "2025-11-20T10:00:00+03:00", "Tab\tand NUL\u0000 and bell\u0007 inside.") + "\n"));
    dirty.article();
    b.write(utf8(line("ok-6", "2025-11-20 14:00 UTC", "Xqzv plorth wemble snark.") + "\n"));
    dirty.article(); // unknown language: kept, language guessed
    b.write(utf8("{not json\n"));
    dirty.dead("malformed JSON");
    b.write(utf8("[1,2,3]\n"));
    dirty.dead("not a JSON object");
    b.write(utf8("42\n"));
    dirty.dead("not a JSON object");
    b.write(utf8("{\"id\":\"no-text\",\"published_at\":\"2025-11-20\",\"outlet\":\"W\"}\n"));
    dirty.dead("no text");
    b.write(utf8(line("empty-text", "2025-11-20", "") + "\n"));
    dirty.dead("no text");
    b.write(utf8("{\"id\":\"t1\",\"published_at\":\"2025-11-20\",\"text\":{\"body\":\"x\"}}\n"));
    dirty.dead("wrong field type");
    b.write(utf8("{\"id\":\"t2\",\"published_at\":true,\"text\":\"x\"}\n"));
    dirty.dead("wrong field type");
    b.write(utf8("{\"id\":\"t3\",\"published_at\":\"2025-11-20\",\"text\":12345}\n"));
    dirty.dead("wrong field type");
    b.write(utf8("{\"id\":\"d1\",\"outlet\":\"W\",\"text\":\"No date at all.\"}\n"));
    dirty.dead("no usable published_at");
    b.write(utf8(line("d2", "sometime last week", "Bad date.") + "\n"));
    dirty.dead("no usable published_at");
    b.write(utf8(line("d3", "2099-01-01", "From the future.") + "\n"));
    dirty.dead("published_at out of range");
    b.write(utf8(line("d4", "1850-03-01", "Too old.") + "\n"));
    dirty.dead("published_at out of range");
    b.write(utf8(line("d5", "20/11/2025", "Ambiguous slashes.") + "\n"));
    dirty.dead("no usable published_at");
    // Windows-1251 Cyrillic line: repaired (decoded as 1251); then bytes that are no text.
    b.write(line("cp-1", "2025-11-20", "Российские войска заняли Купянск.").getBytes(CP1251));
    b.write('\n');
    dirty.article();
    b.write(new byte[] {'{', '"', 'x', '"', ':', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '}', '\n'});
    dirty.dead("invalid UTF-8");
    // Mixed encodings in one line: UTF-8 Cyrillic then a 1251 byte.
    b.write(utf8(line("mix-1", "2025-11-20", "Купянск ")));
    b.write(new byte[] {(byte) 0xEA, '\n'});
    dirty.dead("invalid UTF-8");
    // Duplicates: same id and content twice; same id, other content.
    b.write(utf8(line("dup-1", "2025-11-20", "Same story.") + "\n"));
    b.write(utf8(line("dup-1", "2025-11-20", "Same story.") + "\n"));
    dirty.article().dead("duplicate record");
    b.write(utf8(line("dup-2", "2025-11-20", "First version.") + "\n"));
    b.write(utf8(line("dup-2", "2025-11-21", "Corrected version.") + "\n"));
    dirty.article().dead("duplicate id");
    // A 1 MB line without a sentence end, a 5 MB line, then a truncated last line.
    b.write(utf8(line("big-1", "2025-11-20", "word ".repeat(200_000)) + "\n"));
    dirty.dead("text too long");
    b.write(utf8(line("big-2", "2025-11-20", "Long. ".repeat(900_000)) + "\n"));
    dirty.dead("record too large");
    b.write(utf8("{\"id\":\"cut\",\"published_at\":\"2025-11-2"));
    dirty.dead("malformed JSON");
    Files.write(dir.resolve("dirty.jsonl"), b.toByteArray());

    Files.write(dir.resolve("empty.jsonl"), new byte[0]);
    c.expect("empty.jsonl").dead("empty file");
    Files.writeString(dir.resolve("blank.txt"), "\n\n  \n");
    c.expect("blank.txt").dead("empty file");

    // CSV: a quoted newline, a ragged row, a header-only file.
    Files.writeString(
        dir.resolve("rows.csv"),
        "published_at,title,text\r\n"
            + "2025-11-20,Headline,\"" + CLAIM_TEXT + "\nSecond line.\"\r\n"
            + "2025-11-20,Too,many,fields\r\n"
            + "2025-11-21,Short\r\n");
    c.expect("rows.csv").article().dead("ragged row").dead("ragged row");
    Files.writeString(dir.resolve("header-only.csv"), "published_at,title,text\n");
    c.expect("header-only.csv").dead("empty file");

    // Gzip named .jsonl, a real .jsonl.gz and a half-written .jsonl.gz.
    Files.write(dir.resolve("gzip-named.jsonl"), gzip(utf8(line("gz-1", "2025-11-20", "Inside gzip.") + "\n")));
    c.expect("gzip-named.jsonl").article();
    Files.write(dir.resolve("real.jsonl.gz"), gzip(utf8(line("gz-2", "2025-11-20", "Inside gz.") + "\n")));
    c.expect("real.jsonl.gz").article();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      many.append(line("half-" + i, "2025-11-20", "Record " + i + " (" + Integer.toHexString(i * 7919) + ") of a half-written file.")).append('\n');
    }
    byte[] whole = gzip(utf8(many.toString()));
    Files.write(dir.resolve("half.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
    c.expect("half.jsonl.gz").dead("unreadable file"); // plus the records before the cut (below)

    // JSON array: an object, a scalar, a Telegram-style text list.
    Files.writeString(
        dir.resolve("export.json"),
        "[" + line("arr-1", "2025-11-20", "From an array.") + ", 7, "
            + "{\"id\":\"arr-2\",\"published_at\":\"2025-11-20\",\"text\":[\"Run \",{\"type\":\"bold\",\"text\":\"two\"}]}]");
    c.expect("export.json").article().dead("not a JSON object").article();

    // Text files: Windows-1251 with a header, and a 50 MB article.
    Files.write(
        dir.resolve("cyrillic.txt"),
        ("Title: Новости\nDate: 2025-11-20\n\nВ Купянске идут бои.\n").getBytes(CP1251));
    c.expect("cyrillic.txt").article();
    try (OutputStream out = Files.newOutputStream(dir.resolve("huge.md"))) {
      out.write(utf8("---\ndate: 2025-11-20\n---\n"));
      byte[] para = utf8("A very long article paragraph. ".repeat(1000) + "\n");
      for (long written = 0; written < 50L << 20; written += para.length) {
        out.write(para);
      }
    }
    c.expect("huge.md").dead("record too large");
    Files.writeString(dir.resolve("notes.docx"), "not an article");
    c.expect("notes.docx").dead("unsupported file type");
    return c;
  }

  private Expected expect(String file) {
    return expected.computeIfAbsent(file, k -> new Expected());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static List<String> files(Map<String, Expected> expected) {
    return new ArrayList<>(expected.keySet());
  }
}
