package org.contested.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.StructType.StructField;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.NameResolutionMode;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateViewStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reporting views under pipelines/bigquery/views, analyzed by ZetaSQL (BigQuery's SQL
 * front end, in-process through zetasql-jni-channel) against the tables' schema files: a typo, a
 * renamed column or a type error in a view fails here.
 */
class ReportingViewsTest {
  private static final Path VIEWS = Path.of("pipelines", "bigquery", "views");
  private static final String PREFIX = "my-project.contested";

  private static SimpleCatalog catalog;
  private static AnalyzerOptions options;

  @BeforeAll
  static void catalogOfTheTables() {
    LanguageOptions language = new LanguageOptions().enableMaximumLanguageFeatures();
    language.setSupportsAllStatementKinds();
    // BigQuery's dialect: external types only (INT64, FLOAT64), strict name resolution.
    language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
    language.setNameResolutionMode(NameResolutionMode.NAME_RESOLUTION_DEFAULT);
    options = new AnalyzerOptions();
    options.setLanguageOptions(language);
    catalog = new SimpleCatalog("bigquery");
    catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    for (BigQueryTableSpec spec : BigQueryTableSpec.all().values()) {
      String name = PREFIX + "." + spec.name();
      SimpleTable table = new SimpleTable(name);
      for (TableFieldSchema f : spec.tableSchema().getFields()) {
        table.addSimpleColumn(f.getName(), type(f));
      }
      catalog.addSimpleTable(name, table);
    }
  }

  /** A BigQuery column type as ZetaSQL's; REPEATED becomes ARRAY, RECORD a STRUCT. */
  static Type type(TableFieldSchema f) {
    Type element = switch (f.getType()) {
      case "STRING" -> TypeFactory.createSimpleType(TypeKind.TYPE_STRING);
      case "INTEGER", "INT64" -> TypeFactory.createSimpleType(TypeKind.TYPE_INT64);
      case "FLOAT", "FLOAT64" -> TypeFactory.createSimpleType(TypeKind.TYPE_DOUBLE);
      case "BOOLEAN", "BOOL" -> TypeFactory.createSimpleType(TypeKind.TYPE_BOOL);
      case "TIMESTAMP" -> TypeFactory.createSimpleType(TypeKind.TYPE_TIMESTAMP);
      case "DATE" -> TypeFactory.createSimpleType(TypeKind.TYPE_DATE);
      case "RECORD", "STRUCT" -> {
        List<StructField> fields = new ArrayList<>();
        for (TableFieldSchema sub : f.getFields()) {
          fields.add(new StructField(sub.getName(), type(sub)));
        }
        yield TypeFactory.createStructType(fields);
      }
      default -> throw new AssertionError("no ZetaSQL type for " + f.getType());
    };
    return "REPEATED".equals(f.getMode()) ? TypeFactory.createArrayType(element) : element;
  }

  static Stream<Path> views() throws Exception {
    return Files.list(VIEWS).filter(p -> p.toString().endsWith(".sql")).sorted();
  }

  private static String sql(Path file) throws Exception {
    String text = Files.readString(file)
        .replace("${PROJECT}", "my-project").replace("${DATASET}", "contested").strip();
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  private static ResolvedCreateViewStmt analyze(String sql) {
    ResolvedStatement stmt = Analyzer.analyzeStatement(sql, options, catalog);
    assertTrue(stmt instanceof ResolvedCreateViewStmt, stmt.getClass().getName());
    return (ResolvedCreateViewStmt) stmt;
  }

  private static List<String> columns(ResolvedCreateViewStmt view) {
    return view.getOutputColumnList().stream().map(c -> c.getName()).toList();
  }

  @ParameterizedTest
  @MethodSource("views")
  void viewAnalyzesAgainstTheTableSchemas(Path file) throws Exception {
    ResolvedCreateViewStmt view = analyze(sql(file));
    String name = file.getFileName().toString().replace(".sql", "");
    assertEquals(List.of(PREFIX + "." + name), view.getNamePath(),
        "a view file creates the view it is named after");
    assertTrue(view.getOutputColumnList().size() >= 5);
  }

  @Test
  void theDashboardViewsAreAllThere() throws Exception {
    assertEquals(
        List.of("confirmation_lag.sql", "most_contested_now.sql", "place_timeline.sql",
            "source_agreement.sql"),
        views().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void viewsExposeTheColumnsDashboardsUse() throws Exception {
    ResolvedCreateViewStmt now = analyze(sql(VIEWS.resolve("most_contested_now.sql")));
    assertTrue(columns(now).containsAll(List.of("contest_rank", "location_id", "divergence",
        "views_by_side")), columns(now).toString());
    ResolvedCreateViewStmt lag = analyze(sql(VIEWS.resolve("confirmation_lag.sql")));
    int i = columns(lag).indexOf("lag_hours");
    assertTrue(i >= 0, columns(lag).toString());
    ResolvedColumn lagHours = lag.getOutputColumnList().get(i).getColumn();
    assertEquals(TypeKind.TYPE_INT64, lagHours.getType().getKind());
    ResolvedCreateViewStmt agreement = analyze(sql(VIEWS.resolve("source_agreement.sql")));
    assertTrue(columns(agreement).containsAll(List.of("source_a", "source_b", "agreement_rate",
        "mean_overlap")), columns(agreement).toString());
  }

  @Test
  void aRenamedColumnOrATypoFails() throws Exception {
    String timeline = sql(VIEWS.resolve("place_timeline.sql"));
    SqlException renamed = assertThrows(SqlException.class,
        () -> analyze(timeline.replace("c.claimant_side", "c.claimant_party")));
    assertTrue(renamed.getMessage().contains("claimant_party"), renamed.getMessage());
    assertThrows(SqlException.class, () -> analyze(timeline.replace("GROUP BY", "GROUP BYY")));
    // A type error: a TIMESTAMP compared with a number.
    String now = sql(VIEWS.resolve("most_contested_now.sql"));
    assertThrows(SqlException.class,
        () -> analyze(now.replace("TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)", "30")));
  }
}
