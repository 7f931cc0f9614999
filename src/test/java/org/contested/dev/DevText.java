package org.contested.dev;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.contested.core.ConflictProfile;
import org.contested.core.ClaimExtractor;
import org.contested.core.LanguageRoutingExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;

/**
 * Developer tool: prints the claims of each argument text (published 2025-11-20, outlet "Outlet").
 * Options before the texts: {@code --lang=ru} (default en), {@code --outlet=NAME}.
 */
public class DevText {
  public static void main(String[] args) {
    ClaimExtractor ex = LanguageRoutingExtractor.standard(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(),
        ConflictProfile.defaultProfile());
    String language = "en";
    String outlet = "Outlet";
    for (String text : args) {
      if (text.startsWith("--lang=")) {
        language = text.substring(7);
        continue;
      }
      if (text.startsWith("--outlet=")) {
        outlet = text.substring(9);
        continue;
      }
      Article a = new Article("x", null, outlet, LocalDate.of(2025, 11, 20).atStartOfDay(ZoneOffset.UTC).toInstant(),
          "", text, language, "dev", 0);
      System.out.println("## " + text);
      for (Claim c : ex.extract(a)) {
        System.out.printf("  %s [%s] %s %s %s by %s (%s) %s %s %s%n", c.locationName(), c.locationId(), c.claimType(),
            c.controller(), c.polarity(), c.claimant(), c.claimantSide(), c.eventDate(), c.datePrecision(),
            c.percent() == null ? "" : c.percent() + "%");
      }
    }
  }
}
