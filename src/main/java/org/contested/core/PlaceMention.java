package org.contested.core;

import java.util.List;

/**
 * A place named in a sentence: tokens [start, end), the surface text and the gazetteer
 * candidates (empty when the name is not in the gazetteer). {@code resolved} is the chosen
 * candidate or null, with {@code why} saying which disambiguation pass chose it or why none did.
 */
public record PlaceMention(int start, int end, String surface, List<Place> candidates, Place resolved, String why) {
  public PlaceMention withResolution(Place place, String reason) {
    return new PlaceMention(start, end, surface, candidates, place, reason);
  }
}
