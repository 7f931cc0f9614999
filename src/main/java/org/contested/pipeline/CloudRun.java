package org.contested.pipeline;

import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.contested.beam.ExtractControlClaims;
import org.contested.bigquery.BigQueryOutput;
import org.contested.bigquery.BigQueryTableSpec;
import org.contested.bigquery.ClearPartitionsFn;
import org.contested.bigquery.ReadArticlesTable;
import org.contested.bigquery.ReadClaimsTable;
import org.contested.bigquery.TableRows;
import org.contested.bigquery.TableSetup;
import org.contested.bigquery.WriteBigQueryTable;
import org.contested.io.ReadArticles;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.DeadLetter;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;

/**
 * A scheduled run into BigQuery ({@code --output=bq:PROJECT:DATASET}): reads the articles of the
 * {@code --runDate} day(s), replaces those days' {@code claims} partitions, recomputes every
 * window the new (or replaced) claims fall in from the whole {@code claims} table and replaces
 * those windows' {@code location_status} and {@code divergence} partitions. Running the same days again gives
 * the same tables.
 *
 * <pre>
 * Read(Articles|ArticlesTable) ─ KeepRunDays ─ ExtractControlClaims ─ CountClaims ─┬─ claims
 * ReadClaimsTable ─ other days ───────────────────────────────────── FlattenClaims ┘
 *                 └ replaced days' claims: their windows are recomputed too
 *   ─ WindowClaims ─ KeepTouchedWindows ─ ComputeViews (location_status, divergence)
 * ClearPartitions (run days, touched windows, run_date) ─ Wait ─ Write* ─ rejected ─ dead_letter
 * </pre>
 */
public final class CloudRun {
  /** Most days a dated {@code --input} template is expanded for. */
  static final int MAX_DATED_PATTERNS = 93;

  private CloudRun() {}

