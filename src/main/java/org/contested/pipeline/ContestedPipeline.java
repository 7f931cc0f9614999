package org.contested.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.contested.beam.ExtractControlClaims;
import org.contested.bigquery.BigQueryOutput;
import org.contested.io.ReadArticles;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.DeadLetter;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;

/**
 * The contested pipeline: articles, to claims, to each source's view of each location per window,
 * to how far those views diverge; four tables and a run summary under {@code --output}.
 *
 * <pre>
 * ReadArticles ── ARTICLES ── ExtractControlClaims ── CLAIMS ── CountClaims ──┬── claims/
 *      │                              │                                     WindowClaims
 *      │                              │                                   ComputeViews ──┬── location_status/
 *      │                              │                                                  └── divergence/
 *      │                      DEAD_LETTERS ── CountExtractionFailures
 *  DEAD_LETTERS ────────────────── FlattenDeadLetters ───────────────────────── dead_letter/
 * </pre>
 */
public final class ContestedPipeline {
  private ContestedPipeline() {}

  /** What the graph produces, for tests and callers that add steps. */
  public record Outputs(
      PCollection<Claim> claims,
      PCollection<LocationStatus> locationStatus,
      PCollection<Divergence> divergence,
      PCollection<DeadLetter> deadLetters) {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(ContestedOptions.class);
    ContestedOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ContestedOptions.class);
      OptionsValidation.validate(options);
      FileSystems.setDefaultPipelineOptions(options);
      if (BigQueryOutput.isBigQuery(options.getOutput())) {
        runInBigQuery(options);
        return;
      }
      checkInputMatches(options.getInput());
      OptionsValidation.checkResources(options);
    } catch (IllegalArgumentException e) {
      System.err.println("contested: " + firstLine(e.getMessage()));
      System.exit(2);
      return;
    }
    try {
      RunSummary summary = run(options);
      System.out.print(summary.toText());
    } catch (RuntimeException | IOException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      System.err.println("contested: pipeline failed: " + root);
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  /** A scheduled run into BigQuery (see {@link CloudRun}); exits like {@link #main}. */
  private static void runInBigQuery(ContestedOptions options) {
    try {
      Map<String, Long> counters = CloudRun.run(options, null);
      counters.forEach((k, v) -> System.out.println(k + ": " + v));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      System.err.println("contested: pipeline failed: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /**
   * Validates the options, runs the pipeline to completion and writes {@code run.json}.
   *
   * @throws IllegalArgumentException on a bad option, before anything runs
   */
  public static RunSummary run(ContestedOptions options) throws IOException {
    long started = System.currentTimeMillis();
    OptionsValidation.validate(options);
    if (BigQueryOutput.isBigQuery(options.getOutput())) {
      throw new IllegalArgumentException(
          "--output=" + options.getOutput() + " is a BigQuery run: use CloudRun.run");
    }
    FileSystems.setDefaultPipelineOptions(options);
    checkInputMatches(options.getInput());
    OptionsValidation.checkResources(options);
    clearTables(options.getOutput());
    Preload.forOptions(options);

    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options);
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended " + state);
    }
    RunSummary summary =
        RunSummary.collect(options, result.metrics(), started, System.currentTimeMillis());
    summary.writeJson(options.getOutput());
    return summary;
  }

  /** Applies the whole graph, including the table writes, to {@code pipeline}. */
  public static Outputs buildPipeline(Pipeline pipeline, ContestedOptions options) {
    PCollectionTuple read =
        pipeline.apply(
            "ReadArticles",
            ReadArticles.from(options.getInput(), options.getFormat(), options.getColumns())
                .withGroupingKeys(GroupingKeys.of(options)));
    PCollection<Article> articles = read.get(ReadArticles.ARTICLES);
    PCollectionTuple extracted =
        articles.apply(
            "ExtractControlClaims",
            new ExtractControlClaims(options.getGazetteer(), options.getProfile(), options.getPrefilter()));
    return aggregateAndWrite(
        extracted.get(ExtractControlClaims.CLAIMS),
        read.get(ReadArticles.DEAD_LETTERS),
        extracted.get(ExtractControlClaims.DEAD_LETTERS),
        options);
  }

  /**
   * Everything after extraction: counts, windows, aggregates, the dead-letter sink and the table
   * writes. Separate from {@link #buildPipeline} so it can run on hand-made claims.
   */
  public static Outputs aggregateAndWrite(
      PCollection<Claim> extractedClaims,
      PCollection<DeadLetter> readDeadLetters,
      PCollection<DeadLetter> extractionDeadLetters,
      ContestedOptions options) {
    WindowSpec.parse(options.getWindow(), options.getEvery());
    List<String> parties = OptionsValidation.parties(options.getParties());

    PCollection<Claim> claims =
        extractedClaims
            .apply("CountClaims", ParDo.of(new CountClaimsFn(new StatusMapping(parties))))
            .setCoder(extractedClaims.getCoder());
    PCollection<DeadLetter> extractionFailures =
        count(extractionDeadLetters, "CountExtractionFailures", ContestedMetrics.EXTRACTION_FAILURES);
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(readDeadLetters)
            .and(extractionFailures)
            .apply("FlattenDeadLetters", Flatten.pCollections());

    PCollection<Claim> windowed =
        claims.apply("WindowClaims", new WindowClaims(options.getWindow(), options.getEvery()));
    Aggregates aggregates = aggregate(windowed, parties, GroupingKeys.of(options));
    PCollection<LocationStatus> statuses = aggregates.statuses();
    PCollection<Divergence> divergence = aggregates.divergence();

    PCollectionTuple.of(WriteTables.CLAIMS, claims)
        .and(WriteTables.LOCATION_STATUS, statuses)
        .and(WriteTables.DIVERGENCE, divergence)
        .and(WriteTables.DEAD_LETTER, deadLetters)
        .apply("WriteTables", new WriteTables(options.getOutput(), options.getNumShards()));
    return new Outputs(claims, statuses, divergence, deadLetters);
  }

  /** Each source's view of each location per window, and how far the views diverge. */
  record Aggregates(PCollection<LocationStatus> statuses, PCollection<Divergence> divergence) {}

  /** The aggregation steps shared by the local and the daily cloud graph, on windowed claims. */
  static Aggregates aggregate(PCollection<Claim> windowed, List<String> parties, int groupingKeys) {
    PCollectionTuple views =
        windowed.apply("ComputeViews", new ComputeViews(parties, groupingKeys));
    return new Aggregates(views.get(ComputeViews.STATUSES), views.get(ComputeViews.DIVERGENCE));
  }

  private static <T> PCollection<T> count(PCollection<T> in, String step, String counter) {
    Coder<T> coder = in.getCoder();
    return in.apply(step, ParDo.of(new CountFn<T>(counter))).setCoder(coder);
  }

  /** Passes elements through, counting them. */
  static class CountFn<T> extends DoFn<T, T> {
    private final Counter counter;

    CountFn(String name) {
      this.counter = Metrics.counter(ContestedMetrics.NAMESPACE, name);
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      counter.inc();
      out.output(element);
    }
  }

  /**
   * Passes claims through, counting them once each (before windowing copies them) and counting
   * those the status mapping cannot place.
   */
  static class CountClaimsFn extends DoFn<Claim, Claim> {
    private final StatusMapping mapping;
    private final Counter claims =
        Metrics.counter(ContestedMetrics.NAMESPACE, ContestedMetrics.CLAIMS);
    private final Counter unmapped =
        Metrics.counter(ContestedMetrics.NAMESPACE, ContestedMetrics.UNMAPPED_CLAIMS);

    CountClaimsFn(StatusMapping mapping) {
      this.mapping = mapping;
    }

    @ProcessElement
    public void process(@Element Claim claim, OutputReceiver<Claim> out) {
      claims.inc();
      if (mapping.distribution(claim) == null) {
        unmapped.inc();
      }
      out.output(claim);
    }
  }

  /** Fails early, in one line, when the input pattern names nothing. */
  static void checkInputMatches(String input) {
    MatchResult match;
    try {
      match = FileSystems.match(input, EmptyMatchTreatment.ALLOW);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot list --input=" + input + ": " + e.getMessage());
    }
    try {
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        throw new IllegalArgumentException("--input=" + input + " matches no files");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list --input=" + input + ": " + e.getMessage());
    }
  }

  /** Removes shards of an earlier run so a run with fewer shards leaves no stale files. */
  static void clearTables(String outputDir) throws IOException {
    for (String table : WriteTables.TABLES) {
      MatchResult m =
          FileSystems.match(WriteTables.prefix(outputDir, table) + "-*", EmptyMatchTreatment.ALLOW);
      if (m.status() != MatchResult.Status.OK) {
        continue;
      }
      List<ResourceId> old = m.metadata().stream().map(md -> md.resourceId()).toList();
      if (!old.isEmpty()) {
        FileSystems.delete(old, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid arguments";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
