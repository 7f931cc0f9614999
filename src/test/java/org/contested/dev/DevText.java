package org.contested.dev;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.contested.core.ConflictProfile;
import org.contested.core.Lexicon;
import org.contested.core.RuleClaimExtractor;
import org.contested.core.gazetteer.GeoNamesGazetteer;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.model.Article;
import org.contested.model.Claim;

/** Developer tool: prints the claims of each argument text (published 2025-11-20, outlet "Outlet"). */
public class DevText {
  public static void main(String[] args) {
    RuleClaimExtractor ex = new RuleClaimExtractor(new OpenNlpAnalyzer(), GeoNamesGazetteer.loadDefault(),
        Lexicon.english(), ConflictProfile.defaultProfile());
    for (String text : args) {
      Article a = new Article("x", null, "Outlet", LocalDate.of(2025, 11, 20).atStartOfDay(ZoneOffset.UTC).toInstant(),
          "", text, "en", "dev", 0);
      System.out.println("## " + text);
      for (Claim c : ex.extract(a)) {
        System.out.printf("  %s [%s] %s %s %s by %s (%s) %s %s %s%n", c.locationName(), c.locationId(), c.claimType(),
            c.controller(), c.polarity(), c.claimant(), c.claimantSide(), c.eventDate(), c.datePrecision(),
            c.percent() == null ? "" : c.percent() + "%");
      }
    }
  }
}
