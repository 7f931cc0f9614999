package org.contested.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDataTest {
  @TempDir Path tmp;

  static final String POOL =
      String.join(
              "\n",
              "{\"id\":\"a\",\"outlet\":\"X\",\"title\":\"Troops enter"
                  + " Izium\",\"text\":\"\",\"language\":\"en\",\"collection\":\"news\",\"split\":\"dev\"}",
              "{\"id\":\"b\",\"outlet\":\"X\",\"title\":\"Weather\",\"text\":\"Rain.\",\"language\":\"en\",\"collection\":\"news\",\"split\":\"test\"}",
              "",
              "{\"id\":\"c\",\"outlet\":\"W\",\"title\":\"\",\"text\":\"Lyman was"
                  + " retaken.\",\"language\":\"en\",\"collection\":\"wiki\",\"split\":\"dev\"}",
              "{\"id\":\"d\",\"outlet\":\"W\",\"title\":\"\",\"text\":\"Unlabelled.\",\"language\":\"en\",\"collection\":\"wiki\",\"split\":\"dev\"}")
          + "\n";

  static final String GOLD =
      String.join(
              "\n",
              "{\"id\":\"a\",\"claims\":[{\"location\":\"Izium\",\"geonameid\":5,\"claim_type\":\"PARTIAL_CONTROL\",\"controller\":\"UA\",\"polarity\":\"AFFIRMED\",\"claimant\":\"X\",\"claimant_side\":\"OTHER\",\"event_date\":\"2022-09-10\",\"date_precision\":\"DAY\",\"percent\":null}]}",
              "{\"id\":\"b\",\"claims\":[]}",
              "{\"id\":\"c\",\"claims\":[{\"location\":\"Lyman\",\"geonameid\":6,\"claim_type\":\"CONTROL\",\"controller\":\"UA\",\"polarity\":\"AFFIRMED\",\"claimant\":\"W\",\"claimant_side\":\"OTHER\",\"event_date\":\"2022-10-01\",\"date_precision\":\"MONTH\",\"percent\":null}]}")
          + "\n";

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static String claimLine(
      String articleId, String locationId, String name, String type, String controller) {
    return String.format(
        "{\"claim_id\":\"%s-%s\",\"article_id\":\"%s\",\"location_id\":%s,\"location_name\":\"%s\","
            + "\"location_type\":\"SETTLEMENT\",\"claim_type\":\"%s\",\"controller\":%s,\"polarity\":\"AFFIRMED\","
            + "\"claimant\":\"X\",\"claimant_side\":\"OTHER\",\"event_date\":\"2022-09-10\",\"date_precision\":\"DAY\","
            + "\"percent\":null,\"evidence\":\"...\"}",
        articleId,
        name,
        articleId,
        locationId == null ? "null" : "\"" + locationId + "\"",
        name,
        type,
        controller == null ? "null" : "\"" + controller + "\"");
  }

  @Test
  void extractsSplitLinesVerbatim() throws IOException {
    Path pool = write(tmp.resolve("pool.jsonl"), POOL);
    Path out = tmp.resolve("x/dev.jsonl");
    assertEquals(3, EvalData.extractSplit(pool, "dev", null, null, out));
    List<String> lines = Files.readAllLines(out);
    assertEquals(List.of(POOL.split("\n")[0], POOL.split("\n")[3], POOL.split("\n")[4]), lines);

    assertEquals(2, EvalData.extractSplit(pool, "dev", Set.of("a", "c", "b"), null, out));
    assertTrue(Files.readString(out).contains("\"id\":\"c\""));
    assertEquals(2, EvalData.extractSplit(pool, "dev", null, "wiki", tmp.resolve("w.jsonl")));
    assertEquals(0, EvalData.extractSplit(pool, "train", null, null, tmp.resolve("none.jsonl")));
  }

  @Test
  void labelledItemsAreSplitItemsWithGoldEntries() throws IOException {
    Map<String, EvalData.PoolItem> pool = EvalData.readPool(write(tmp.resolve("pool.jsonl"), POOL));
    Map<String, List<GoldClaim>> gold = EvalData.readGold(write(tmp.resolve("gold.jsonl"), GOLD));
    List<EvalItem> dev = EvalData.labelledItems(pool, gold, "dev", null);
    assertEquals(List.of("a", "c"), dev.stream().map(EvalItem::id).toList());
    assertEquals(
        List.of("b"),
        EvalData.labelledItems(pool, gold, "test", null).stream().map(EvalItem::id).toList());
    assertEquals(
        List.of("c"),
        EvalData.labelledItems(pool, gold, "dev", "wiki").stream().map(EvalItem::id).toList());
    GoldClaim izium = dev.get(0).gold().get(0);
    assertEquals(5L, izium.geonameid());
    assertEquals(ClaimType.PARTIAL_CONTROL, izium.claimType());
    assertEquals(DatePrecision.DAY, izium.datePrecision());
    assertTrue(gold.get("b").isEmpty());
  }

  @Test
  void malformedGoldNamesFileAndLine() throws IOException {
    Path bad =
        write(
            tmp.resolve("gold.jsonl"), GOLD + "{\"id\":\"e\",\"claims\":[{\"location\":\"X\"}]}\n");
    IOException e = assertThrows(IOException.class, () -> EvalData.readGold(bad));
    assertTrue(e.getMessage().contains("gold.jsonl:4"), e.getMessage());
  }

  @Test
  void readsShardsOfARunDirectorySkippingMarkers() throws IOException {
    Path claims = tmp.resolve("run/claims");
    write(
        claims.resolve("claims-00000-of-00002.jsonl"),
        claimLine("a", "geonames:5", "Izium", "PARTIAL_CONTROL", "UA")
            + "\n"
            + "not json\n"
            + claimLine("c", null, "Lyman", "CONTROL", "UA")
            + "\n");
    try (OutputStream gz =
        new GZIPOutputStream(
            Files.newOutputStream(claims.resolve("claims-00001-of-00002.jsonl.gz")))) {
      gz.write(
          (claimLine("c", "geonames:6", "Lyman", "CONTESTED", null) + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    write(claims.resolve("_SUCCESS"), "garbage that is not a claim\n");
    write(claims.resolve(".claims-00000-of-00002.jsonl.crc"), "garbage\n");
    write(
        tmp.resolve("run/divergence/part-0.jsonl"),
        claimLine("a", null, "Elsewhere", "CONTROL", "RU") + "\n");

    // The run directory means its claims/ table; the table directory and a glob work too.
    for (String arg :
        List.of(tmp.resolve("run").toString(), claims.toString(), claims + "/claims-*")) {
      EvalData.Predictions p = EvalData.readPredictions(arg);
      assertEquals(2, p.files().size(), arg);
      assertEquals(3, p.rows(), arg);
      assertEquals(1, p.problems().size(), arg);
      assertTrue(
          p.problems().get(0).contains("claims-00000-of-00002.jsonl:2"), p.problems().get(0));
      assertEquals(1, p.byArticle().get("a").size());
      assertEquals(2, p.byArticle().get("c").size());
    }
    Prediction izium = EvalData.readPredictions(claims.toString()).byArticle().get("a").get(0);
    assertEquals(5L, izium.geonameid());
    assertEquals(LocationType.SETTLEMENT, izium.locationType());
    assertEquals(LocalDate.of(2022, 9, 10), izium.eventDate());
    Prediction contested = EvalData.readPredictions(claims.toString()).byArticle().get("c").get(1);
    assertNull(contested.controller());
  }

  @Test
  void missingPredictionsAreAnError() throws IOException {
    assertThrows(IOException.class, () -> EvalData.readPredictions(tmp.resolve("nope").toString()));
    Files.createDirectories(tmp.resolve("empty/claims"));
    assertThrows(
        IOException.class, () -> EvalData.readPredictions(tmp.resolve("empty").toString()));
  }

  @Test
  void acceptsDateEncodingsAndRejectsBadValues() throws IOException {
    ObjectMapper json = new ObjectMapper();
    LocalDate expected = LocalDate.of(2024, 2, 29);
    assertEquals(expected, EvalData.date(json.readTree("{\"d\":\"2024-02-29\"}"), "d"));
    assertEquals(expected, EvalData.date(json.readTree("{\"d\":\"2024-02-29T00:00:00Z\"}"), "d"));
    assertEquals(expected, EvalData.date(json.readTree("{\"d\":[2024,2,29]}"), "d"));
    assertEquals(
        expected, EvalData.date(json.readTree("{\"d\":" + expected.toEpochDay() + "}"), "d"));
    assertThrows(
        IllegalArgumentException.class,
        () -> EvalData.date(json.readTree("{\"d\":\"2024-02-30\"}"), "d"));
    assertThrows(
        IllegalArgumentException.class,
        () -> EvalData.parsePrediction(json.readTree(claimLine("a", null, "X", "CAPTURED", "RU"))));
  }
}
