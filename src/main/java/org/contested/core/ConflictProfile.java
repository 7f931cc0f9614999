package org.contested.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.contested.core.text.Token;

/**
 * Parties of one conflict, their aliases, and the sides of known claimants and outlets, loaded from
 * a JSON file so another conflict needs a profile, not code. Side codes are party codes or
 * {@link #OTHER}.
 */
public final class ConflictProfile {
  public static final String OTHER = "OTHER";
  public static final String DEFAULT_RESOURCE = "/profiles/russia-ukraine.json";

  public final String name;
  public final List<String> parties;
  public final List<String> theatreCountries;
  public final String occupier;
  public final String defaultLiberator;
  /** Common nouns that name one place of the theatre: "the peninsula" is Crimea. */
  public final Map<String, String> placeAliases;
  private final Map<String, PhraseSet> aliases = new LinkedHashMap<>();
  private final PhraseSet relativeEnemy;
  private final List<Map.Entry<String, PhraseSet>> claimantRules = new ArrayList<>();
  private final PhraseSet unmarkedOfficials;
  private final String unmarkedOfficialSide;
  private final Map<String, String> outletSides = new HashMap<>();
  /** Party code → the ISO code of its own country ("country" in the file, else the code itself). */
  private final Map<String, String> homeCountries = new HashMap<>();

  private ConflictProfile(JsonNode root) {
    name = root.path("name").asText();
    List<String> codes = new ArrayList<>();
    for (JsonNode p : root.path("parties")) {
      String code = p.path("code").asText();
      codes.add(code);
      aliases.put(code, new PhraseSet(Lexicon.strings(p.path("aliases"))));
      homeCountries.put(code, p.path("country").asText(code));
    }
    if (codes.size() < 2) {
      throw new IllegalArgumentException("a conflict profile needs at least two parties");
    }
    parties = List.copyOf(codes);
    theatreCountries = List.copyOf(Lexicon.strings(root.path("theatre_countries")));
    occupier = root.path("occupier").asText(null);
    defaultLiberator = root.path("default_liberator").asText(null);
    Map<String, String> aliases = new java.util.HashMap<>();
    root.path("place_aliases").fields().forEachRemaining(e -> aliases.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
    placeAliases = Map.copyOf(aliases);
    relativeEnemy = new PhraseSet(Lexicon.strings(root.path("relative_enemy")));
    for (JsonNode rule : root.path("claimant_sides")) {
      claimantRules.add(Map.entry(rule.path("side").asText(), new PhraseSet(Lexicon.strings(rule.path("phrases")))));
    }
    unmarkedOfficials = new PhraseSet(Lexicon.strings(root.path("unmarked_official_phrases")));
    unmarkedOfficialSide = root.path("unmarked_official_default_side").asText(OTHER);
    root.path("outlets").fields().forEachRemaining(e -> e.getValue().forEach(o -> outletSides.put(norm(o.asText()), e.getKey())));
  }

  public static ConflictProfile defaultProfile() {
    try (InputStream in = ConflictProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new ConflictProfile(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ConflictProfile load(InputStream in) throws IOException {
    return new ConflictProfile(new ObjectMapper().readTree(in));
  }

  public static ConflictProfile load(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return load(in);
    }
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** A party mention at token {@code i}: its code and token length, or null. */
  public PartyHit partyAt(List<Token> tokens, int i, String perspective) {
    PartyHit best = null;
    for (Map.Entry<String, PhraseSet> e : aliases.entrySet()) {
      int n = e.getValue().matchAt(tokens, i);
      if (n > 0 && (best == null || n > best.length())) {
        best = new PartyHit(e.getKey(), i, n);
      }
    }
    if (best == null) {
      int n = relativeEnemy.matchAt(tokens, i);
      String enemy = opponent(perspective);
      if (n > 0 && enemy != null) {
        best = new PartyHit(enemy, i, n);
      }
    }
    return best;
  }

  /** The other party in a two-party conflict; null when the side is not a party. */
  public String opponent(String side) {
    if (side == null || !parties.contains(side) || parties.size() != 2) {
      return null;
    }
    return parties.get(0).equals(side) ? parties.get(1) : parties.get(0);
  }

  /**
   * The occupier of a place when the text names none: the invading party, except on its own soil,
   * where "occupied" (Russian media on "оккупированной части Курской области") means its opponent.
   */
  public String occupierOf(Place place) {
    if (place != null && occupier != null && place.countryCode() != null
        && place.countryCode().equals(homeCountries.get(occupier)) && opponent(occupier) != null) {
      return opponent(occupier);
    }
    return occupier;
  }

  /**
   * The liberator when the text names none: "liberated" names the side of whoever says it — the
   * claimant's side, else the outlet's (RIA's "освобождение" is a Russian capture), else the
   * profile's default.
   */
  public String liberatorFor(String claimantSide, String outletSide) {
    if (isParty(claimantSide)) {
      return claimantSide;
    }
    return isParty(outletSide) ? outletSide : defaultLiberator;
  }

  public boolean isParty(String side) {
    return side != null && parties.contains(side);
  }

  /** The side of a publishing outlet; OTHER when unknown. */
  public String outletSide(String outlet) {
    if (outlet == null) {
      return OTHER;
    }
    return outletSides.getOrDefault(norm(outlet), OTHER);
  }

  /**
   * The side of a claimant phrase: the first rule whose phrase occurs wins (the rules are ordered
   * so "Russia-backed" and third-country markers come before plain nationality words); an unmarked
   * official takes the outlet's side when the outlet has one, else the profile's default.
   */
  public String claimantSide(List<Token> claimant, String outlet) {
    for (Map.Entry<String, PhraseSet> rule : claimantRules) {
      if (rule.getValue().anyIn(claimant, 0, claimant.size())) {
        return rule.getKey();
      }
    }
    String outletSide = outletSide(outlet);
    if (unmarkedOfficials.anyIn(claimant, 0, claimant.size())) {
      return isParty(outletSide) ? outletSide : unmarkedOfficialSide;
    }
    return outletSide;
  }

  /** Whether a lower-case phrase names a claimant: an official noun or a side marker. */
  public boolean namesClaimant(List<Token> span) {
    if (unmarkedOfficials.anyIn(span, 0, span.size())) {
      return true;
    }
    for (Map.Entry<String, PhraseSet> rule : claimantRules) {
      if (rule.getValue().anyIn(span, 0, span.size())) {
        return true;
      }
    }
    return false;
  }

  /** A party alias found in a token sequence. */
  /** Every alias phrase of every party, as written in the profile. */
  public List<String> aliasPhrases() {
    List<String> all = new java.util.ArrayList<>();
    aliases.values().forEach(set -> all.addAll(set.phrases()));
    return all;
  }

  public record PartyHit(String party, int start, int length) {
    public int end() {
      return start + length;
    }
  }
}
