package org.contested.io;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.contested.beam.KeyBuckets;
import org.contested.model.Article;
import org.contested.model.DeadLetter;

/**
 * Reads articles from files of any supported format (see docs/inputs.md): every record read
 * becomes exactly one {@link #ARTICLES} or {@link #DEAD_LETTERS} element. Files are decompressed by
 * content (gzip, bzip2), decoded line by line (UTF-8, else Windows-1251 text), parsed, and then
 * reduced to one article per id ({@link DropDuplicateArticles}). A file is read by one thread; the
 * lines of JSON Lines files are handed out in batches ({@link LineBatch}) and parsed on every
 * thread. The counters {@code
 * contested:records_read}, {@code contested:articles} and {@code contested:dead_letters}
 * reconcile (records_read = articles + dead_letters), in total and per file ({@link FileCounts}).
 *
 * @see #from(String, String, String)
 */
public class ReadArticles extends PTransform<PBegin, PCollectionTuple> {
  // Explicit ids, as for every static tag here: a generated id counts the tags its class made
  // in the JVM, which goes wrong when a Flink TaskManager loads the class again (FlinkClusterTest).
  public static final TupleTag<Article> ARTICLES =
      new TupleTag<Article>("ReadArticles.ARTICLES") {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS =
      new TupleTag<DeadLetter>("ReadArticles.DEAD_LETTERS") {};

  /** Lines of JSON Lines files, read and counted but not yet parsed (keyed for spreading). */
  static final TupleTag<KV<Integer, LineBatch>> LINE_BATCHES =
      new TupleTag<KV<Integer, LineBatch>>("ReadArticles.LINE_BATCHES") {};

  /** A batch of lines is handed out at this many bytes (about 300 articles of 3 KB). */
  static final int BATCH_BYTES = 1 << 20;

  public static final String METRICS_NAMESPACE = "contested";
  public static final String RECORDS_READ = "records_read";
  public static final String ARTICLES_COUNTER = "articles";
  public static final String DEAD_LETTERS_COUNTER = "dead_letters";

  private final String input;
  private final String format;
  private final String columns;
  private final int groupingKeys;

  private ReadArticles(String input, String format, String columns, int groupingKeys) {
    this.input = input;
    this.format = format;
    this.columns = columns;
    this.groupingKeys = groupingKeys;
  }

  /**
   * The same reader with line batches and articles handed out in {@code groupingKeys} groups, and
   * ids grouped in as many for deduplication (default {@link KeyBuckets#DISTRIBUTED}); see {@link
   * DropDuplicateArticles}.
   */
  public ReadArticles withGroupingKeys(int groupingKeys) {
    if (groupingKeys < 1) {
      throw new IllegalArgumentException("groupingKeys must be at least 1, got " + groupingKeys);
    }
    return new ReadArticles(input, format, columns, groupingKeys);
  }

  /**
   * @param input a local glob or gs:// pattern; a local directory or a pattern ending in "/" means
   *     every file directly in it
   * @param format auto|jsonl|json|csv|tsv|text (null = auto)
   * @param columns column mapping for CSV/TSV/JSON/JSONL/text, e.g.
   *     "title=headline,published_at=date" (may be null); see {@link ColumnMapping}
   * @throws IllegalArgumentException for an unknown format or a bad mapping
   */
  public static ReadArticles from(String input, String format, String columns) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("no input file pattern given");
    }
    InputFormat f = InputFormat.fromName(format);
    ColumnMapping mapping = ColumnMapping.parse(columns);
    if (mapping.positional() && (f == InputFormat.JSON || f == InputFormat.JSONL || f == InputFormat.TEXT)) {
      throw new IllegalArgumentException(
          "--columns with $positions needs --format=csv or tsv, not " + f.name().toLowerCase());
    }
    return new ReadArticles(input, format, columns, KeyBuckets.DISTRIBUTED);
  }

  /** The file pattern Beam matches: directories are read file by file. */
  static String filePattern(String input) {
    String in = input.strip();
    if (in.endsWith("/")) {
      return in + "*";
    }
    boolean glob = in.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    if (!in.contains("://") && !glob && new File(in).isDirectory()) {
      return in + File.separator + "*";
    }
    return in;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple parsed =
        begin
            .apply(
                "MatchInputFiles",
                FileIO.match()
                    .filepattern(filePattern(input))
                    .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
            // Compression is judged by content, not name (a gzip named .jsonl): see openContent.
            .apply("OpenInputFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
            .apply(
                "ParseRecords",
                ParDo.of(new ParseFileFn(format, columns, groupingKeys))
                    .withOutputTags(ARTICLES, TupleTagList.of(DEAD_LETTERS).and(LINE_BATCHES)));
    // JSON Lines are parsed after a grouping of their line batches, on every worker thread: a
    // file is read by one thread, and parsing costs far more than reading.
    PCollectionTuple parsedLines =
        parsed
            .get(LINE_BATCHES)
            .setCoder(KvCoder.of(VarIntCoder.of(), LineBatch.CODER))
            .apply(
                "LineBatchesKeepEarliestTimestamp",
                Window.<KV<Integer, LineBatch>>into(new GlobalWindows())
                    .withTimestampCombiner(TimestampCombiner.EARLIEST))
            .apply("GroupLineBatches", GroupByKey.create())
            .apply(
                "ParseLineBatches",
                ParDo.of(new ParseLineBatchesFn(columns))
                    .withOutputTags(ARTICLES, TupleTagList.of(DEAD_LETTERS)));
    // Other formats are parsed whole by the thread that reads the file; their articles are
    // spread over the worker threads before extraction. JSON Lines articles already are.
    PCollection<Article> fileArticles =
        parsed
            .get(ARTICLES)
            .apply("SpreadFileArticles", Reshuffle.<Article>viaRandomKey().withNumBuckets(groupingKeys));
    PCollection<Article> allArticles =
        PCollectionList.of(fileArticles)
            .and(parsedLines.get(ARTICLES))
            .apply("FlattenParsedArticles", Flatten.pCollections());
    PCollectionTuple unique =
        allArticles.apply("DropDuplicateArticles", new DropDuplicateArticles(groupingKeys));
    PCollection<Article> articles =
        unique.get(DropDuplicateArticles.UNIQUE).apply("CountArticles", ParDo.of(new CountArticlesFn()));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(DEAD_LETTERS))
            .and(parsedLines.get(DEAD_LETTERS))
            .and(unique.get(DropDuplicateArticles.DUPLICATES))
            .apply("FlattenReadDeadLetters", Flatten.pCollections())
            .apply("CountReadDeadLetters", ParDo.of(new CountDeadLettersFn()));
    return PCollectionTuple.of(ARTICLES, articles).and(DEAD_LETTERS, deadLetters);
  }

  /** Counts the articles that leave the reader, in total and per file. */
  static class CountArticlesFn extends DoFn<Article, Article> {
    private final Counter articles = Metrics.counter(METRICS_NAMESPACE, ARTICLES_COUNTER);
    private transient FileCounts perFile;

    @Setup
    public void setup() {
      perFile = new FileCounts();
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Article> out) {
      articles.inc();
      perFile.inc(FileCounts.ARTICLES, a.source());
      out.output(a);
    }
  }

  /** Counts the reader's dead letters, in total and per file and reason category. */
  static class CountDeadLettersFn extends DoFn<DeadLetter, DeadLetter> {
    private final Counter deadLetters = Metrics.counter(METRICS_NAMESPACE, DEAD_LETTERS_COUNTER);
    private transient FileCounts perFile;

    @Setup
    public void setup() {
      perFile = new FileCounts();
    }

    @ProcessElement
    public void process(@Element DeadLetter d, OutputReceiver<DeadLetter> out) {
      deadLetters.inc();
      perFile.deadLetter(d.reason(), d.source());
      out.output(d);
    }
  }

  /** Streams one file through the parser for its format; one output per record. */
  static class ParseFileFn extends DoFn<ReadableFile, Article> {
    private final Counter recordsRead = Metrics.counter(METRICS_NAMESPACE, RECORDS_READ);

    private final String format;
    private final String columns;
    private final int groupingKeys;

    private transient InputFormat inputFormat;
    private transient JsonLinesParser jsonLines;
    private transient JsonArrayParser jsonArray;
    private transient DelimitedParser csv;
    private transient DelimitedParser tsv;
    private transient TextFileParser text;
    private transient FileCounts perFile;

    ParseFileFn(String format, String columns, int groupingKeys) {
      this.format = format;
      this.columns = columns;
      this.groupingKeys = groupingKeys;
    }

    @Setup
    public void setup() {
      inputFormat = InputFormat.fromName(format);
      ColumnMapping mapping = ColumnMapping.parse(columns);
      LanguageGuesser guesser = OpenNlpLanguageGuesser.create();
      csv = new DelimitedParser(DelimitedParser.Dialect.CSV, mapping, guesser);
      tsv = new DelimitedParser(DelimitedParser.Dialect.TSV, mapping, guesser);
      if (!mapping.positional()) {
        jsonLines = new JsonLinesParser(mapping, guesser);
        jsonArray = new JsonArrayParser(mapping, guesser);
        text = new TextFileParser(mapping, guesser);
      }
      perFile = new FileCounts();
    }

    @ProcessElement
    public void process(@Element ReadableFile file, MultiOutputReceiver out) throws IOException {
      String source = file.getMetadata().resourceId().toString();
      long[] seen = {0, 0}; // records emitted, last position
      Consumer<ParseResult> emit =
          r -> {
            recordsRead.inc();
            perFile.inc(FileCounts.RECORDS_READ, source);
            seen[0]++;
            if (r.isArticle()) {
              seen[1] = r.article().position();
              out.get(ARTICLES).output(r.article());
            } else {
              seen[1] = r.deadLetter().position();
              out.get(DEAD_LETTERS).output(r.deadLetter());
            }
          };
      InputFormat f =
          inputFormat == InputFormat.AUTO ? InputFormat.forFileName(source) : inputFormat;
      if (f == null) {
        emit.accept(
            ParseResult.dead(
                source,
                0,
                Reasons.of(
                    Reasons.UNSUPPORTED_FILE,
                    "unknown extension for --format=auto (expected .jsonl, .ndjson, .json, .csv,"
                        + " .tsv, .txt, .md, optionally .gz or .bz2); pass --format"),
                ""));
        return;
      }
      if (f != InputFormat.CSV && f != InputFormat.TSV && jsonLines == null) {
        throw new IllegalArgumentException(
            "--columns with $positions cannot read " + source + " as " + f.name().toLowerCase());
      }
      try (InputStream in = openContent(Channels.newInputStream(file.open()))) {
        switch (f) {
          case JSONL -> batchLines(in, source, seen, out);
          case JSON -> jsonArray.readAllBytes(in, source, emit);
          case CSV -> csv.readAll(in, source, emit);
          case TSV -> tsv.readAll(in, source, emit);
          case TEXT -> emit.accept(readTextFile(in, source));
          default -> throw new IllegalStateException("unexpected format " + f);
        }
      } catch (IOException | UncheckedIOException e) {
        // A half-written or corrupt file: what was read stands, the rest is one dead letter.
        emit.accept(
            ParseResult.dead(
                source,
                seen[1] + 1,
                Reasons.of(
                    Reasons.UNREADABLE_FILE,
                    "reading stopped after " + seen[0] + " records: " + e),
                ""));
        return;
      }
      if (seen[0] == 0) {
        emit.accept(
            ParseResult.dead(
                source,
                0,
                Reasons.of(Reasons.EMPTY_FILE, "no records (" + f.name().toLowerCase(Locale.ROOT) + ")"),
                ""));
      }
    }

    /**
     * Reads the lines of a JSON Lines file and hands them out in batches, counting the records
     * among them ({@code seen}: records, last position) as {@link #process} does for the parsed
     * formats. Lines read before a failure are handed out too: what was read stands.
     */
    private void batchLines(InputStream in, String source, long[] seen, MultiOutputReceiver out)
        throws IOException {
      ByteLines lines = new ByteLines(in, InputLimits.MAX_RECORD_BYTES);
      List<ByteLines.Line> batch = new ArrayList<>();
      long bytes = 0;
      int batches = 0;
      try {
        for (ByteLines.Line line = lines.next(); line != null; line = lines.next()) {
          if (JsonLinesParser.isBlank(line)) {
            continue;
          }
          seen[0]++;
          seen[1] = line.number();
          batch.add(line);
          bytes += line.bytes().length;
          if (bytes >= BATCH_BYTES) {
            out.get(LINE_BATCHES).output(batchOf(source, batches++, batch));
            batch = new ArrayList<>();
            bytes = 0;
          }
        }
      } finally {
        if (!batch.isEmpty()) {
          out.get(LINE_BATCHES).output(batchOf(source, batches, batch));
        }
      }
    }

    private KV<Integer, LineBatch> batchOf(String source, int index, List<ByteLines.Line> lines) {
      return KV.of(KeyBuckets.of(source + "#" + index, groupingKeys), new LineBatch(source, lines));
    }

    private ParseResult readTextFile(InputStream in, String source) throws IOException {
      byte[] bytes = in.readNBytes(InputLimits.MAX_RECORD_BYTES + 1);
      if (bytes.length > InputLimits.MAX_RECORD_BYTES) {
        long total = bytes.length + in.transferTo(OutputStream.nullOutputStream());
        return ParseResult.dead(
            source,
            0,
            Reasons.of(
                Reasons.TOO_LARGE,
                "file of " + total + " bytes, the limit is " + InputLimits.MAX_RECORD_BYTES),
            TextDecoding.decode(bytes, 0, 4 * DeadLetterPayload.MAX).text());
      }
      TextDecoding.Decoded d = TextDecoding.decode(bytes);
      if (!d.valid()) {
        return ParseResult.dead(
            source,
            0,
            Reasons.of(Reasons.INVALID_UTF8, "byte " + d.badOffset() + " of the file is not UTF-8"),
            d.text());
      }
      if (d.text().isBlank()) {
        return ParseResult.dead(source, 0, Reasons.of(Reasons.EMPTY_FILE, "no text"), "");
      }
      return text.parse(d.text(), source);
    }
  }

  /** Parses the batched lines of JSON Lines files; one output per record, counted as read. */
  static class ParseLineBatchesFn extends DoFn<KV<Integer, Iterable<LineBatch>>, Article> {
    private final Counter recordsRead = Metrics.counter(METRICS_NAMESPACE, RECORDS_READ);
    private final String columns;
    private transient JsonLinesParser jsonLines;
    private transient FileCounts perFile;

    ParseLineBatchesFn(String columns) {
      this.columns = columns;
    }

    @Setup
    public void setup() {
      jsonLines = new JsonLinesParser(ColumnMapping.parse(columns), OpenNlpLanguageGuesser.create());
      perFile = new FileCounts();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<LineBatch>> group, MultiOutputReceiver out) {
      for (LineBatch batch : group.getValue()) {
        for (ByteLines.Line line : batch.lines()) {
          ParseResult r = jsonLines.parse(line, batch.source());
          if (r == null) {
            throw new IllegalStateException(
                "line " + line.number() + " of " + batch.source() + " was counted as a record");
          }
          recordsRead.inc();
          perFile.inc(FileCounts.RECORDS_READ, batch.source());
          if (r.isArticle()) {
            out.get(ARTICLES).output(r.article());
          } else {
            out.get(DEAD_LETTERS).output(r.deadLetter());
          }
        }
      }
    }
  }

  /**
   * The content of a file, decompressed when its first bytes say gzip or bzip2, whatever its
   * name; other archives (zip, zstd) cannot be read and say so.
   */
  static InputStream openContent(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
      // Unbuffered on top: a buffer would drop what was decoded before a truncated end.
      return new GZIPInputStream(in, 1 << 16);
    }
    if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
      return new BZip2CompressorInputStream(in, true);
    }
    if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      throw new IOException("a zip archive: unpack it first");
    }
    if (magic.length == 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5
        && (magic[2] & 0xFF) == 0x2F && (magic[3] & 0xFF) == 0xFD) {
      throw new IOException("zstd-compressed: decompress it first");
    }
    return in;
  }
}
