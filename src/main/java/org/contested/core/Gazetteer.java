package org.contested.core;

import java.util.List;
import java.util.Optional;

/** Looks up places by any of their names (variant spellings fold to one key). */
public interface Gazetteer {
  /** All places one of whose names folds to the same key as {@code surface}; empty if none. */
  List<Place> lookup(String surface);

  /** Candidates whose name folds to exactly the surface's key, without looser fallbacks. */
  default List<Place> lookupStrict(String surface) {
    return lookup(surface);
  }

  /**
   * Whether some name of the gazetteer begins with this word (up to its first space or hyphen),
   * as folded for lookups. A cheap screen for text that cannot name a place; gazetteers that
   * cannot tell answer true.
   */
  default boolean mayStartName(String word) {
    return true;
  }

  /** The longest name, in whitespace-separated tokens, so finders know how far to look. */
  int maxNameTokens();

  Optional<Place> byId(String id);

  /** The first-level region a place lies in, when the gazetteer has it. */
  Optional<Place> regionOf(Place place);

  /** All first-level regions the gazetteer knows, e.g. for "villages of X region" claims. */
  default List<Place> regions() {
    return List.of();
  }
}
