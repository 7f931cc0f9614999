package org.contested.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.contested.model.Claim;

/**
 * The claims already in the {@code claims} table, read back with BigQueryIO (an export job), split
 * into {@link #OTHER_DAYS} (what the aggregates keep) and {@link #REPLACED} (those published on
 * {@code replacedDays}, which this run writes anew; their windows are recomputed too).
 */
public class ReadClaimsTable extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Claim> OTHER_DAYS =
      new TupleTag<Claim>("ReadClaimsTable.OTHER_DAYS") {};
  public static final TupleTag<Claim> REPLACED = new TupleTag<Claim>("ReadClaimsTable.REPLACED") {};

  private final BigQueryOutput output;
  private final List<LocalDate> replacedDays;
  private final BigQueryServices services;

  /** @param services BigQuery client; null for the real one */
  public ReadClaimsTable(
      BigQueryOutput output, List<LocalDate> replacedDays, BigQueryServices services) {
    this.output = output;
    this.replacedDays = List.copyOf(replacedDays);
    this.services = services;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    BigQueryIO.TypedRead<TableRow> read =
        BigQueryIO.readTableRows()
            .from(output.table(BigQueryTableSpec.CLAIMS))
            .withMethod(BigQueryIO.TypedRead.Method.EXPORT)
            .withoutValidation();
    if (services != null) {
      read = read.withTestServices(services);
    }
    return begin
        .apply("ReadClaimsRows", read)
        .apply(
            "SplitByReplacedDays",
            ParDo.of(new ToClaimFn(replacedDays))
                .withOutputTags(OTHER_DAYS, TupleTagList.of(REPLACED)));
  }

  /** A stored claim, tagged by whether this run replaces its day. */
  static class ToClaimFn extends DoFn<TableRow, Claim> {
    private final Set<LocalDate> replaced;

    ToClaimFn(List<LocalDate> replacedDays) {
      this.replaced = new TreeSet<>(replacedDays);
    }

    @ProcessElement
    public void process(@Element TableRow row, MultiOutputReceiver out) {
      Claim claim = TableRows.toClaim(row);
      boolean isReplaced =
          replaced.contains(claim.publishedAt().atZone(ZoneOffset.UTC).toLocalDate());
      out.get(isReplaced ? REPLACED : OTHER_DAYS).output(claim);
    }
  }
}
