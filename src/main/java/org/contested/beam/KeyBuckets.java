package org.contested.beam;

/**
 * Stable bucket numbers for grouping keys. Grouping by a bucket of ids instead of by each id keeps
 * the number of keys small: the DirectRunner carries every key of a {@code GroupByKey} as its own
 * bundle through the rest of the graph, which made per-id and per-location grouping cost
 * milliseconds per key. Distributed runners still get one group per bucket and window.
 */
public final class KeyBuckets {
  /** Enough parallel groups for a few hundred worker threads of a distributed runner. */
  public static final int DISTRIBUTED = 256;

  private KeyBuckets() {}

  /** The bucket of {@code key} in {@code [0, buckets)}: the same in every JVM and on every run. */
  public static int of(String key, int buckets) {
    int h = key.hashCode(); // specified by the JLS, so stable across JVMs
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return Math.floorMod(h, buckets);
  }
}
