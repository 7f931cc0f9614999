package org.contested.core;

import java.util.ArrayList;
import java.util.List;
import org.contested.core.text.Sentence;
import org.contested.core.text.Token;

/**
 * Finds gazetteer names in a sentence: the longest capitalised token run that the gazetteer
 * knows, skipping names that are party aliases used as metonyms ("Kyiv denies", "Moscow says"),
 * stop words and names that head a facility ("Zaporizhzhia nuclear plant", "Kerch bridge").
 */
public final class PlaceFinder {
  private final Gazetteer gazetteer;
  private final Lexicon lexicon;
  private final ConflictProfile profile;

  public PlaceFinder(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile) {
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
    this.profile = profile;
  }

  public List<PlaceMention> find(Sentence sentence, String text) {
    List<Token> t = sentence.tokens();
    List<PlaceMention> out = new ArrayList<>();
    int max = Math.max(1, Math.min(gazetteer.maxNameTokens(), 6));
    int i = 0;
    while (i < t.size()) {
      Token first = t.get(i);
      if (!first.isCapitalized() || !first.isWord()) {
        i++;
        continue;
      }
      PlaceMention found = null;
      for (int n = Math.min(max, t.size() - i); n >= 1 && found == null; n--) {
        Token last = t.get(i + n - 1);
        if (!last.isWord()) {
          continue;
        }
        if (n == 1 && lexicon.stopNames.contains(first.lower())) {
          continue;
        }
        String surface = text.substring(first.start(), last.end());
        List<Place> candidates = gazetteer.lookup(surface);
        if (!candidates.isEmpty()) {
          found = new PlaceMention(i, i + n, surface, candidates, null, null);
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      if (keep(t, found)) {
        out.add(found);
      }
      i = found.end();
    }
    return out;
  }

  private boolean keep(List<Token> t, PlaceMention m) {
    boolean isRegion = m.candidates().stream().anyMatch(p -> p.type() == org.contested.model.LocationType.REGION)
        && m.end() - m.start() > 1;
    // A party alias ("Kyiv", "Moscow") names the government unless it is spelled as a region.
    if (!isRegion && profile.partyAt(t, m.start(), null) != null
        && profile.partyAt(t, m.start(), null).length() >= m.end() - m.start()) {
      return false;
    }
    // "Zaporizhzhia nuclear power plant", "Kerch bridge", "Bakhmut direction": not the place.
    if (m.end() < t.size() && lexicon.facilityHeads.contains(t.get(m.end()).lower())) {
      return false;
    }
    // Adjectival "Crimean", "Kharkivite" forms are not the place; only exact tokens were matched.
    return true;
  }

  /** Capitalised tokens at {@code i} that look like a name the gazetteer lacks: tokens [i, end). */
  public int unknownNameEnd(List<Token> t, int i) {
    int j = i;
    while (j < t.size() && j - i < 3 && t.get(j).isCapitalized() && t.get(j).isWord()
        && !lexicon.stopNames.contains(t.get(j).lower()) && profile.partyAt(t, j, null) == null
        && !lexicon.facilityHeads.contains(t.get(j).lower())) {
      j++;
    }
    return j;
  }
}
