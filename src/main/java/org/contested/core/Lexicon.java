package org.contested.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trigger lexicon of one language, loaded from a JSON resource (rules as data). */
public final class Lexicon {
  /** Trigger categories; the extractor maps each to a claim type and polarity. */
  public enum Category {
    CONTROL, LIBERATION, OCCUPATION, COMPOUND, PARTIAL, CONTESTED, ENCIRCLED, WITHDRAWAL
  }

  public final String language;
  public final Map<Category, PhraseSet> triggers;
  public final Map<String, Integer> percentWords;
  private final PhraseSet percentWordSet;
  public final PhraseSet irrealis;
  public final PhraseSet negation;
  public final PhraseSet denial;
  public final PhraseSet hedges;
  public final PhraseSet speech;
  public final PhraseSet areaNouns;
  public final PhraseSet placeNouns;
  public final PhraseSet facilityHeads;
  public final PhraseSet clauseBreaks;
  public final PhraseSet anaphora;
  public final PhraseSet stopNames;
  /** Phrases after which the claimant follows ("по данным X"); English keeps its own rule. */
  public final PhraseSet speechForward;
  /** Triggers (passive participles, "под контролем") whose agent is the party right after them. */
  public final PhraseSet agentAfter;
  /** Whether a first line "X: ..." names its claimant X (Russian Telegram headlines). */
  public final boolean headlineColon;
  /**
   * Case ending → nominative endings, for languages that inflect place names ("ой" → "ая", so
   * "Курской области" finds "Курская область"); empty for English.
   */
  public final Map<String, List<String>> caseEndings;

  private Lexicon(JsonNode root) {
    language = root.path("language").asText("en");
    triggers = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      triggers.put(c, new PhraseSet(strings(root.path("triggers").path(c.name()))));
    }
    percentWords = new HashMap<>();
    root.path("percent_words").fields().forEachRemaining(e -> percentWords.put(e.getKey(), e.getValue().asInt()));
    percentWordSet = new PhraseSet(percentWords.keySet());
    irrealis = set(root, "irrealis");
    negation = set(root, "negation");
    denial = set(root, "denial");
    hedges = set(root, "hedges");
    speech = set(root, "speech");
    areaNouns = set(root, "area_nouns");
    placeNouns = set(root, "place_nouns");
    facilityHeads = set(root, "facility_heads");
    clauseBreaks = set(root, "clause_breaks");
    anaphora = set(root, "anaphora");
    stopNames = set(root, "stop_names");
    speechForward = set(root, "speech_forward");
    agentAfter = set(root, "agent_after");
    headlineColon = root.path("headline_colon_attribution").asBoolean(false);
    Map<String, List<String>> endings = new LinkedHashMap<>();
    root.path("case_endings").fields().forEachRemaining(e -> endings.put(e.getKey(), List.copyOf(strings(e.getValue()))));
    caseEndings = Collections.unmodifiableMap(endings);
  }

  /** The share named by a word phrase at token {@code i} ("half of" → 50), or null. */
  public Integer percentWordAt(List<org.contested.core.text.Token> t, int i) {
    int n = percentWordSet.matchAt(t, i);
    if (n == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = i; k < i + n; k++) {
      sb.append(k > i ? " " : "").append(t.get(k).lower());
    }
    return percentWords.get(sb.toString());
  }

  public static Lexicon english() {
    return fromResource("/lexicon/en.json");
  }

  /** The lexicon of an ISO 639-1 language code, or empty when none is bundled. */
  public static Optional<Lexicon> forLanguage(String code) {
    if (code == null || code.length() != 2 || !code.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return Optional.empty();
    }
    String resource = "/lexicon/" + code + ".json";
    if (Lexicon.class.getResource(resource) == null) {
      return Optional.empty();
    }
    return Optional.of(fromResource(resource));
  }

  public static Lexicon fromResource(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("lexicon resource not found: " + resource);
      }
      return new Lexicon(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + resource, e);
    }
  }

  private static PhraseSet set(JsonNode root, String field) {
    return new PhraseSet(strings(root.path(field)));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