  /**
   * Creates missing tables, builds and runs the pipeline. On Dataflow it returns once the job is
   * submitted (the Flex Template launcher must not wait); otherwise it waits and returns the
   * counters.
   *
   * @param services BigQuery client; null for the real one
   */
  public static Map<String, Long> run(ContestedOptions options, BigQueryServices services)
      throws IOException, InterruptedException {
    OptionsValidation.validate(options);
    FileSystems.setDefaultPipelineOptions(options);
    BigQueryOutput output = BigQueryOutput.parse(options.getOutput());
    List<LocalDate> days = RunDates.parse(options.getRunDate(), Clock.systemUTC());
    if (isDataflow(options)) {
      // Checks region, temp and staging locations, project id and worker settings now, in one
      // line, before any table is created or job submitted.
      DataflowRunner.fromOptions(options);
    }
    List<String> patterns = List.of();
    if (options.getInputTable() == null || options.getInputTable().isBlank()) {
      patterns = matchingPatterns(RunDates.inputPatterns(options.getInput(), days));
    }
    List<String> created =
        TableSetup.ensureTables(output, options.as(BigQueryOptions.class), services);
    if (!created.isEmpty()) {
      System.err.println("contested: created BigQuery tables " + created);
    }
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, output, days, patterns, services);
    PipelineResult result = pipeline.run();
    if (isDataflow(options)) {
      System.err.println("contested: submitted " + result);
      return Map.of();
    }
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended " + state);
    }
    return RunSummary.counters(result.metrics());
  }

  static boolean isDataflow(ContestedOptions options) {
    return DataflowRunner.class.isAssignableFrom(options.getRunner());
  }

  /** The patterns that match at least one file; fails when none does. */
  static List<String> matchingPatterns(List<String> patterns) throws IOException {
    if (patterns.size() > MAX_DATED_PATTERNS) {
      // One read per day would make a huge graph; a glob plus the published_at filter is cheaper.
      throw new IllegalArgumentException(
          "--input with " + RunDates.DATE_PLACEHOLDER + " over " + patterns.size()
              + " days: for ranges longer than " + MAX_DATED_PATTERNS + " days use a glob over"
              + " all days (e.g. gs://BUCKET/articles/*/*.jsonl); --runDate then keeps the"
              + " articles published in the range");
    }
    List<String> out = new ArrayList<>();
    for (String p : patterns) {
      MatchResult m = FileSystems.match(p.endsWith("/") ? p + "*" : p, EmptyMatchTreatment.ALLOW);
      if (m.status() == MatchResult.Status.OK && !m.metadata().isEmpty()) {
        out.add(p);
      } else {
        System.err.println("contested: no articles at " + p + ", that day has no claims");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--input matches no files for --runDate: " + patterns);
    }
    return out;
  }

  /** What the graph produces, for tests. */
  public record Outputs(
      PCollection<Claim> newClaims,
      PCollection<LocationStatus> locationStatus,
      PCollection<Divergence> divergence,
      PCollection<DeadLetter> deadLetters) {}

  /**
   * Applies the whole daily graph to {@code pipeline}.
   *
   * @param patterns input file patterns (ignored with {@code --inputTable})
   */
  public static Outputs build(
      Pipeline pipeline,
      ContestedOptions options,
      BigQueryOutput output,
      List<LocalDate> days,
      List<String> patterns,
      BigQueryServices services) {
    List<String> parties = OptionsValidation.parties(options.getParties());
    WindowSpec spec = WindowSpec.parse(options.getWindow(), options.getEvery());

    PCollectionTuple read = readArticles(pipeline, options, patterns, services);
    PCollection<Article> articles =
        read.get(ReadArticles.ARTICLES).apply("KeepRunDays", ParDo.of(new KeepRunDaysFn(days)));
    PCollectionTuple extracted =
        articles.apply(
            "ExtractControlClaims",
            new ExtractControlClaims(options.getGazetteer(), options.getProfile()));
    PCollection<Claim> extractedClaims = extracted.get(ExtractControlClaims.CLAIMS);
    PCollection<Claim> newClaims =
        extractedClaims
            .apply(
                "CountClaims",
                ParDo.of(new ContestedPipeline.CountClaimsFn(new StatusMapping(parties))))
            .setCoder(extractedClaims.getCoder());
    PCollection<DeadLetter> extractionFailures =
        extracted
            .get(ExtractControlClaims.DEAD_LETTERS)
            .apply(
                "CountExtractionFailures",
                ParDo.of(
                    new ContestedPipeline.CountFn<DeadLetter>(
                        ContestedMetrics.EXTRACTION_FAILURES)))
            .setCoder(extracted.get(ExtractControlClaims.DEAD_LETTERS).getCoder());

    // Aggregates: the new claims plus every stored claim of other days, in the touched windows.
    PCollectionTuple stored =
        pipeline.apply("ReadClaimsTable", new ReadClaimsTable(output, days, services));
    PCollection<Claim> storedClaims =
        stored.get(ReadClaimsTable.OTHER_DAYS).setCoder(newClaims.getCoder());
    PCollection<Claim> replacedClaims =
        stored.get(ReadClaimsTable.REPLACED).setCoder(newClaims.getCoder());
    // Windows to recompute: those of the new claims and those of the claims they replace (a
    // rerun whose input lost a claim must not leave that claim's window as it was).
    PCollectionView<List<Long>> touched =
        PCollectionList.of(newClaims)
            .and(replacedClaims)
            .apply("FlattenTouchingClaims", Flatten.pCollections())
            .apply("WindowTouchingClaims", new WindowClaims(options.getWindow(), options.getEvery()))
            .apply("TouchedWindowStarts", ParDo.of(new WindowStartFn()))
            .apply("TouchedIntoGlobalWindow", Window.into(new GlobalWindows()))
            .apply("DistinctTouchedWindows", Distinct.create())
            .apply("TouchedWindowsView", View.asList());
    PCollection<Claim> windowed =
        PCollectionList.of(newClaims)
            .and(storedClaims)
            .apply("FlattenClaims", Flatten.pCollections())
            .apply("WindowClaims", new WindowClaims(options.getWindow(), options.getEvery()))
            .apply(
                "KeepTouchedWindows",
                ParDo.of(new KeepTouchedWindowsFn(touched)).withSideInputs(touched))
            .setCoder(newClaims.getCoder());
    ContestedPipeline.Aggregates aggregates = ContestedPipeline.aggregate(windowed, parties, GroupingKeys.of(options));
    PCollection<LocationStatus> statuses = aggregates.statuses();
    PCollection<Divergence> divergence = aggregates.divergence();

    // Partitions this run replaces: its days of claims, its run_date of dead letters, and the
    // start days of every touched window.
    List<String> fixed = new ArrayList<>();
    for (LocalDate d : days) {
      fixed.add(RunDates.partition(BigQueryTableSpec.CLAIMS, d));
    }
    fixed.add(RunDates.partition(BigQueryTableSpec.DEAD_LETTER, days.get(0)));
    PCollection<String> windowPartitions =
        pipeline
            .apply("TouchedWindowsOnce", Create.of("").withCoder(StringUtf8Coder.of()))
            .apply(
                "TouchedWindowPartitions",
                ParDo.of(new WindowPartitionsFn(touched)).withSideInputs(touched));
    // The run days' claims are deleted only once the read-back has them, so the windows they
    // touched are known whichever job BigQuery runs first.
    PCollection<String> runDayPartitions =
        pipeline
            .apply("RunDayPartitions", Create.of(fixed).withCoder(StringUtf8Coder.of()))
            .apply("AfterClaimsReadBack", Wait.on(replacedClaims, storedClaims))
            .setCoder(StringUtf8Coder.of());
    PCollection<String> cleared =
        PCollectionList.of(runDayPartitions)
            .and(windowPartitions)
            .apply("FlattenPartitions", Flatten.pCollections())
            .apply("ClearPartitions", ParDo.of(new ClearPartitionsFn(output, services)));

    Map<String, BigQueryTableSpec> specs = BigQueryTableSpec.all();
    Map<String, Object> noExtras = Map.of();
    PCollection<DeadLetter> rejectedClaims =
        toTableRows(newClaims, "Claims", specs.get(BigQueryTableSpec.CLAIMS), noExtras)
            .apply(
                "WriteClaims",
                new WriteBigQueryTable(output, specs.get(BigQueryTableSpec.CLAIMS), cleared, services));
    PCollection<DeadLetter> rejectedStatuses =
        toTableRows(statuses, "LocationStatus", specs.get(BigQueryTableSpec.LOCATION_STATUS), noExtras)
            .apply(
                "WriteLocationStatus",
                new WriteBigQueryTable(
                    output, specs.get(BigQueryTableSpec.LOCATION_STATUS), cleared, services));
    PCollection<DeadLetter> rejectedDivergence =
        toTableRows(divergence, "Divergence", specs.get(BigQueryTableSpec.DIVERGENCE), noExtras)
            .apply(
                "WriteDivergence",
                new WriteBigQueryTable(
                    output, specs.get(BigQueryTableSpec.DIVERGENCE), cleared, services));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(read.get(ReadArticles.DEAD_LETTERS))
            .and(extractionFailures)
            .and(rejectedClaims)
            .and(rejectedStatuses)
            .and(rejectedDivergence)
            .apply("FlattenDeadLetters", Flatten.pCollections());
    toTableRows(
            deadLetters,
            "DeadLetter",
            specs.get(BigQueryTableSpec.DEAD_LETTER),
            Map.of("run_date", days.get(0).toString()))
        .apply(
            "WriteDeadLetter",
            new WriteBigQueryTable(output, specs.get(BigQueryTableSpec.DEAD_LETTER), cleared, services))
        .apply("CountLostDeadLetters", ParDo.of(new LostDeadLetterFn()));
    return new Outputs(newClaims, statuses, divergence, deadLetters);
  }

  private static PCollectionTuple readArticles(
      Pipeline pipeline, ContestedOptions options, List<String> patterns, BigQueryServices services) {
    int groupingKeys = GroupingKeys.of(options);
    if (options.getInputTable() != null && !options.getInputTable().isBlank()) {
      return pipeline.apply(
          "ReadArticlesTable",
          new ReadArticlesTable(
              options.getInputTable().trim(), options.getColumns(), services, groupingKeys));
    }
    if (patterns.size() == 1) {
      return pipeline.apply(
          "ReadArticles",
          ReadArticles.from(patterns.get(0), options.getFormat(), options.getColumns())
              .withGroupingKeys(groupingKeys));
    }
    PCollectionList<Article> articles = PCollectionList.empty(pipeline);
    PCollectionList<DeadLetter> dead = PCollectionList.empty(pipeline);
    for (int i = 0; i < patterns.size(); i++) {
      PCollectionTuple one =
          pipeline.apply(
              "ReadArticlesDay" + i,
              ReadArticles.from(patterns.get(i), options.getFormat(), options.getColumns())
                  .withGroupingKeys(groupingKeys));
      articles = articles.and(one.get(ReadArticles.ARTICLES));
      dead = dead.and(one.get(ReadArticles.DEAD_LETTERS));
    }
    return PCollectionTuple.of(
            ReadArticles.ARTICLES, articles.apply("FlattenArticles", Flatten.pCollections()))
        .and(ReadArticles.DEAD_LETTERS, dead.apply("FlattenReadDeadLetters", Flatten.pCollections()));
  }

  /** Model records to table rows in the global window, counted as {@code <table>_rows}. */
  private static <T> PCollection<TableRow> toTableRows(
      PCollection<T> records, String name, BigQueryTableSpec spec, Map<String, Object> extras) {
    return records
        .apply("To" + name + "Rows", Convert.toRows())
        .apply(
            "To" + name + "TableRows",
            ParDo.of(new ToTableRowFn(spec, extras)))
        .setCoder(TableRowJsonCoder.of())
        .apply(name + "IntoGlobalWindow", Window.into(new GlobalWindows()));
  }

  /** A model row as a BigQuery row of its table. */
  static class ToTableRowFn extends DoFn<Row, TableRow> {
    private final BigQueryTableSpec spec;
    private final Map<String, Object> extras;
    private final Counter rows;
    private transient com.google.api.services.bigquery.model.TableSchema schema;

    ToTableRowFn(BigQueryTableSpec spec, Map<String, Object> extras) {
      this.spec = spec;
      this.extras = Map.copyOf(extras);
      this.rows = Metrics.counter(ContestedMetrics.NAMESPACE, spec.name() + "_rows");
    }

    @Setup
    public void setup() {
      schema = spec.tableSchema();
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<TableRow> out) {
      rows.inc();
      out.output(TableRows.toTableRow(row, schema, extras));
    }
  }

  /** Keeps articles published on a run day; the others belong to another day's run. */
  static class KeepRunDaysFn extends DoFn<Article, Article> {
    private final Set<LocalDate> days;
    private final Counter outside =
        Metrics.counter(ContestedMetrics.NAMESPACE, "articles_outside_run_dates");

    KeepRunDaysFn(List<LocalDate> days) {
      this.days = new HashSet<>(days);
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Article> out) {
      if (days.contains(a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
        out.output(a);
      } else {
        outside.inc();
      }
    }
  }

  /** The start (epoch millis) of each window a claim lies in. */
  static class WindowStartFn extends DoFn<Claim, Long> {
    @ProcessElement
    public void process(BoundedWindow window, OutputReceiver<Long> out) {
      out.output(((IntervalWindow) window).start().getMillis());
    }
  }

  /** Claims in a window the new claims touch. */
  static class KeepTouchedWindowsFn extends DoFn<Claim, Claim> {
    private final PCollectionView<List<Long>> touched;

    KeepTouchedWindowsFn(PCollectionView<List<Long>> touched) {
      this.touched = touched;
    }

    @ProcessElement
    public void process(
        @Element Claim claim, BoundedWindow window, ProcessContext c, OutputReceiver<Claim> out) {
      if (c.sideInput(touched).contains(((IntervalWindow) window).start().getMillis())) {
        out.output(claim);
      }
    }
  }

  /** The aggregate partitions of the touched windows. */
  static class WindowPartitionsFn extends DoFn<String, String> {
    private final PCollectionView<List<Long>> touched;

    WindowPartitionsFn(PCollectionView<List<Long>> touched) {
      this.touched = touched;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      for (long start : new java.util.TreeSet<>(c.sideInput(touched))) {
        LocalDate day = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
        c.output(RunDates.partition(BigQueryTableSpec.LOCATION_STATUS, day));
        c.output(RunDates.partition(BigQueryTableSpec.DIVERGENCE, day));
      }
    }
  }

  /** Dead letters BigQuery refused too: nowhere left to put them but the log and a counter. */
  static class LostDeadLetterFn extends DoFn<DeadLetter, Void> {
    private final Counter lost = Metrics.counter(ContestedMetrics.NAMESPACE, "dead_letters_lost");

    @ProcessElement
    public void process(@Element DeadLetter d) {
      lost.inc();
      System.err.println("contested: dead_letter row rejected by BigQuery: " + d.reason());
    }
  }
}
