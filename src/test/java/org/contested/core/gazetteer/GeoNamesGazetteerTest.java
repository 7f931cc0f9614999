package org.contested.core.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.contested.core.Place;
import org.contested.model.LocationType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoNamesGazetteerTest {
  private static GeoNamesGazetteer bundled;

  @BeforeAll
  static void loadBundled() {
    bundled = GeoNamesGazetteer.loadDefault();
  }

  private static Place first(GeoNamesGazetteer g, String surface) {
    List<Place> hits = g.lookup(surface);
    assertFalse(hits.isEmpty(), () -> "no candidates for " + surface);
    return hits.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kupiansk", "Kupyansk", "Kup'yansk", "Купянск", "Куп'янськ"})
  void kupianskResolves(String surface) {
    Place p = first(bundled, surface);
    assertEquals("geonames:703656", p.id());
    assertEquals(LocationType.SETTLEMENT, p.type());
    assertEquals("UA", p.countryCode());
  }

  @Test
  void bakhmutAndItsOldName() {
    assertEquals("geonames:713174", first(bundled, "Bakhmut").id());
    assertEquals("geonames:713174", first(bundled, "Artemivsk").id());
    assertEquals("geonames:713174", first(bundled, "Artemovsk").id());
  }

  @Test
  void pokrovskInDonetskOblastRanksFirst() {
    List<Place> hits = bundled.lookup("Pokrovsk");
    assertTrue(hits.size() > 1, "other places are called Pokrovsk too: " + hits);
    Place top = hits.get(0);
    assertEquals("geonames:704422", top.id());
    assertEquals("Donetsk Oblast", top.admin1());
    assertEquals("geonames:704422", first(bundled, "Krasnoarmeysk").id());
    assertEquals("geonames:704422", first(bundled, "Krasnoarmiisk").id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kharkiv Oblast",
        "Kharkiv region",
        "Kharkivska oblast",
        "Kharkivs'ka Oblast'",
        "Kharkovskaya oblast",
        "Харківська область",
        "Харьковская область",
        "Kharkivshchyna"
      })
  void kharkivRegionNamesResolveToTheRegion(String surface) {
    Place p = first(bundled, surface);
    assertEquals("geonames-admin1:UA.07", p.id());
    assertEquals(LocationType.REGION, p.type());
    assertEquals("Kharkiv Oblast", p.name());
    assertEquals("ADM1", p.featureCode());
  }

  @Test
  void bareCityNameIsTheCityBeforeTheRegion() {
    Place kharkiv = first(bundled, "Kharkiv");
    assertEquals(LocationType.SETTLEMENT, kharkiv.type());
    assertEquals("PPLA", kharkiv.featureCode());
    assertEquals("Kharkiv Oblast", kharkiv.admin1());
    assertEquals("Kharkiv", first(bundled, "Харків").name());

    Place kherson = first(bundled, "Kherson");
    assertEquals(LocationType.SETTLEMENT, kherson.type());
    assertEquals("Kherson Oblast", kherson.admin1());
    assertEquals("geonames-admin1:UA.08", first(bundled, "Kherson region").id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Crimea", "Autonomous Republic of Crimea", "Krym", "Крым"})
  void crimeaIsTheRegion(String surface) {
    Place p = first(bundled, surface);
    assertEquals("geonames-admin1:UA.11", p.id());
    assertEquals(LocationType.REGION, p.type());
  }

  @Test
  void russianFormOfZaporizhzhiaFindsTheCity() {
    Place city = first(bundled, "Zaporizhzhia");
    assertEquals("geonames:687700", city.id());
    assertEquals(city, first(bundled, "Zaporozhye"));
    assertEquals(city, first(bundled, "Запорожье"));
    assertEquals("geonames-admin1:UA.26", first(bundled, "Zaporizhzhia Oblast").id());
  }

  @Test
  void settlementsCarryTheirOblastsEnglishName() {
    Place kupiansk = bundled.byId("geonames:703656").orElseThrow();
    assertEquals("07", kupiansk.admin1Code());
    assertEquals("Kharkiv Oblast", kupiansk.admin1());
    Place region = bundled.regionOf(kupiansk).orElseThrow();
    assertEquals("geonames-admin1:UA.07", region.id());
    assertEquals("Kharkiv Oblast", region.admin1());
    assertEquals("Donetsk Oblast", bundled.byId("geonames:713174").orElseThrow().admin1());
    assertEquals(region, bundled.regionOf(region).orElseThrow());
  }

  @Test
  void russianBorderRegionsAreThere() {
    assertEquals("geonames-admin1:RU.09", first(bundled, "Belgorod region").id());
    assertEquals("geonames-admin1:RU.41", first(bundled, "Курская область").id());
    Place kursk = first(bundled, "Kursk");
    assertEquals(LocationType.SETTLEMENT, kursk.type());
    assertEquals("Kursk Oblast", kursk.admin1());
  }

  @Test
  void everyUkrainianOblastIsARegion() {
    Set<String> codes = new TreeSet<>();
    for (Place r : bundled.regions()) {
      assertEquals(LocationType.REGION, r.type());
      if (r.countryCode().equals("UA")) {
        codes.add(r.admin1Code());
      }
    }
    assertEquals(27, codes.size(), codes.toString());
  }

  @Test
  void candidatesAreRankedDeterministically() {
    List<Place> hits = bundled.lookup("Ivanivka");
    assertTrue(hits.size() > 5, "a common village name: " + hits.size());
    List<Place> sorted = new ArrayList<>(hits);
    sorted.sort(GeoNamesGazetteer.RANKING);
    assertEquals(sorted, hits);
    assertEquals(hits, bundled.lookup("Іванівка"));
  }

  @Test
  void looseMatchesNeedCloseSpellings() {
    // Toretsk must not meet Tikhoretsk through its Spanish form "Tijoretsk".
    assertEquals("geonames:709354", first(bundled, "Toretsk").id());
    assertEquals("geonames:707753", first(bundled, "Gorlovka").id());
    // Same consonants, different name: not a candidate.
    assertTrue(
        bundled.lookup("Ocheretyne").stream().noneMatch(p -> p.name().equals("Ocheretnya")));
    assertTrue(
        bundled.lookupStrict("Zaporozhye").stream().allMatch(p -> p.countryCode().equals("UA")));
  }

  @Test
  void unknownAndEmptySurfacesFindNothing() {
    assertTrue(bundled.lookup("Russia").isEmpty());
    assertTrue(bundled.lookup("village").isEmpty());
    assertTrue(bundled.lookup("").isEmpty());
    assertTrue(bundled.lookup("Qwzxqwzx").isEmpty());
    assertTrue(bundled.byId("geonames:0").isEmpty());
  }

  @Test
  void maxNameTokensCoversMultiWordRegionNames() {
    int max = bundled.maxNameTokens();
    assertTrue(max >= 4 && max <= GeoNamesGazetteer.MAX_INDEXED_TOKENS, "max tokens " + max);
  }

  // A small dump in GeoNames' 19-column format; the places are invented.
  private static final String DUMP =
      String.join(
          "\n",
          row("9900001", "Testivka", "Testivka", "Testovka,Тестівка,KBP,www.testivka.ua", "49.5",
              "36.5", "P", "PPL", "UA", "07", "1200"),
          row("9900002", "Probne", "Probne", "Probnoye,Пробне", "49.6", "36.7", "P", "PPLA3", "UA",
              "07", "5400"),
          row("9900003", "Kharkivs'ka Oblast'", "Kharkivs'ka Oblast'",
              "Slobidska Oblast,Слобідська область", "49.5", "36.5", "A", "ADM1", "UA", "07", "0"),
          row("9900004", "Probne Raion", "Probne Raion", "", "49.6", "36.7", "A", "ADM2", "UA", "07",
              "0"),
          row("9900005", "Testova River", "Testova River", "", "49.6", "36.7", "H", "STM", "UA", "07",
              "0"),
          row("9900006", "Wojewodztwo Testowe", "Wojewodztwo Testowe", "Testowe Voivodeship",
              "50.0", "22.0", "A", "ADM1", "PL", "80", "0"),
          row("9900007", "Testowo", "Testowo", "", "50.1", "22.1", "P", "PPL", "PL", "80", "700"),
          "9900008\tBroken\tonly three columns",
          "");

  private static String row(
      String id, String name, String ascii, String alt, String lat, String lon, String fclass,
      String fcode, String cc, String admin1, String pop) {
    return String.join(
        "\t", id, name, ascii, alt, lat, lon, fclass, fcode, cc, "", admin1, "", "", "", pop, "",
        "150", "Europe/Kyiv", "2024-01-01");
  }

  private static void checkSmallDump(GeoNamesGazetteer g) {
    Place testivka = first(g, "Тестівка");
    assertEquals("geonames:9900001", testivka.id());
    assertEquals("Kharkiv Oblast", testivka.admin1(), "bundled region names are kept");
    assertEquals(testivka, first(g, "Testovka"));
    assertTrue(g.lookup("KBP").isEmpty(), "airport codes are not names");
    assertEquals("geonames:9900002", first(g, "Probnoye").id());
    // The dump's ADM1 row joins the bundled region: one region, stable id, more names.
    assertEquals("geonames-admin1:UA.07", first(g, "Kharkiv region").id());
    assertEquals("geonames-admin1:UA.07", first(g, "Slobidska oblast").id());
    assertTrue(g.byId("geonames:9900003").isEmpty());
    // A region the bundle lacks comes from the dump.
    Place pl = first(g, "Testowe Voivodeship");
    assertEquals("geonames:9900006", pl.id());
    assertEquals(LocationType.REGION, pl.type());
    assertEquals("Wojewodztwo Testowe", first(g, "Testowo").admin1());
    // Other classes and codes are skipped, the short line is counted.
    assertTrue(g.byId("geonames:9900004").isEmpty());
    assertTrue(g.byId("geonames:9900005").isEmpty());
    assertEquals(1, g.malformedLines());
    // Only the dump's places: the bundled places are not loaded alongside a user's dump.
    assertTrue(g.byId("geonames:703656").isEmpty());
  }

  @Test
  void loadsAPlainDump(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("XX.txt");
    Files.writeString(file, DUMP, StandardCharsets.UTF_8);
    checkSmallDump(GeoNamesGazetteer.load(file));
  }

  @Test
  void loadsGzipAndZipDumps(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("XX.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(DUMP.getBytes(StandardCharsets.UTF_8));
    }
    checkSmallDump(GeoNamesGazetteer.load(gz));

    Path zip = dir.resolve("XX.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("not data\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("XX.txt"));
      out.write(DUMP.getBytes(StandardCharsets.UTF_8));
    }
    try (var in = Files.newInputStream(zip)) {
      checkSmallDump(GeoNamesGazetteer.load(in, "gs://bucket/XX.zip"));
    }
  }

  @Test
  void countryFilterDropsOtherCountries(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("XX.txt");
    Files.writeString(file, DUMP, StandardCharsets.UTF_8);
    GeoNamesGazetteer g = GeoNamesGazetteer.load(file, Set.of("ua"));
    assertEquals("geonames:9900001", first(g, "Testivka").id());
    assertTrue(g.byId("geonames:9900007").isEmpty());
    assertTrue(g.lookup("Testowe Voivodeship").isEmpty());
  }

  @Test
  void aFileWithoutGeoNamesRowsIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "this is not a gazetteer\nat all\n", StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GeoNamesGazetteer.load(file));
    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
  }

  @Test
  void loadsTheSharedReferenceExtract() throws IOException {
    Path shared = Paths.get(System.getProperty("contested.shared", "../shared"));
    Path file = shared.resolve("gazetteer/geonames_cities500_UA_RU.tsv");
    Assumptions.assumeTrue(Files.isDirectory(shared), "shared folder absent");
    assertTrue(Files.exists(file), "missing " + file);

    GeoNamesGazetteer g = GeoNamesGazetteer.load(file);
    assertEquals(0, g.malformedLines());
    assertEquals("geonames:703656", first(g, "Kupiansk").id());
    assertEquals("geonames:713174", first(g, "Artemivsk").id());
    assertEquals("geonames:704422", first(g, "Pokrovsk").id());
    assertEquals("geonames-admin1:UA.07", first(g, "Kharkiv region").id());

    int rows = 0;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] c = line.split("\t", -1);
        Place p = g.byId("geonames:" + c[0]).orElse(null);
        assertNotNull(p, "row " + c[0]);
        if (c[8].equals("UA")) {
          assertNotNull(p.admin1(), () -> "no region name for " + p);
          assertEquals(p.admin1(), g.regionOf(p).orElseThrow().name());
        }
        rows++;
      }
    }
    assertEquals(rows + g.regions().size(), g.size());
  }
}
