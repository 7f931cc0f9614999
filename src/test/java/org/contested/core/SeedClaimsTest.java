package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The claims the project was started for, from the seed articles as ../shared/eval/pool.jsonl gives them. */
class SeedClaimsTest {
  private static final List<Claim> claims = new ArrayList<>();

  @BeforeAll
  static void extractSeeds() throws Exception {
    Path pool = Path.of(System.getProperty("contested.shared", "../shared"), "eval", "pool.jsonl");
    Assumptions.assumeTrue(Files.exists(pool), "../shared is not beside the checkout");
    RuleClaimExtractor extractor = new RuleClaimExtractor(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(),
        Lexicon.english(), ConflictProfile.defaultProfile());
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(pool)) {
      JsonNode n = json.readTree(line);
      if (!n.path("id").asText().startsWith("seed-") || n.path("published_at").isNull()) {
        continue;
      }
      Article a = new Article(n.path("id").asText(), null, n.path("outlet").asText(), Instant.parse(n.path("published_at").asText()),
          n.path("title").asText(""), n.path("text").asText(""), "en", "pool.jsonl", 0);
      claims.addAll(extractor.extract(a));
    }
  }

  private static void assertClaim(String place, String type, String controller, String polarity, Integer percent, String side,
      String date, String precision) {
    boolean found = claims.stream().anyMatch(c -> c.locationId() != null && c.locationName().equals(place)
        && c.claimType().name().equals(type) && String.valueOf(c.controller()).equals(String.valueOf(controller))
        && c.polarity().name().equals(polarity) && (percent == null || percent.equals(c.percent()))
        && (side == null || side.equals(c.claimantSide())) && (date == null || c.eventDate().toString().equals(date))
        && (precision == null || c.datePrecision().name().equals(precision)));
    assertTrue(found, place + " " + type + " " + controller + " " + polarity + " " + percent + " " + side + " " + date
        + " not among " + claims.stream().map(c -> c.locationName() + " " + c.claimType() + " " + c.controller() + " "
        + c.polarity() + " " + c.percent() + " " + c.claimantSide() + " " + c.eventDate()).toList());
  }

  @Test
  void kupianskTakenByTheRussianSide() {
    assertClaim("Kupiansk", "CONTROL", "RU", "AFFIRMED", null, "RU", "2025-11-20", "DAY");
  }

  @Test
  void vovchanskAndPokrovskPartlyHeldWithPercent() {
    assertClaim("Vovchansk", "PARTIAL_CONTROL", "RU", "AFFIRMED", 80, "RU", null, null);
    assertClaim("Pokrovsk", "PARTIAL_CONTROL", "RU", "AFFIRMED", 70, "RU", null, null);
  }

  @Test
  void ukraineDeniesAndSaysContested() {
    for (String town : List.of("Vovchansk", "Pokrovsk")) {
      assertClaim(town, "CONTROL", "RU", "DENIED", null, "UA", null, null);
      assertClaim(town, "CONTESTED", null, "AFFIRMED", null, "UA", null, null);
    }
  }

  @Test
  void kupianskRetakenInSeptember2022() {
    assertClaim("Kupiansk", "CONTROL", "UA", "AFFIRMED", null, null, "2022-09-01", "MONTH");
  }
}
