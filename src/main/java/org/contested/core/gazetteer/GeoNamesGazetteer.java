package org.contested.core.gazetteer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.contested.core.Gazetteer;
import org.contested.core.Place;
import org.contested.model.LocationType;

/**
 * A {@link Gazetteer} over GeoNames data: the bundled extract ({@link #loadDefault()}) or a
 * user's dump in GeoNames' 19-column format ({@code UA.txt}, {@code allCountries.txt},
 * {@code cities500.txt}; plain, gzipped or as GeoNames' zip).
 *
 * <p>Only populated places (feature class P) and first-level regions (class A, code ADM1) are
 * kept; other rows are dropped while streaming, so a 12-million-row dump never sits in memory. The
 * bundled regions (with their English, Ukrainian and Russian forms: "Kharkiv region", "Kharkivska
 * oblast", "Харьковская область") are always loaded; ADM1 rows of a dump add their names to the
 * bundled region of the same country and admin1 code, or become regions of their own.
 *
 * <p>Lookups go through a hash map from {@link NameFolder#fold folded} name to candidates, ranked
 * capital, region capital, region, district centre, other places; then population, then id. When
 * the strict key finds nothing, the {@link NameFolder#looseKey loose key} is tried, keeping only
 * names within a small edit distance of the surface (Zaporozhye finds Zaporizhzhia).
 * Immutable once loaded and safe to share between threads.
 */
public final class GeoNamesGazetteer implements Gazetteer {
  /** Classpath location of the bundled extract built by scripts/build-gazetteer.sh. */
  public static final String DEFAULT_RESOURCE = "/gazetteer/geonames-conflict.tsv.gz";

  /** Names longer than this many tokens are not indexed (long official titles, descriptions). */
  static final int MAX_INDEXED_TOKENS = 6;

  /** Candidate order: the more important kind of place first, then population, then id. */
  public static final Comparator<Place> RANKING =
      Comparator.comparingInt((Place p) -> tier(p.featureCode()))
          .thenComparing(Comparator.comparingLong(Place::population).reversed())
          .thenComparing(Place::id);

  private final String source;
  private final Map<String, List<Place>> byKey;
  private final Map<String, List<LooseEntry>> byLooseKey; // fallback, checked by edit distance
  private final Map<String, Place> byId;
  private final Map<String, Place> regionsByCode;
  private final int maxNameTokens;
  private final long malformedLines;
  /** Folded first words of all indexed names, for a cheap "could a name start here" test. */
  private final Set<String> firstWordKeys;

  private GeoNamesGazetteer(
      String source,
      Map<String, List<Place>> byKey,
      Map<String, List<LooseEntry>> byLooseKey,
      Map<String, Place> byId,
      Map<String, Place> regionsByCode,
      int maxNameTokens,
      long malformedLines,
      Set<String> firstWordKeys) {
    this.source = source;
    this.byKey = byKey;
    this.byLooseKey = byLooseKey;
    this.byId = byId;
    this.regionsByCode = regionsByCode;
    this.maxNameTokens = maxNameTokens;
    this.malformedLines = malformedLines;
    this.firstWordKeys = firstWordKeys;
  }

  /**
   * The bundled extract: UA, RU, BY, MD, GE, neighbours' border bands, and their regions. Loaded
   * once per JVM (it takes a second or two) and shared, since it is immutable.
   */
  public static GeoNamesGazetteer loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final GeoNamesGazetteer INSTANCE = loadBundled();

