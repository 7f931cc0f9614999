package org.contested.pipeline;

import java.util.List;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.contested.model.Claim;
import org.contested.model.DeadLetter;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;

/**
 * Writes the four tables under one directory, one folder each ({@code claims/}, {@code
 * location_status/}, {@code divergence/}, {@code dead_letter/}), as JSON Lines files named {@code
 * part-SSSSS-of-NNNNN.jsonl} ({@link JsonRows} format). Each table's rows are counted as {@code
 * <table>_rows}.
 */
public class WriteTables extends PTransform<PCollectionTuple, PDone> {
  public static final TupleTag<Claim> CLAIMS = new TupleTag<Claim>("WriteTables.CLAIMS") {};
  public static final TupleTag<LocationStatus> LOCATION_STATUS =
      new TupleTag<LocationStatus>("WriteTables.LOCATION_STATUS") {};
  public static final TupleTag<Divergence> DIVERGENCE =
      new TupleTag<Divergence>("WriteTables.DIVERGENCE") {};
  public static final TupleTag<DeadLetter> DEAD_LETTER =
      new TupleTag<DeadLetter>("WriteTables.DEAD_LETTER") {};

  /** Table (folder) names, in the order they are written. */
  public static final List<String> TABLES =
      List.of("claims", "location_status", "divergence", "dead_letter");

  private final String outputDir;
  private final int numShards;

  /**
   * @param outputDir local directory or gs:// prefix
   * @param numShards files per table; 0 lets the runner decide
   */
  public WriteTables(String outputDir, int numShards) {
    this.outputDir = outputDir;
    this.numShards = numShards;
  }

  /** The file prefix of a table under an output directory. */
  public static String prefix(String outputDir, String table) {
    String dir = outputDir.endsWith("/") ? outputDir : outputDir + "/";
    return dir + table + "/part";
  }

  @Override
  public PDone expand(PCollectionTuple tables) {
    tables.get(CLAIMS).apply("WriteClaims", new WriteJsonl<>(outputDir, "claims", numShards));
    tables.get(LOCATION_STATUS).apply("WriteLocationStatus", new WriteJsonl<>(outputDir, "location_status", numShards));
    tables.get(DIVERGENCE).apply("WriteDivergence", new WriteJsonl<>(outputDir, "divergence", numShards));
    tables.get(DEAD_LETTER).apply("WriteDeadLetter", new WriteJsonl<>(outputDir, "dead_letter", numShards));
    return PDone.in(tables.getPipeline());
  }

  /** One table: schema rows to JSON lines, written in the global window. */
  public static class WriteJsonl<T> extends PTransform<PCollection<T>, PDone> {
    private final String outputDir;
    private final String table;
    private final int numShards;

    /** Writes {@code <outputDir>/<table>/part-*.jsonl}; the input needs a schema. */
    public WriteJsonl(String outputDir, String table, int numShards) {
      this.outputDir = outputDir;
      this.table = table;
      this.numShards = numShards;
    }

    @Override
    public PDone expand(PCollection<T> rows) {
      // Aggregates arrive windowed; their window is a column already, and one set of files per
      // table is wanted, not one per window.
      TextIO.Write write =
          TextIO.write().to(prefix(outputDir, table)).withSuffix(".jsonl");
      if (numShards > 0) {
        write = write.withNumShards(numShards);
      }
      rows.apply("ToRows", Convert.toRows())
          .apply("ToJson", ParDo.of(new ToJsonFn(table + "_rows")))
          .apply("IntoGlobalWindow", Window.into(new GlobalWindows()))
          .apply("WriteFiles", write);
      return PDone.in(rows.getPipeline());
    }
  }

  /** A row as one JSON line, counted. */
  static class ToJsonFn extends DoFn<Row, String> {
    private final Counter rows;

    ToJsonFn(String counter) {
      this.rows = Metrics.counter(ContestedMetrics.NAMESPACE, counter);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<String> out) {
      rows.inc();
      out.output(JsonRows.toJson(row));
    }
  }
}
