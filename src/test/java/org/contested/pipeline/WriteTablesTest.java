package org.contested.pipeline;

import static org.contested.pipeline.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DeadLetter;
import org.contested.model.Divergence;
import org.contested.model.LocationStatus;
import org.contested.model.Polarity;
import org.contested.model.RecordSchemaProvider;
import org.contested.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTablesTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(true);

  @TempDir Path out;

  private static final Instant START = Instant.parse("2025-11-17T00:00:00Z");
  private static final Instant END = Instant.parse("2025-11-24T00:00:00Z");

  @Test
  void writesOneJsonLinesFolderPerTable() throws IOException {
    Claim partial = claim("c1").says(ClaimType.PARTIAL_CONTROL, "RU", Polarity.AFFIRMED)
        .percent(80).published("2025-11-20T09:15:30.250Z").on("2025-11-19").build();
    Claim unresolved = claim("c2").at(null, "Novoselivka").place(null, null, null).build();
    LocationStatus status = new LocationStatus(START, END, "geonames:1", "Kupiansk",
        SourceKind.CLAIMANT_SIDE, "RU", 3, Map.of("UA", 0.0, "RU", 0.75, "CONTESTED", 0.25),
        "RU", null, Instant.parse("2025-11-18T06:00:00Z"), Instant.parse("2025-11-20T21:00:00Z"));
    Divergence divergence = new Divergence(START, END, "geonames:1", "Kupiansk", "Kharkiv Oblast",
        49.71, 37.61, SourceKind.OUTLET, 2, 5, 0.5, true,
        Map.of("Zeta Wire", "UA", "Alpha Agency", "RU"));
    DeadLetter dead = DeadLetter.of("in.jsonl", 7, "missing \"text\"", "{\"id\": 1}");

    PCollectionTuple.of(WriteTables.CLAIMS, p.apply("Claims", Create.of(partial, unresolved)))
        .and(WriteTables.LOCATION_STATUS, p.apply("Statuses", Create.of(status)))
        .and(WriteTables.DIVERGENCE, p.apply("Divergence", Create.of(divergence)))
        .and(WriteTables.DEAD_LETTER, p.apply("DeadLetters", Create.of(dead)))
        .apply(new WriteTables(out.toString(), 1));
    p.run().waitUntilFinish();

    for (String table : WriteTables.TABLES) {
      try (Stream<Path> files = Files.list(out.resolve(table))) {
        assertEquals(
            List.of("part-00000-of-00001.jsonl"),
            files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList(),
            table);
      }
    }

    assertEquals(
        List.of(
            "{\"source\":\"in.jsonl\",\"position\":7,\"reason\":\"missing \\\"text\\\"\","
                + "\"payload\":\"{\\\"id\\\": 1}\"}"),
        lines("dead_letter"));
    assertEquals(
        List.of(
            "{\"window_start\":\"2025-11-17T00:00:00Z\",\"window_end\":\"2025-11-24T00:00:00Z\","
                + "\"location_id\":\"geonames:1\",\"location_name\":\"Kupiansk\","
                + "\"source_kind\":\"CLAIMANT_SIDE\",\"source\":\"RU\",\"claims\":3,"
                + "\"status_shares\":{\"CONTESTED\":0.25,\"RU\":0.75,\"UA\":0.0},"
                + "\"dominant_status\":\"RU\",\"max_percent\":null,"
                + "\"first_claim_at\":\"2025-11-18T06:00:00Z\","
                + "\"last_claim_at\":\"2025-11-20T21:00:00Z\"}"),
        lines("location_status"));
    assertEquals(
        List.of(
            "{\"window_start\":\"2025-11-17T00:00:00Z\",\"window_end\":\"2025-11-24T00:00:00Z\","
                + "\"location_id\":\"geonames:1\",\"location_name\":\"Kupiansk\","
                + "\"admin1\":\"Kharkiv Oblast\",\"latitude\":49.71,\"longitude\":37.61,"
                + "\"source_kind\":\"OUTLET\",\"sources\":2,\"claims\":5,\"divergence\":0.5,"
                + "\"disagreement\":true,\"views\":{\"Alpha Agency\":\"RU\",\"Zeta Wire\":\"UA\"}}"),
        lines("divergence"));

    // Claims: every schema field, in schema order, with typed values.
    Schema schema = RecordSchemaProvider.schemaOf(Claim.class);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> claims = new ArrayList<>();
    for (String line : lines("claims")) {
      claims.add(json.readTree(line));
    }
    claims.sort((a, b) -> a.get("claim_id").asText().compareTo(b.get("claim_id").asText()));
    assertEquals(2, claims.size());
    for (JsonNode c : claims) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      assertEquals(schema.getFieldNames(), names);
    }
    JsonNode c1 = claims.get(0);
    assertEquals("2025-11-20T09:15:30.250Z", c1.get("published_at").asText());
    assertEquals("2025-11-19", c1.get("event_date").asText());
    assertEquals("PARTIAL_CONTROL", c1.get("claim_type").asText());
    assertTrue(c1.get("percent").isInt());
    assertEquals(80, c1.get("percent").asInt());
    assertTrue(c1.get("confidence").isDouble());
    JsonNode c2 = claims.get(1);
    assertTrue(c2.get("location_id").isNull());
    assertTrue(c2.get("latitude").isNull());
    assertTrue(c2.get("percent").isNull());
  }

  private List<String> lines(String table) throws IOException {
    return Files.readAllLines(out.resolve(table).resolve("part-00000-of-00001.jsonl"));
  }
}
