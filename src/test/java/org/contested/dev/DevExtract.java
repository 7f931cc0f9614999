package org.contested.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.contested.core.ConflictProfile;
import org.contested.core.ClaimExtractor;
import org.contested.core.LanguageRoutingExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;

/** Developer tool: runs the core over pool items of a split and writes claims JSONL. */
public class DevExtract {
  public static void main(String[] args) throws Exception {
    Path pool = Path.of(args[0]);
    String split = args[1];
    Path out = Path.of(args[2]);
    Files.createDirectories(out.resolve("claims"));
    ObjectMapper om = new ObjectMapper();
    ClaimExtractor ex = LanguageRoutingExtractor.standard(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(), ConflictProfile.defaultProfile());
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("claims/part-0.jsonl"))) {
      for (String line : Files.readAllLines(pool)) {
        JsonNode n = om.readTree(line);
        if (!split.equals(n.path("split").asText())) continue;
        String pub = n.path("published_at").asText();
        if (n.path("published_at").isNull()) continue;
        Instant at = pub.length() == 10 ? LocalDate.parse(pub).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(pub);
        Article a = new Article(n.path("id").asText(), null, n.path("outlet").asText(), at, n.path("title").asText(""), n.path("text").asText(""), n.path("language").asText("en"), "pool", 0);
        List<Claim> claims = ex.extract(a);
        for (Claim c : claims) {
          ObjectNode o = om.createObjectNode();
          o.put("claim_id", c.claimId()); o.put("article_id", c.articleId()); o.put("claimant", c.claimant()); o.put("claimant_side", c.claimantSide());
          o.put("location_id", c.locationId()); o.put("location_name", c.locationName()); o.put("location_type", c.locationType().name());
          o.put("claim_type", c.claimType().name()); o.put("controller", c.controller()); o.put("polarity", c.polarity().name());
          o.put("percent", c.percent()); o.put("event_date", c.eventDate().toString()); o.put("date_precision", c.datePrecision().name());
          o.put("evidence", c.evidence());
          w.write(om.writeValueAsString(o)); w.newLine();
        }
      }
    }
  }
}
