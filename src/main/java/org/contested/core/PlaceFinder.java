package org.contested.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contested.core.text.Sentence;
import org.contested.core.text.Token;

/**
 * Finds gazetteer names in a sentence: the longest capitalised token run that the gazetteer
 * knows, skipping names that are party aliases used as metonyms ("Kyiv denies", "Moscow says"),
 * stop words and names that head a facility ("Zaporizhzhia nuclear plant", "Kerch bridge").
 * Not thread-safe (it caches lookups): one per extractor.
 */
public final class PlaceFinder {
  private static final Set<String> REGION_NOUNS = Set.of("region", "oblast", "province");
  private final Gazetteer gazetteer;
  private final Lexicon lexicon;
  private final ConflictProfile profile;
  // Surfaces recur across articles ("Donetsk region", "Russian Defence"): their folded lookups too.
  private final Map<String, List<Place>> lookups = new HashMap<>();
  private final Map<String, Boolean> starts = new HashMap<>();
  private static final int LOOKUP_CACHE_LIMIT = 100_000;

  public PlaceFinder(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile) {
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
    this.profile = profile;
  }

  public List<PlaceMention> find(Sentence sentence, String text) {
    List<Token> t = sentence.tokens();
    List<PlaceMention> out = new ArrayList<>();
    int max = Math.max(1, Math.min(gazetteer.maxNameTokens(), 6));
    long words = t.stream().filter(Token::isWord).count();
    long capitals = t.stream().filter(x -> x.isWord() && x.isCapitalized()).count();
    boolean titleCase = words >= 4 && capitals * 2 > words;
    int i = 0;
    while (i < t.size()) {
      Token first = t.get(i);
      if (!first.isCapitalized() || !first.isWord()) {
        i++;
        continue;
      }
      // Most capitalised words start no name at all: one set lookup instead of up to six folds.
      if (!mayStartName(firstWord(text, first.start()))) {
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
        // One known word inside a longer capitalised name ("Myrna Dolina", "Volodymyr Zelenskyy") is not that place.
        if (!titleCase && partOfLongerName(t, i, i + n)) {
          continue;
        }
        String surface = text.substring(first.start(), last.end());
        List<Place> candidates = lookup(surface);
        if (!candidates.isEmpty()) {
          found = new PlaceMention(i, i + n, surface, candidates, null, null);
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      PlaceMention around = regionAround(t, found, text);
      if (around != null) {
        out.add(around);
      } else if (keep(t, found)) {
        out.add(found);
      }
      i = found.end();
    }
    addPlaceAliases(t, text, out);
    return out;
  }

  /**
   * "smoke over the occupied peninsula": a noun the profile ties to one place names it when it is
   * definite or qualified ("the peninsula", "occupied peninsula"), never inside another name.
   */
  private void addPlaceAliases(List<Token> t, String text, List<PlaceMention> out) {
    for (int i = 1; i < t.size(); i++) {
      String place = profile.placeAliases.get(t.get(i).lower());
      final int at = i;
      if (place == null || t.get(i).isCapitalized() || out.stream().anyMatch(m -> m.start() <= at && at < m.end())) {
        continue;
      }
      String before = t.get(i - 1).lower();
      boolean definite = before.equals("the") || before.equals("occupied") || before.equals("annexed") || before.endsWith("ий")
          || before.endsWith("ый") || before.endsWith("ом");
      List<Place> candidates = gazetteer.lookupStrict(place).stream()
          .filter(p -> p.type() == org.contested.model.LocationType.REGION).toList();
      if (definite && !candidates.isEmpty()) {
        out.add(new PlaceMention(i, i + 1, text.substring(t.get(i).start(), t.get(i).end()), candidates, null, null));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
  }

  /** "the region around Kyiv" is the city's oblast, whatever the city's name stands for elsewhere. */
  private PlaceMention regionAround(List<Token> t, PlaceMention m, String text) {
    int k = m.start() - 1;
    if (k < 1 || !t.get(k).lower().equals("around") || !lexicon.placeNouns.contains(t.get(k - 1).lower())
        || !REGION_NOUNS.contains(t.get(k - 1).lower())) {
      return null;
    }
    // The region named after the city ("Kyiv Oblast", not the city's own unit "Kyiv City"), else the city's region.
    List<Place> regions = gazetteer.lookupStrict(m.surface() + " Oblast").stream()
        .filter(p -> p.type() == org.contested.model.LocationType.REGION).toList();
    if (regions.isEmpty()) {
      regions = m.candidates().stream().filter(p -> p.type() == org.contested.model.LocationType.SETTLEMENT)
          .map(gazetteer::regionOf).flatMap(java.util.Optional::stream).distinct().toList();
    }
    if (regions.size() != 1) {
      return null;
    }
    Token noun = t.get(k - 1);
    Token last = t.get(m.end() - 1);
    return new PlaceMention(k - 1, m.end(), text.substring(noun.start(), last.end()), regions, null, null);
  }

  /**
   * The word of the text at {@code start}: letters, digits, apostrophes and accents, so up to its
   * first space, hyphen or punctuation; without a possessive 's.
   */
  static String firstWord(String text, int start) {
    int end = start;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (!(Character.isLetterOrDigit(c) || c == '\'' || c == '’' || Character.getType(c) == Character.NON_SPACING_MARK)) {
        break;
      }
      end++;
    }
    if (end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
        && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) {
      end -= 2;
    }
    return text.substring(start, end);
  }

  private boolean keep(List<Token> t, PlaceMention m) {
    boolean isRegion = m.candidates().stream().anyMatch(p -> p.type() == org.contested.model.LocationType.REGION)
        && m.end() - m.start() > 1;
    // A party alias ("Kyiv", "Moscow") names the government unless it is spelled as a region.
    if (!isRegion && profile.partyAt(t, m.start(), null) != null
        && profile.partyAt(t, m.start(), null).length() >= m.end() - m.start()) {
      return false;
    }
    // "the Bucha-Hostomel line": one half of a hyphenated compound is not the place.
    boolean hyphenAfter = m.end() + 1 < t.size() && t.get(m.end()).text().equals("-") && t.get(m.end() - 1).end() == t.get(m.end()).start()
        && t.get(m.end()).end() == t.get(m.end() + 1).start() && t.get(m.end() + 1).isCapitalized();
    boolean hyphenBefore = m.start() >= 2 && t.get(m.start() - 1).text().equals("-") && t.get(m.start() - 2).isCapitalized()
        && t.get(m.start() - 2).end() == t.get(m.start() - 1).start() && t.get(m.start() - 1).end() == t.get(m.start()).start()
        && profile.partyAt(t, m.start() - 2, null) == null;
    if (hyphenAfter && profile.partyAt(t, m.end() + 1, null) == null || hyphenBefore) {
      return false;
    }
    // "Zaporizhzhia nuclear power plant", "Kerch bridge", "Bakhmut direction": not the place.
    if (m.end() < t.size() && lexicon.facilityHeads.contains(t.get(m.end()).lower())) {
      return false;
    }
    // Adjectival "Crimean", "Kharkivite" forms are not the place; only exact tokens were matched.
    return true;
  }

  private boolean partOfLongerName(List<Token> t, int start, int end) {
    boolean nextName = end < t.size() && t.get(end).isCapitalized() && t.get(end).isWord()
        && !lexicon.stopNames.contains(t.get(end).lower()) && !lexicon.placeNouns.contains(t.get(end).lower())
        && !lexicon.facilityHeads.contains(t.get(end).lower()) && lookup(t.get(end).text()).isEmpty();
    boolean prevName = start > 0 && t.get(start - 1).isCapitalized() && t.get(start - 1).isWord()
        && !lexicon.stopNames.contains(t.get(start - 1).lower()) && profile.partyAt(t, start - 1, null) == null
        && !lexicon.facilityHeads.contains(t.get(start - 1).lower()) && lookup(t.get(start - 1).text()).isEmpty()
        && start - 1 > 0;
    return nextName || prevName;
  }

  private boolean mayStartName(String word) {
    Boolean known = starts.get(word);
    if (known == null) {
      if (starts.size() >= LOOKUP_CACHE_LIMIT) {
        starts.clear();
      }
      known = gazetteer.mayStartName(word);
      starts.put(word, known);
    }
    return known;
  }

  private List<Place> lookup(String surface) {
    List<Place> hit = lookups.get(surface);
    if (hit == null) {
      if (lookups.size() >= LOOKUP_CACHE_LIMIT) {
        lookups.clear();
      }
      hit = gazetteer.lookupStrict(surface);
      lookups.put(surface, hit);
    }
    return hit;
  }

  /** Whether the gazetteer knows a surface name at all (strictly). */
  public boolean known(String surface) {
    return !lookup(surface).isEmpty();
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
