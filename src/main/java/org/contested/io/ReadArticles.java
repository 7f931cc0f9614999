package org.contested.io;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.model.Article;
import org.contested.model.DeadLetter;

/**
 * Reads articles from files of any supported format (see docs/inputs.md): every record read
 * becomes exactly one {@link #ARTICLES} or {@link #DEAD_LETTERS} element, and the counters
 * {@code contested:records_read}, {@code contested:articles} and {@code contested:dead_letters}
 * reconcile (records_read = articles + dead_letters).
 *
 * @see #from(String, String, String)
 */
public class ReadArticles extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>() {};

  public static final String METRICS_NAMESPACE = "contested";
  public static final String RECORDS_READ = "records_read";
  public static final String ARTICLES_COUNTER = "articles";
  public static final String DEAD_LETTERS_COUNTER = "dead_letters";

  private final String input;
  private final String format;
  private final String columns;

  private ReadArticles(String input, String format, String columns) {
    this.input = input;
    this.format = format;
    this.columns = columns;
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
    return new ReadArticles(input, format, columns);
  }

  /** The file pattern Beam matches: directories are read file by file. */
  static String filePattern(String input) {
    String in = input.strip();
    if (in.endsWith("/")) {
      return in + "*";
    }
    if (!in.contains("://") && !in.matches(".*[*?\\[{].*") && new File(in).isDirectory()) {
      return in + File.separator + "*";
    }
    return in;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return begin
        .apply(
            "MatchInputFiles",
            FileIO.match()
                .filepattern(filePattern(input))
                .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenInputFiles", FileIO.readMatches())
        .apply(
            "ParseRecords",
            ParDo.of(new ParseFileFn(format, columns))
                .withOutputTags(ARTICLES, TupleTagList.of(DEAD_LETTERS)));
  }

  /** Streams one file through the parser for its format; one output per record. */
  static class ParseFileFn extends DoFn<ReadableFile, Article> {
    private final Counter recordsRead = Metrics.counter(METRICS_NAMESPACE, RECORDS_READ);
    private final Counter articles = Metrics.counter(METRICS_NAMESPACE, ARTICLES_COUNTER);
    private final Counter deadLetters = Metrics.counter(METRICS_NAMESPACE, DEAD_LETTERS_COUNTER);

    private final String format;
    private final String columns;

    private transient InputFormat inputFormat;
    private transient JsonLinesParser jsonLines;
    private transient JsonArrayParser jsonArray;
    private transient DelimitedParser csv;
    private transient DelimitedParser tsv;
    private transient TextFileParser text;

    ParseFileFn(String format, String columns) {
      this.format = format;
      this.columns = columns;
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
    }

    @ProcessElement
    public void process(@Element ReadableFile file, MultiOutputReceiver out) throws IOException {
      String source = file.getMetadata().resourceId().toString();
      Consumer<ParseResult> emit =
          r -> {
            recordsRead.inc();
            if (r.isArticle()) {
              articles.inc();
              out.get(ARTICLES).output(r.article());
            } else {
              deadLetters.inc();
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
                "unsupported file type for --format=auto (expected .jsonl, .ndjson, .json, .csv,"
                    + " .tsv, .txt, .md); pass --format",
                ""));
        return;
      }
      if (f != InputFormat.CSV && f != InputFormat.TSV && jsonLines == null) {
        throw new IllegalArgumentException(
            "--columns with $positions cannot read " + source + " as " + f.name().toLowerCase());
      }
      switch (f) {
        case JSONL -> {
          try (BufferedReader r = utf8Reader(file)) {
            jsonLines.readAll(r, source, emit);
          }
        }
        case JSON -> {
          try (InputStream in = Channels.newInputStream(file.open())) {
            jsonArray.readAll(in, source, emit);
          }
        }
        case CSV, TSV -> {
          try (BufferedReader r = utf8Reader(file)) {
            (f == InputFormat.CSV ? csv : tsv).readAll(r, source, emit);
          }
        }
        case TEXT -> emit.accept(text.parse(file.readFullyAsUTF8String(), source));
        default -> throw new IllegalStateException("unexpected format " + f);
      }
    }

    /** A UTF-8 reader over the (decompressed) file that skips a byte-order mark. */
    private static BufferedReader utf8Reader(ReadableFile file) throws IOException {
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8),
              1 << 16);
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      return r;
    }
  }
}