    private static GeoNamesGazetteer loadBundled() {
      Loader loader = new Loader(Set.of());
      loader.readBundled(false);
      return loader.build("bundled " + DEFAULT_RESOURCE);
    }
  }

  /** A GeoNames dump on disk (plain, .gz or .zip), plus the bundled regions. */
  public static GeoNamesGazetteer load(Path path) {
    return load(path, Set.of());
  }

  /**
   * A GeoNames dump on disk, keeping only the given ISO country codes (all when empty): the way to
   * keep {@code allCountries.txt} within a laptop's memory.
   */
  public static GeoNamesGazetteer load(Path path, Set<String> countries) {
    try (InputStream in = Files.newInputStream(path)) {
      return load(in, path.toString(), countries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + path, e);
    }
  }

  /** A GeoNames dump from a stream (e.g. opened by Beam's FileSystems); {@code name} for errors. */
  public static GeoNamesGazetteer load(InputStream in, String name) {
    return load(in, name, Set.of());
  }

  /** As {@link #load(InputStream, String)}, keeping only the given country codes when non-empty. */
  public static GeoNamesGazetteer load(InputStream in, String name, Set<String> countries) {
    Loader loader = new Loader(countries);
    loader.readBundled(true);
    int before = loader.places.size();
    try {
      loader.read(decode(in, name), name, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + name, e);
    }
    if (loader.places.size() == before && loader.dumpRegions == 0) {
      throw new IllegalArgumentException(
          "no GeoNames populated places or ADM1 rows in "
              + name
              + " (expected 19 tab-separated GeoNames columns"
              + (countries.isEmpty() ? "" : ", countries " + countries)
              + "); malformed lines: "
              + loader.malformed);
    }
    return loader.build(name);
  }

  @Override
  public List<Place> lookup(String surface) {
    String key = NameFolder.fold(surface);
    if (key.isEmpty()) {
      return List.of();
    }
    List<Place> hit = byKey.get(key);
    if (hit != null) {
      return hit;
    }
    String loose = NameFolder.looseKeyOfFolded(key);
    List<LooseEntry> entries = loose.isEmpty() ? null : byLooseKey.get(loose);
    if (entries == null) {
      return List.of();
    }
    List<Place> close = new ArrayList<>();
    for (LooseEntry e : entries) {
      if (!close.contains(e.place()) && NameFolder.closeEnough(key, e.strictKey())) {
        close.add(e.place());
      }
    }
    close.sort(RANKING);
    return List.copyOf(close);
  }

  /** Like {@link #lookup} but without the loose fallback: only strict-key matches. */
  public List<Place> lookupStrict(String surface) {
    return byKey.getOrDefault(NameFolder.fold(surface), List.of());
  }

  @Override
  public boolean mayStartName(String word) {
    String key = NameFolder.fold(word);
    return !key.isEmpty() && firstWordKeys.contains(key);
  }

  @Override
  public int maxNameTokens() {
    return maxNameTokens;
  }

  @Override
  public Optional<Place> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Place> regionOf(Place place) {
    if (place == null || place.admin1Code() == null || place.admin1Code().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(regionsByCode.get(place.countryCode() + "." + place.admin1Code()));
  }

  @Override
  public List<Place> regions() {
    return regionsByCode.values().stream().sorted(Comparator.comparing(Place::id)).toList();
  }

  /** Number of places and regions loaded. */
  public int size() {
    return byId.size();
  }

  /** Lines that looked like data but could not be parsed (too few columns, bad numbers). */
  public long malformedLines() {
    return malformedLines;
  }

  @Override
  public String toString() {
    return "GeoNamesGazetteer[" + source + ", " + byId.size() + " entries]";
  }

  static int tier(String featureCode) {
    return switch (featureCode) {
      case "PPLC" -> 0;
      case "PPLA" -> 1;
      case "ADM1" -> 2;
      case "PPLA2" -> 3;
      case "PPLA3", "PPLA4", "PPLA5", "PPLG" -> 4;
      case "PPLX" -> 6;
      case "PPLH", "PPLQ", "PPLW", "PPLCH" -> 7; // historical, abandoned, destroyed
      default -> 5;
    };
  }

  /** Unwraps gzip and zip by their magic bytes, so names need not carry the right suffix. */
  private static BufferedReader decode(InputStream raw, String name) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    int b3 = in.read();
    in.reset();
    InputStream data = in;
    if (b0 == 0x1f && b1 == 0x8b) {
      data = new GZIPInputStream(in, 1 << 16);
    } else if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
      ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String entryName = entry.getName().toLowerCase(Locale.ROOT);
        if (!entry.isDirectory()
            && entryName.endsWith(".txt")
            && !entryName.contains("readme")) {
          break;
        }
      }
      if (entry == null) {
        throw new IllegalArgumentException("no GeoNames .txt file inside zip " + name);
      }
      data = zip;
    }
    return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
  }

  /** A place under one of its strict keys, for checking loose matches. */
  private record LooseEntry(String strictKey, Place place) {}

  /** A parsed row, held until all regions are known so admin1 names can be filled in. */
  private static final class Row {
    final String id;
    final String name;
    final String featureCode;
    final String countryCode;
    final String admin1Code;
    final double latitude;
    final double longitude;
    final long population;
    final List<String> names;

    Row(String[] c, String id) {
      this.id = id;
      this.name = c[1];
      this.featureCode = c[7];
      this.countryCode = c[8];
      this.admin1Code = c[10];
      this.latitude = Double.parseDouble(c[4]);
      this.longitude = Double.parseDouble(c[5]);
      this.population = c[14].isEmpty() ? 0 : Long.parseLong(c[14]);
      this.names = new ArrayList<>();
      addNames(c);
    }

    void addNames(String[] c) {
      names.add(c[1]);
      if (!c[2].isEmpty()) {
        names.add(c[2]);
      }
      if (!c[3].isEmpty()) {
        for (String alt : c[3].split(",")) {
          String n = alt.trim();
          if (NameFolder.isIndexable(n)) {
            names.add(n);
          }
        }
      }
    }
  }

  private static final class Loader {
    final Set<String> countries;
    final List<Row> places = new ArrayList<>();
    final Map<String, Row> regions = new LinkedHashMap<>(); // "UA.07" -> region row
    final Map<String, String> interned = new HashMap<>();
    // Village names repeat (Ivanivka, Ивановка ...): fold each distinct name once per load.
    final Map<String, String> foldCache = new HashMap<>();
    final Set<String> firstWordKeys = new HashSet<>();
    long malformed;
    int dumpRegions;

    Loader(Set<String> countries) {
      this.countries =
          countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void readBundled(boolean regionsOnly) {
      InputStream in = GeoNamesGazetteer.class.getResourceAsStream(DEFAULT_RESOURCE);
      if (in == null) {
        throw new IllegalStateException(
            "bundled gazetteer missing from classpath: " + DEFAULT_RESOURCE);
      }
      try (BufferedReader reader = decode(in, DEFAULT_RESOURCE)) {
        read(reader, DEFAULT_RESOURCE, regionsOnly);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled gazetteer", e);
      }
    }

    void read(BufferedReader reader, String name, boolean regionsOnly) throws IOException {
      boolean bundled = name.equals(DEFAULT_RESOURCE);
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        // Cheap pre-filter on the feature class (column 7) before splitting the whole line.
        String featureClass = field(line, 6);
        boolean place = "P".equals(featureClass);
        if (!(place || "A".equals(featureClass)) || (place && regionsOnly)) {
          if (featureClass == null) {
            malformed++;
          }
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length < 15 || (!place && !"ADM1".equals(c[7]))) {
          if (c.length < 15) {
            malformed++;
          }
          continue;
        }
        if (!bundled && !countries.isEmpty() && !countries.contains(c[8])) {
          continue;
        }
        String id = idOf(c[0]);
        if (id == null) {
          malformed++;
          continue;
        }
        Row row;
        try {
          row = new Row(intern(c), id);
        } catch (NumberFormatException e) {
          malformed++;
          continue;
        }
        if (place) {
          places.add(row);
        } else {
          String code = c[8] + "." + c[10];
          Row known = regions.get(code);
          if (known == null) {
            regions.put(code, row);
          } else {
            known.names.addAll(row.names); // a dump's names for a bundled region
          }
          if (!bundled) {
            dumpRegions++;
          }
        }
      }
    }

    GeoNamesGazetteer build(String source) {
      Map<String, Place> byId = new HashMap<>();
      Map<String, Place> regionsByCode = new LinkedHashMap<>();
      Map<String, List<Place>> byKey = new HashMap<>();
      Map<String, List<LooseEntry>> byLooseKey = new HashMap<>();
      int[] maxTokens = {1};
      for (Map.Entry<String, Row> e : regions.entrySet()) {
        Row r = e.getValue();
        Place p =
            new Place(
                r.id, r.name, LocationType.REGION, "ADM1", r.countryCode, r.admin1Code, r.name,
                r.latitude, r.longitude, r.population);
        regionsByCode.put(e.getKey(), p);
        byId.put(p.id(), p);
        index(p, r.names, byKey, byLooseKey, maxTokens);
      }
      for (int i = 0; i < places.size(); i++) {
        Row r = places.get(i);
        places.set(i, null); // let rows go as soon as they are indexed
        Place region = regionsByCode.get(r.countryCode + "." + r.admin1Code);
        Place p =
            new Place(
                r.id, r.name, LocationType.SETTLEMENT, r.featureCode, r.countryCode,
                r.admin1Code, region == null ? null : region.name(), r.latitude, r.longitude,
                r.population);
        byId.put(p.id(), p);
        index(p, r.names, byKey, byLooseKey, maxTokens);
      }
      foldCache.clear();
      return new GeoNamesGazetteer(
          source,
          freeze(byKey),
          freezeLoose(byLooseKey),
          byId,
          regionsByCode,
          maxTokens[0],
          malformed,
          Set.copyOf(firstWordKeys));
    }

    private void index(
        Place p,
        List<String> names,
        Map<String, List<Place>> byKey,
        Map<String, List<LooseEntry>> byLooseKey,
        int[] maxTokens) {
      Set<String> keys = new LinkedHashSet<>();
      Map<String, String> looseKeys = new LinkedHashMap<>(); // strict key -> loose key
      for (String n : names) {
        int tokens = NameFolder.tokenCount(n);
        if (tokens > MAX_INDEXED_TOKENS) {
          continue;
        }
        String key = foldCache.computeIfAbsent(n, NameFolder::fold);
        if (key.isEmpty()) {
          continue;
        }
        if (keys.add(key)) {
          maxTokens[0] = Math.max(maxTokens[0], tokens);
          String first = NameFolder.firstWord(n);
          firstWordKeys.add(first.equals(n) ? key : foldCache.computeIfAbsent(first, NameFolder::fold));
          String loose = NameFolder.looseKeyOfFolded(key);
          if (!loose.isEmpty()) {
            looseKeys.put(key, loose);
          }
        }
      }
      for (String k : keys) {
        byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(p);
      }
      for (Map.Entry<String, String> k : looseKeys.entrySet()) {
        byLooseKey.computeIfAbsent(k.getValue(), x -> new ArrayList<>(1))
            .add(new LooseEntry(k.getKey(), p));
      }
    }

    private static Map<String, List<Place>> freeze(Map<String, List<Place>> index) {
      index.replaceAll(
          (k, v) -> {
            v.sort(RANKING);
            return List.copyOf(v);
          });
      return index;
    }

    private static Map<String, List<LooseEntry>> freezeLoose(Map<String, List<LooseEntry>> index) {
      index.replaceAll((k, v) -> List.copyOf(v));
      return index;
    }

    /** Shares the few distinct codes between millions of rows. */
    private String[] intern(String[] c) {
      for (int i : new int[] {7, 8, 10}) {
        c[i] = interned.computeIfAbsent(c[i], x -> x);
      }
      return c;
    }

    private static String idOf(String raw) {
      if (raw.isEmpty()) {
        return null;
      }
      if (raw.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return "geonames:" + raw;
      }
      return raw.startsWith("geonames-admin1:") ? raw : null;
    }

    /** The n-th tab-separated field of a line, or null when the line has fewer fields. */
    private static String field(String line, int n) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        start = line.indexOf('\t', start) + 1;
        if (start == 0) {
          return null;
        }
      }
      int end = line.indexOf('\t', start);
      return end < 0 ? line.substring(start) : line.substring(start, end);
    }
  }
}
