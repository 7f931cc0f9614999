package org.contested.core.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.contested.core.Gazetteer;
import org.contested.core.Place;
import org.contested.model.LocationType;

/**
 * A gazetteer view for an inflected language: Cyrillic names in the text carry case endings
 * ("Курской области", "Великой Новоселки", "под Харьковом") while the gazetteer holds the
 * nominative. When the surface as written finds nothing, each Cyrillic word's ending is replaced
 * by the nominative endings the lexicon lists for it ({@code case_endings}) and the combinations
 * are looked up; spelling variants are still the folding key's job. A surface that is itself a
 * name (Ukrainian "Курське", a village) yields to a clearly more prominent place its de-inflected
 * form names (Russian "в Курске", the city): news names big places far more often.
 */
public final class InflectedNameGazetteer implements Gazetteer {
  private static final com.google.re2j.Pattern WHITESPACE = com.google.re2j.Pattern.compile("\\s+");
  /** At most this many words of a surface are de-inflected (longer names are rare and costly). */
  static final int MAX_WORDS = 3;
  /** At most this many combinations are looked up per surface. */
  static final int MAX_VARIANTS = 48;
  /** The stem left after removing an ending must keep this many letters. */
  static final int MIN_STEM = 3;
  private static final int CACHE_LIMIT = 50_000;

  private final Gazetteer base;
  private final Map<String, List<String>> endings;
  private final int longestEnding;
  private final Map<String, List<Place>> cache = new ConcurrentHashMap<>();

  /**
   * @param endings case ending → the nominative endings it may stand for ("ой" → ["ая", "а"]);
   *     an empty replacement strips the ending ("а" → [""] for "Харькова")
   */
  public InflectedNameGazetteer(Gazetteer base, Map<String, List<String>> endings) {
    this.base = base;
    this.endings = new LinkedHashMap<>();
    endings.forEach((k, v) -> this.endings.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    this.longestEnding = this.endings.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  public Gazetteer base() {
    return base;
  }

  @Override
  public List<Place> lookup(String surface) {
    List<Place> strict = lookupStrict(surface);
    return strict.isEmpty() ? base.lookup(surface) : strict;
  }

  @Override
  public List<Place> lookupStrict(String surface) {
    List<Place> hit = cache.get(surface);
    if (hit == null) {
      hit = resolve(surface);
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(surface, hit);
    }
    return hit;
  }

  private List<Place> resolve(String surface) {
    return preferRegionOverStrayNamesakes(resolveInflection(surface));
  }

  private List<Place> resolveInflection(String surface) {
    List<Place> exact = base.lookupStrict(surface);
    if (!hasCyrillic(surface)) {
      return exact;
    }
    Set<Place> found = new LinkedHashSet<>();
    for (String variant : variants(surface)) {
      found.addAll(base.lookupStrict(variant));
    }
    found.removeAll(exact);
    if (found.isEmpty()) {
      return exact;
    }
    List<Place> inflected = new ArrayList<>(found);
    inflected.sort(GeoNamesGazetteer.RANKING);
    if (exact.isEmpty() || clearlyMoreProminent(inflected.get(0), exact)) {
      return List.copyOf(inflected);
    }
    return exact;
  }

  /**
   * The de-inflected reading wins when its best place ranks before the written one's (kind of
   * place, then population) and is bigger, or is a town ten times its size.
   */
  private static boolean clearlyMoreProminent(Place candidate, List<Place> exact) {
    List<Place> sorted = new ArrayList<>(exact);
    sorted.sort(GeoNamesGazetteer.RANKING);
    Place best = sorted.get(0);
    long biggest = exact.stream().mapToLong(Place::population).max().orElse(0);
    if (GeoNamesGazetteer.RANKING.compare(candidate, best) < 0 && candidate.population() > biggest) {
      return true;
    }
    return candidate.population() >= 10_000 && candidate.population() >= 10 * Math.max(biggest, 1);
  }

  /**
   * A region whose bare name is also a far-away village's ("Крым": Crimea, and Krym in Rostov
   * oblast) is the region; a city named like its own region ("Херсон") stays the city, as the
   * disambiguator's feature-type pass decides for bare names.
   */
  private List<Place> preferRegionOverStrayNamesakes(List<Place> places) {
    List<Place> regions = places.stream().filter(p -> p.type() == LocationType.REGION).toList();
    if (regions.isEmpty() || regions.size() == places.size()) {
      return places;
    }
    for (Place p : places) {
      boolean inside = regions.stream().anyMatch(r -> Objects.equals(r.countryCode(), p.countryCode()) && Objects.equals(r.admin1Code(), p.admin1Code()));
      if (p.type() != LocationType.REGION && (inside || p.population() >= 10_000)) {
        return places;
      }
    }
    return regions;
  }

  /** Nominative candidates of a surface, the surface itself excluded, in a stable order. */
  public List<String> variants(String surface) {
    String[] words = WHITESPACE.split(surface.trim());
    if (words.length == 0 || words.length > MAX_WORDS) {
      return List.of();
    }
    List<String> combos = new ArrayList<>();
    combos.add("");
    for (int w = 0; w < words.length; w++) {
      List<String> forms = wordForms(words[w]);
      List<String> next = new ArrayList<>();
      for (String prefix : combos) {
        for (String f : forms) {
          if (next.size() >= MAX_VARIANTS) {
            break;
          }
          next.add(prefix.isEmpty() ? f : prefix + " " + f);
        }
      }
      combos = next;
    }
    combos.remove(surface.trim());
    return combos;
  }

  /** The word as written, then its nominative candidates (hyphenated words per part). */
  List<String> wordForms(String word) {
    int hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length() - 1) {
      // "Гуляй-Поля": only the last part declines.
      String head = word.substring(0, hyphen + 1);
      List<String> out = new ArrayList<>();
      for (String f : wordForms(word.substring(hyphen + 1))) {
        out.add(head + f);
      }
      return out;
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    if (!hasCyrillic(word)) {
      return List.copyOf(out);
    }
    String lower = word.toLowerCase(Locale.ROOT);
    for (int n = Math.min(longestEnding, lower.length() - MIN_STEM); n >= 1; n--) {
      List<String> replacements = endings.get(lower.substring(lower.length() - n));
      if (replacements == null) {
        continue;
      }
      String stem = word.substring(0, word.length() - n);
      for (String r : replacements) {
        out.add(stem + r);
      }
    }
    return List.copyOf(out);
  }

  static boolean hasCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeBlock.of(s.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int maxNameTokens() {
    return base.maxNameTokens();
  }

  @Override
  public Optional<Place> byId(String id) {
    return base.byId(id);
  }

  @Override
  public Optional<Place> regionOf(Place place) {
    return base.regionOf(place);
  }

  @Override
  public List<Place> regions() {
    return base.regions();
  }
}
