package org.contested.core;

import org.contested.core.gazetteer.NameFolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.contested.model.LocationType;

/**
 * Chooses one gazetteer candidate for a place mention as an ordered chain of small named passes;
 * each pass narrows the candidates and the chosen one carries the names of the passes that
 * decided. When several same-named villages remain with nothing to tell them apart, the mention is
 * left unresolved with that reason: a wrong id is worse than none.
 */
public final class Disambiguator {
  /** What a pass may look at besides the candidates. */
  public record Context(boolean regionWordInSurface, Set<String> regionsNamed, List<String> theatreCountries) {}

  /** One step of the chain: returns the candidates it keeps (never empty if given non-empty). */
  public interface Pass {
    String name();

    List<Place> apply(List<Place> candidates, Context context);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Disambiguator.class);
  private final List<Pass> passes;

  public Disambiguator(List<Pass> passes) {
    this.passes = List.copyOf(passes);
  }

  public static Disambiguator standard() {
    return new Disambiguator(List.of(
        filterPass("feature-type", (p, c) -> (p.type() == LocationType.REGION) == c.regionWordInSurface()),
        filterPass("region-context", (p, c) -> c.regionsNamed().contains(p.admin1())),
        new TheatreCountryPass(),
        new ProminencePass()));
  }

  public PlaceMention resolve(PlaceMention mention, Context context) {
    PlaceMention resolved = choose(mention, context);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} -> {} ({})", mention.surface(), resolved.resolved() == null ? "unresolved" : resolved.resolved().id(), resolved.why());
    }
    return resolved;
  }

  private PlaceMention choose(PlaceMention mention, Context context) {
    List<Place> remaining = mention.candidates();
    List<String> deciding = new ArrayList<>();
    for (Pass pass : passes) {
      if (remaining.size() <= 1) {
        break;
      }
      List<Place> kept = pass.apply(remaining, context);
      if (!kept.isEmpty() && kept.size() < remaining.size()) {
        deciding.add(pass.name());
        remaining = kept;
      }
    }
    if (remaining.isEmpty()) {
      return mention.withResolution(null, "not in gazetteer");
    }
    if (remaining.size() == 1 && foreignAlias(remaining.get(0), mention.surface(), context)) {
      // Măieru (Romania) lists "Makarivka" among its alternate names: not the Makarivka of a war report.
      return mention.withResolution(null, "only a place outside the theatre has the alias " + mention.surface());
    }
    if (remaining.size() > 1) {
      return mention.withResolution(null, "ambiguous: " + remaining.size() + " places named " + mention.surface() + " and no context to choose");
    }
    return mention.withResolution(remaining.get(0), deciding.isEmpty() ? "unique" : String.join(" > ", deciding));
  }

  private static boolean foreignAlias(Place p, String surface, Context context) {
    return !context.theatreCountries().isEmpty() && !context.theatreCountries().contains(p.countryCode())
        && !NameFolder.fold(p.name()).equals(NameFolder.fold(surface));
  }

  interface BiPredicate2 {
    boolean test(Place p, Context c);
  }

  static Pass filterPass(String name, BiPredicate2 keep) {
    return new Pass() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Place> apply(List<Place> candidates, Context context) {
        Predicate<Place> p = x -> keep.test(x, context);
        List<Place> kept = candidates.stream().filter(p).toList();
        return kept.isEmpty() ? candidates : kept;
      }
    };
  }

  /** Places in the conflict's own countries first, in the profile's order. */
  static final class TheatreCountryPass implements Pass {
    @Override
    public String name() {
      return "theatre-country";
    }

    @Override
    public List<Place> apply(List<Place> candidates, Context context) {
      for (String country : context.theatreCountries()) {
        List<Place> kept = candidates.stream().filter(p -> country.equals(p.countryCode())).toList();
        if (!kept.isEmpty()) {
          return kept;
        }
      }
      return candidates;
    }
  }

  /**
   * A city or town clearly bigger than its namesakes wins ("Pokrovsk" is the Donetsk-region town);
   * same-named villages of similar size stay ambiguous.
   */
  static final class ProminencePass implements Pass {
    static final long TOWN = 10_000;

    @Override
    public String name() {
      return "prominence";
    }

    @Override
    public List<Place> apply(List<Place> candidates, Context context) {
      Place top = candidates.get(0);
      for (Place p : candidates) {
        if (rank(p) > rank(top)) {
          top = p;
        }
      }
      long second = 0;
      for (Place p : candidates) {
        if (p != top) {
          second = Math.max(second, p.population());
        }
      }
      boolean seat = top.featureCode() != null && top.featureCode().startsWith("PPLA");
      if (seat || top.type() == LocationType.REGION || (top.population() >= TOWN && top.population() >= 3 * Math.max(second, 1))) {
        return List.of(top);
      }
      return candidates;
    }

    private static long rank(Place p) {
      long bonus = p.featureCode() != null && p.featureCode().startsWith("PPLA") ? 100_000_000L : 0;
      return bonus + p.population();
    }
  }
}
