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
import org.apache.beam.sdk.values.PCollection;
import org.contested.model.Claim;

/**
 * The claims already in the {@code claims} table, read back with BigQueryIO (an export job),
 * minus those published on {@code replacedDays}: this run writes those days anew, so the claims
 * the aggregates see are exactly the table as it will be after the run, whichever of the read and
 * the partition replacement happens first.
 */
public class ReadClaimsTable extends PTransform<PBegin, PCollection<Claim>> {
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
  public PCollection<Claim> expand(PBegin begin) {
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
        .apply("ToClaimsOfOtherDays", ParDo.of(new ToClaimFn(replacedDays)));
  }

  /** A stored claim, unless it was published on a day this run replaces. */
  static class ToClaimFn extends DoFn<TableRow, Claim> {
    private final Set<LocalDate> replaced;

    ToClaimFn(List<LocalDate> replacedDays) {
      this.replaced = new TreeSet<>(replacedDays);
    }

    @ProcessElement
    public void process(@Element TableRow row, OutputReceiver<Claim> out) {
      Claim claim = TableRows.toClaim(row);
      if (!replaced.contains(claim.publishedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
        out.output(claim);
      }
    }
  }
}
