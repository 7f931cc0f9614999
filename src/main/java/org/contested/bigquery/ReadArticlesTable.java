package org.contested.bigquery;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.TableRow;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.io.ColumnMapping;
import org.contested.io.JsonLinesParser;
import org.contested.io.OpenNlpLanguageGuesser;
import org.contested.io.ParseResult;
import org.contested.io.ReadArticles;
import org.contested.model.Article;

/**
 * Articles from a BigQuery table ({@code --inputTable}), read with BigQueryIO: each row goes
 * through the same {@code --columns} mapping and article rules as a JSON Lines record, so the
 * outputs and counters are those of {@link ReadArticles} ({@link ReadArticles#ARTICLES}, {@link
 * ReadArticles#DEAD_LETTERS}). A dead letter's payload is the row as JSON.
 */
public class ReadArticlesTable extends PTransform<PBegin, PCollectionTuple> {
  private final String table;
  private final String columns;
  private final BigQueryServices services;
  private final int groupingKeys;

  /**
   * @param table PROJECT:DATASET.TABLE or PROJECT.DATASET.TABLE
   * @param services BigQuery client; null for the real one
   * @param groupingKeys the articles are spread over this many keys for extraction
   */
  public ReadArticlesTable(String table, String columns, BigQueryServices services, int groupingKeys) {
    this.table = table;
    this.columns = columns;
    this.services = services;
    this.groupingKeys = groupingKeys;
    ColumnMapping mapping = ColumnMapping.parse(columns);
    if (mapping.positional()) {
      throw new IllegalArgumentException(
          "--columns with $positions cannot read --inputTable; name the table's columns");
    }
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    BigQueryIO.TypedRead<TableRow> read =
        BigQueryIO.readTableRows()
            .from(table)
            .withMethod(BigQueryIO.TypedRead.Method.EXPORT);
    if (services != null) {
      read = read.withTestServices(services);
    }
    return begin
        .apply("ReadArticleRows", read)
        .apply("SpreadArticleRows", Reshuffle.<TableRow>viaRandomKey().withNumBuckets(groupingKeys))
        .apply(
            "ParseArticleRows",
            ParDo.of(new ParseRowFn("bigquery:" + table, columns))
                .withOutputTags(ReadArticles.ARTICLES, TupleTagList.of(ReadArticles.DEAD_LETTERS)));
  }

  /** One table row as one JSON record through {@link JsonLinesParser}. */
  static class ParseRowFn extends DoFn<TableRow, Article> {
    private final Counter recordsRead =
        Metrics.counter(ReadArticles.METRICS_NAMESPACE, ReadArticles.RECORDS_READ);
    private final Counter articles =
        Metrics.counter(ReadArticles.METRICS_NAMESPACE, ReadArticles.ARTICLES_COUNTER);
    private final Counter deadLetters =
        Metrics.counter(ReadArticles.METRICS_NAMESPACE, ReadArticles.DEAD_LETTERS_COUNTER);
    private final String source;
    private final String columns;
    private transient JsonLinesParser parser;

    ParseRowFn(String source, String columns) {
      this.source = source;
      this.columns = columns;
    }

    @Setup
    public void setup() {
      parser = new JsonLinesParser(ColumnMapping.parse(columns), OpenNlpLanguageGuesser.create());
    }

    @ProcessElement
    public void process(@Element TableRow row, MultiOutputReceiver out) {
      recordsRead.inc();
      ParseResult r = parser.parseLine(toJson(row), source, 0);
      if (r.isArticle()) {
        articles.inc();
        out.get(ReadArticles.ARTICLES).output(r.article());
      } else {
        deadLetters.inc();
        out.get(ReadArticles.DEAD_LETTERS).output(r.deadLetter());
      }
    }

    /** Keys sorted; BigQuery's "yyyy-MM-dd HH:mm:ss UTC" timestamps become ISO-8601. */
    static String toJson(TableRow row) {
      Map<String, Object> sorted = new TreeMap<>();
      row.forEach(
          (k, v) -> {
            if (v instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? UTC")) {
              sorted.put(k, TableRows.timestamp(s).toString());
            } else {
              sorted.put(k, v);
            }
          });
      TableRow copy = new TableRow();
      copy.putAll(sorted);
      copy.setFactory(GsonFactory.getDefaultInstance());
      return copy.toString();
    }
  }
}
