package org.contested.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contested.core.Lexicon.Category;
import org.contested.core.text.Sentence;
import org.contested.core.text.TextAnalyzer;
import org.contested.core.text.Token;
import org.contested.model.Article;
import org.contested.model.Claim;
import org.contested.model.ClaimType;
import org.contested.model.DatePrecision;
import org.contested.model.LocationType;
import org.contested.model.Polarity;

/**
 * The rule-based claim extractor: per sentence, place mentions are paired with the nearest control
 * trigger of their clause; the trigger's category, the party around it, negation, denial and the
 * attribution of the sentence make the claim (CLAIMS.md). Not thread-safe (the analyzer is not).
 *
 * <p>Confidence says how the claim was found: {@value #EXPLICIT} for an explicit trigger with a
 * resolved place, {@value #PRESUPPOSED} for presupposed control ("occupied Melitopol"), {@value
 * #INFERRED} for claims inferred from a denial, a pronoun ("the city") or an unresolved name.
 */
public final class RuleClaimExtractor implements ClaimExtractor {
  static final double EXPLICIT = 0.9;
  static final double PRESUPPOSED = 0.7;
  static final double INFERRED = 0.5;
  private static final int MAX_DISTANCE = 10;
  private static final Set<String> LOCATIVE_SKIP = Set.of(
      "the", "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west", "northeastern",
      "northwestern", "southeastern", "southwestern", "ukraine", "russia", "'s", "neighbouring", "neighboring", "nearby");
  /** Words between a verb or list separator and a place name: "the nearby town of", "the villages of". */
  private static final Set<String> APPOSITION = Set.of(
      "the", "of", "nearby", "neighbouring", "neighboring", "key", "strategic", "small", "large", "entire", "whole", "eastern",
      "western", "northern", "southern", "frontline", "villages", "towns", "cities", "settlements", "urban", "type");
  /** Words that make the following name a landmark, not the object: "east of Huliaipole", "near Izium". */
  private static final Set<String> COMPASS = Set.of(
      "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
      "south-east", "south-west");
  private static final Set<String> LANDMARK_PREPOSITIONS = Set.of("near", "outside", "toward", "towards", "beyond", "past");
  /** Objects that make a capture verb about people or things: "captured 1,478", "took prisoners". */
  private static final Set<String> NON_PLACE_OBJECTS = Set.of(
      "prisoner", "prisoners", "soldier", "soldiers", "troops", "servicemen", "serviceman", "fighters", "personnel", "people",
      "civilians", "hostages", "tanks", "tank", "vehicles", "equipment", "ship", "ships", "vessel", "vessels", "weapons",
      "trophies", "positions", "position", "initiative", "power", "pows", "place", "part", "office", "measures", "steps", "action",
      "responsibility", "note", "care", "aim", "shelter", "refuge", "photos", "photo");
  private static final Set<String> SETTLEMENT_NOUNS = Set.of(
      "settlement", "settlements", "village", "villages", "town", "towns", "cities", "communities", "localities");
  private static final Set<String> COUNT_WORDS = Set.of(
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "dozens", "dozen", "many", "more", "new");
  private static final Set<String> QUANTIFIERS = Set.of(
      "a", "an", "further", "additional", "another", "over", "more", "than", "about", "some", "nearly", "almost", "around", "up",
      "to", "at", "least", "dozens", "hundreds", "thousands", "of");
  /** Capture verbs whose object follows them in the active voice. */
  private static final Set<String> ACTIVE_VERBS = Set.of(
      "captured", "capture", "captures", "seized", "seize", "seizes", "took", "take", "takes", "retook", "retake", "retakes",
      "recaptured", "recapture", "recaptures", "regained", "regain", "reclaimed", "conquered", "overran", "liberated", "liberate",
      "liberates", "freed");
  private static final Set<String> PARTICIPLES = Set.of("taken", "retaken", "overrun", "held", "run", "cut");
  /** Words between a passive subject and its verb: "was reported to have been", "has also been". */
  private static final Set<String> PASSIVE_CHAIN = Set.of(
      "is", "are", "was", "were", "been", "being", "be", "has", "have", "had", "reported", "reportedly", "said", "to", "also",
      "confirmed", "fully", "officially", "finally", "completely", "now", "later", "eventually", "believed", "thought");
  /** What may precede a sentence-internal passive subject: "and Paraskoviivka was captured". */
  private static final Set<String> SUBJECT_BEFORE = Set.of(",", "and", "that", "of", "village", "town", "city", "settlement", "the");
  /** Words that make a contested trigger a predicate about a place named before: "fighting continues". */
  private static final Set<String> PREDICATES = Set.of(
      "continues", "continued", "ongoing", "contested", "fought", "stagnated", "continue", "raging", "rages");
  /** Prepositions that take the place a contested trigger is about: "fighting in", "battle for". */
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "for", "at", "around", "of", "near", "over");
  private static final Set<String> SEPARATORS = Set.of(",", "and", "or", "but", ";", ":", "-", "–", "—");
  private static final Set<String> FIGHT_LINKS = Set.of("took", "takes", "place", "at", "in", "for", "around", "over", "continued", "continues", "raged", "rages");
  private static final Set<String> ATTRIBUTIVE_BEFORE = Set.of(
      "the", "in", "of", "to", "from", "at", "into", "on", "through", "across", "temporarily", "russian", "ukrainian");
  private static final Set<String> PASSIVE_AUX = Set.of("is", "are", "was", "were", "been", "being", "be", "remain", "remains", "now", "still", "having");

  private final TextAnalyzer analyzer;
  private final Lexicon lexicon;
  private final ConflictProfile profile;
  private final PlaceFinder places;
  private final AttributionFinder attributions;
  private final Disambiguator disambiguator;
  /** The side "the enemy" is seen from in the current article: the outlet's, else the claimant's. */
  private String perspective;
  /** The triggers of the sentence being read, found once per sentence. */
  private List<Trigger> sentenceTriggers = List.of();
  /** The party the article last named as acting: the controller of its last claim, else the last party named. */
  private String contextParty;

  public RuleClaimExtractor(TextAnalyzer analyzer, Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile) {
    this.analyzer = analyzer;
    this.lexicon = lexicon;
    this.profile = profile;
    this.places = new PlaceFinder(gazetteer, lexicon, profile);
    this.attributions = new AttributionFinder(lexicon, profile);
    this.disambiguator = Disambiguator.standard();
  }

  /** A trigger phrase found in a sentence: tokens [start, end). */
  record Trigger(Category category, int start, int end, boolean partial) {
    Trigger(Category category, int start, int end) {
      this(category, start, end, false);
    }
  }

  /** A place paired with the trigger that governs it. */
  record Pairing(PlaceMention place, Trigger trigger, boolean anaphoric, int at, int end) {}

  /** What one sentence yields before denial handling. */
  record Draft(PlaceMention place, ClaimType type, String controller, Polarity polarity, Integer percent,
      int triggerStart, double confidence) {}

  @Override
  public List<Claim> extract(Article article) {
    String text = article.fullText();
    int titleLength = article.title() == null || article.title().isBlank() ? 0 : article.title().length();
    List<Sentence> sentences = analyzer.analyze(text, titleLength);
    LocalDate published = article.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
    DateResolver dates = DateResolver.forArticle(published);
    perspective = profile.outletSide(article.outlet());
    contextParty = null;

    List<List<PlaceMention>> mentions = new ArrayList<>();
    Set<String> regionsNamed = new HashSet<>();
    for (Sentence s : sentences) {
      List<PlaceMention> found = places.find(s, text);
      mentions.add(found);
      for (PlaceMention m : found) {
        m.candidates().stream().filter(p -> p.type() == LocationType.REGION && m.end() - m.start() > 1)
            .forEach(p -> regionsNamed.add(p.admin1()));
      }
    }

    Map<String, Claim> out = new LinkedHashMap<>();
    Attribution previous = null;
    PlaceMention lastPlace = null;
    DateMention narrative = null;
    List<Draft> previousDrafts = List.of();
    for (Sentence s : sentences) {
      List<Token> t = s.tokens();
      List<DateMention> sentenceDates = dates.resolve(t);
      if (!sentenceDates.isEmpty() && sentenceDates.get(0).start() <= 2) {
        narrative = sentenceDates.get(0);
      }
      boolean regionWord;
      List<PlaceMention> resolved = new ArrayList<>();
      for (PlaceMention m : mentions.get(s.index())) {
        regionWord = m.end() - m.start() > 1 && lexicon.placeNouns.contains(t.get(m.end() - 1).lower());
        resolved.add(disambiguator.resolve(m, new Disambiguator.Context(regionWord, regionsNamed, profile.theatreCountries)));
      }
      Attribution found = attributions.find(s, text, article.outlet(), previous);
      Attribution attribution = found != null ? found
          : new Attribution(article.outlet(), profile.outletSide(article.outlet()), -1, -1, false);
      if (found != null) {
        previous = found;
      }
      if (lexicon.hedges.anyIn(t, 0, t.size())) {
        lastPlace = lastOf(resolved, lastPlace);
        continue;
      }
      List<Draft> drafts = sentenceDrafts(s, resolved, attribution, lastPlace);
      int denial = lexicon.denial.firstIn(t, 0, t.size());
      List<Draft> denied = List.of();
      if (denial >= 0) {
        // What comes before the denial is still the sentence's claimant's; what follows is the denier's.
        final int d0 = denial;
        List<Draft> before = drafts.stream().filter(d -> d.triggerStart() < d0).toList();
        List<Draft> after = drafts.stream().filter(d -> d.triggerStart() >= d0).toList();
        denied = applyDenial(t, text, denial, after, resolved, before.isEmpty() ? previousDrafts : before, attribution, article, s,
            sentenceDates, narrative, published, out);
        drafts = before;
      }
      Attribution outletSays = new Attribution(article.outlet(), profile.outletSide(article.outlet()), -1, -1, false);
      for (Draft d : drafts) {
        Attribution who = found != null && outsideSpeech(t, found, d.triggerStart()) ? outletSays : attribution;
        add(out, article, s, d, who, dateFor(t, d.triggerStart(), sentenceDates, narrative), published);
      }
      Attribution denier = denial >= 0 ? denierOf(t, text, denial, attribution, article.outlet()) : attribution;
      for (Draft d : denied) {
        add(out, article, s, d, denier, dateFor(t, d.triggerStart(), sentenceDates, narrative), published);
      }
      List<Draft> all = new ArrayList<>(drafts);
      all.addAll(denied);
      previousDrafts = all;
      contextParty = actingParty(t, all, contextParty);
      // A later sentence without a date of its own continues from the last day this one named
      // ("entered Starobilsk on 2 March ... entered Balakliia during the day"); a year or month
      // named in passing ("annexed in 2014") is background, not the narrative's time.
      if (!sentenceDates.isEmpty() && sentenceDates.get(sentenceDates.size() - 1).precision() == DatePrecision.DAY) {
        narrative = sentenceDates.get(sentenceDates.size() - 1);
      }
      lastPlace = lastOf(resolved, lastPlace);
    }
    return List.copyOf(out.values());
  }

  /** The controller of the sentence's last affirmed capture, else the last party it names, else {@code before}. */
  private String actingParty(List<Token> t, List<Draft> drafts, String before) {
    for (int k = drafts.size() - 1; k >= 0; k--) {
      Draft d = drafts.get(k);
      if (d.polarity() == Polarity.AFFIRMED && d.controller() != null) {
        return d.controller();
      }
    }
    String last = before;
    for (int i = 0; i < t.size(); i++) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null) {
        if (!possessiveOfName(t, hit) && !ownsClaims(t, hit)) {
          last = hit.party();
        }
        i = hit.end() - 1;
      }
    }
    return last;
  }

  /**
   * "Zelenskyy says the plan must bring peace as Russia seizes Kupiansk": an "as" or "while"
   * clause after the reported words is the outlet's narration, not the speaker's.
   */
  private static boolean outsideSpeech(List<Token> t, Attribution a, int triggerStart) {
    if (a.end() < 0 || a.end() >= triggerStart) {
      return false;
    }
    for (int i = a.end() + 2; i < triggerStart; i++) {
      String w = t.get(i).lower();
      if (w.equals("as") || w.equals("while") || w.equals("amid")) {
        return !(i + 1 < t.size() && t.get(i + 1).lower().equals("well"));
      }
    }
    return false;
  }

  private static PlaceMention lastOf(List<PlaceMention> resolved, PlaceMention fallback) {
    for (int i = resolved.size() - 1; i >= 0; i--) {
      if (resolved.get(i).resolved() != null && resolved.get(i).resolved().type() == LocationType.SETTLEMENT) {
        return resolved.get(i);
      }
    }
    return fallback;
  }

  // ---------------------------------------------------------------- sentence level

  private List<Draft> sentenceDrafts(Sentence s, List<PlaceMention> found, Attribution attribution, PlaceMention lastPlace) {
    List<Token> t = s.tokens();
    sentenceTriggers = triggers(t);
    List<Trigger> triggers = new ArrayList<>(sentenceTriggers);
    // "captured 2,439 prisoners in Mariupol": the verb's object is not a place.
    triggers.removeIf(tr -> objectIsNotPlace(t, tr) || eventName(s, t, tr));
    if (triggers.isEmpty()) {
      return List.of();
    }
    int[] clause = clauseIds(t);
    List<PlaceMention> all = new ArrayList<>(found);
    all.addAll(unknownObjects(t, triggers, found));
    all.addAll(unknownSubjects(t, triggers, all));
    all.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<PlaceMention> candidates = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      PlaceMention m = all.get(k);
      if (attribution.covers(m.start()) || isLocativeModifier(t, m, k > 0 ? all.get(k - 1) : null) || isLandmark(t, m.start())) {
        continue;
      }
      candidates.add(m);
    }

    List<Pairing> pairings = new ArrayList<>();
    Set<Trigger> used = new HashSet<>();
    for (PlaceMention m : candidates) {
      Trigger best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Trigger tr : triggers) {
        if (clause[tr.start()] != clause[m.start()] || m.end() <= tr.start() && !canPrecede(t, m, tr)
            || m.end() <= tr.start() && tr.category() == Category.CONTESTED && !intransitive(t, tr)
            || m.start() >= tr.end() && isAdjectival(tr) && !appositionOnly(t, tr.end(), m.start())) {
          continue;
        }
        int distance = tr.end() <= m.start() ? m.start() - tr.end() : tr.start() >= m.end() ? tr.start() - m.end() + 1 : 0;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = tr;
        }
      }
      Trigger including = best == null || bestDistance <= MAX_DISTANCE ? null : includedIn(t, m, triggers, clause);
      if (including != null) {
        best = including;
        bestDistance = 0;
      }
      if (best != null && bestDistance <= MAX_DISTANCE) {
        pairings.add(new Pairing(m, best, false, m.start(), m.end()));
        used.add(best);
        // "advances in besieged Mariupol": the verb before an adjectival trigger governs the place too.
        Trigger outer = governingVerb(t, best, triggers, clause);
        if (outer != null && best.end() <= m.start()) {
          pairings.add(new Pairing(m, outer, false, m.start(), m.end()));
          used.add(outer);
        }
      } else if (!pairings.isEmpty() && coordinated(t, pairings.get(pairings.size() - 1), m, clause)) {
        // "including Irpin, Bucha, and Hostomel": a list shares the trigger of its first member.
        pairings.add(new Pairing(m, pairings.get(pairings.size() - 1).trigger(), false, m.start(), m.end()));
      }
    }
    // A trigger with no place of its own may point back: "the city", "there", "captured it".
    for (Trigger tr : triggers) {
      if (used.contains(tr)) {
        continue;
      }
      // "liberated 20 settlements" with a region named in the clause: part of that region.
      if (settlementsObject(t, tr)) {
        PlaceMention region = null;
        for (PlaceMention m : candidates) {
          if (clause[m.start()] == clause[tr.start()] && m.resolved() != null && m.resolved().type() == LocationType.REGION
              && Math.abs(m.start() - tr.start()) <= 2 * MAX_DISTANCE) {
            region = m;
          }
        }
        if (region != null) {
          pairings.add(new Pairing(region, new Trigger(tr.category(), tr.start(), tr.end(), true), false, region.start(), region.end()));
          used.add(tr);
          continue;
        }
      }
      // "..., though intense fighting continues": fighting with no place goes on at the last one named.
      if (tr.category() == Category.CONTESTED && intransitive(t, tr)) {
        PlaceMention last = null;
        for (PlaceMention m : candidates) {
          if (m.end() <= tr.start()) {
            last = m;
          }
        }
        if (last != null) {
          pairings.add(new Pairing(last, tr, true, last.start(), last.end()));
          used.add(tr);
          continue;
        }
      }
      int a = anaphorNear(t, tr, clause);
      PlaceMention antecedent = lastPlace;
      for (PlaceMention m : candidates) {
        if (m.end() <= Math.min(a, tr.start()) && m.resolved() != null && m.resolved().type() == LocationType.SETTLEMENT) {
          antecedent = m;
        }
      }
      if (a >= 0 && antecedent != null) {
        pairings.add(new Pairing(antecedent, tr, true, a, a + 1));
        used.add(tr);
      }
    }
    List<Draft> drafts = new ArrayList<>();
    for (Pairing p : pairings) {
      Draft d = draft(t, p, clause, attribution);
      if (d != null) {
        drafts.add(d);
      }
    }
    return drafts;
  }

  private List<Trigger> triggers(List<Token> t) {
    List<Trigger> out = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      Trigger best = null;
      for (Category c : Category.values()) {
        int n = lexicon.triggers.get(c).matchAt(t, i);
        if (n == 0) {
          continue;
        }
        if (c == Category.COMPOUND && !(i >= 2 && t.get(i - 1).lower().equals("-") && profile.partyAt(t, i - 2, perspective) != null
            || partyEndingAt(t, i - 1) != null)) {
          continue;
        }
        if (best == null || n > best.end() - best.start()) {
          best = new Trigger(c, i, i + n);
        }
      }
      if (best != null) {
        // "Russian-occupied": the hyphenated party belongs to the trigger, read as COMPOUND.
        if (best.category() == Category.OCCUPATION && i >= 2 && t.get(i - 1).lower().equals("-")) {
          best = new Trigger(Category.COMPOUND, i, best.end());
        }
        Trigger prev = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean adjacent = prev != null && (prev.end() == best.start() || prev.end() + 1 == best.start() && t.get(prev.end()).lower().equals("the"));
        boolean chains = prev != null && best.category() == Category.PARTIAL && adjacent
            && prev.category() != Category.PARTIAL && prev.category() != Category.CONTESTED && prev.category() != Category.WITHDRAWAL;
        if (chains) {
          // "liberated parts of", "Russian-occupied areas of": one trigger, partial.
          out.set(out.size() - 1, new Trigger(prev.category(), prev.start(), best.end(), true));
        } else {
          out.add(best);
        }
        i = best.end();
      } else {
        i++;
      }
    }
    return out;
  }

  /** Clause numbers per token: clauses break at ';' and at conjunctions that start a new clause. */
  private int[] clauseIds(List<Token> t) {
    int[] ids = new int[t.size()];
    int id = 0;
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i).lower();
      boolean breaks = w.equals(";") || (lexicon.clauseBreaks.contains(w) && i > 0 && !w.equals("as") && !w.equals("after"))
          || ((w.equals("as") || w.equals("after")) && i > 0 && i + 1 < t.size() && !t.get(i + 1).lower().equals("well")
          && !t.get(i - 1).lower().equals("such"));
      if (breaks) {
        id++;
      }
      ids[i] = id;
    }
    return ids;
  }

  /** Whether {@code next} follows the paired place as another member of the same list. */
  private boolean coordinated(List<Token> t, Pairing previous, PlaceMention next, int[] clause) {
    if (previous.end() > next.start() || clause[previous.at()] != clause[next.start()] || previous.anaphoric()) {
      return false;
    }
    boolean separator = false;
    for (int i = previous.end(); i < next.start(); i++) {
      String w = t.get(i).lower();
      if (w.equals(",") || w.equals("and") || w.equals("or")) {
        separator = true;
      } else if (!APPOSITION.contains(w) && !lexicon.placeNouns.contains(w)) {
        return false;
      }
    }
    return separator;
  }

  /** "fighting continues", "remains contested": a contested trigger that takes no place after it. */
  private static boolean intransitive(List<Token> t, Trigger tr) {
    boolean predicate = false;
    // "heavy fighting continues": the predicate may follow the matched phrase.
    for (int i = tr.start(); i < Math.min(t.size(), tr.end() + 1); i++) {
      predicate |= PREDICATES.contains(t.get(i).lower());
    }
    if (!predicate) {
      return false;
    }
    String last = t.get(tr.end() - 1).lower();
    boolean nextIsPreposition = tr.end() < t.size() && PLACE_PREPOSITIONS.contains(t.get(tr.end()).lower());
    return !PLACE_PREPOSITIONS.contains(last) && !nextIsPreposition;
  }

  /** "retook several towns ... including Makariv": the trigger whose object the list spells out. */
  private Trigger includedIn(List<Token> t, PlaceMention m, List<Trigger> triggers, int[] clause) {
    int j = m.start() - 1;
    while (j >= 0 && (APPOSITION.contains(t.get(j).lower()) || lexicon.placeNouns.contains(t.get(j).lower()))) {
      j--;
    }
    if (j < 0 || !(t.get(j).lower().equals("including") || t.get(j).lower().equals("includes"))) {
      return null;
    }
    Trigger found = null;
    for (Trigger tr : triggers) {
      if (tr.end() <= j && clause[tr.start()] == clause[m.start()] && j - tr.end() <= 12) {
        found = tr;
      }
    }
    return found;
  }

  /** The verb trigger right before an adjectival one: "advances in [besieged] Mariupol". */
  private Trigger governingVerb(List<Token> t, Trigger inner, List<Trigger> triggers, int[] clause) {
    if (inner.category() != Category.ENCIRCLED && !isAdjectival(inner)) {
      return null;
    }
    for (Trigger tr : triggers) {
      if (tr != inner && tr.end() <= inner.start() && clause[tr.start()] == clause[inner.start()]
          && (tr.category() == Category.PARTIAL || tr.category() == Category.CONTROL) && appositionOnly(t, tr.end(), inner.start())) {
        return tr;
      }
    }
    return null;
  }

  /**
   * "wants to retake the occupied parts of Kursk region": an attributive "occupied" or "X-held"
   * presupposes control whatever the main verb's mood; "could have occupied Kyiv" does not.
   */
  private boolean presupposed(List<Token> t, Trigger tr, Pairing p) {
    if (!isAdjectival(tr) || p.at() < tr.end() || p.anaphoric()) {
      return false;
    }
    int before = tr.start() - 1;
    if (before >= 1 && t.get(before).lower().equals("-")) {
      return true;
    }
    return before >= 0 && ATTRIBUTIVE_BEFORE.contains(t.get(before).lower());
  }

  /** "occupied", "Russian-held": a trigger that qualifies the name right after it. */
  private static boolean isAdjectival(Trigger tr) {
    return tr.category() == Category.OCCUPATION || tr.category() == Category.COMPOUND;
  }

  /** Whether tokens [from, to) only introduce a name: "the port city of". */
  private boolean appositionOnly(List<Token> t, int from, int to) {
    for (int i = from; i < to; i++) {
      String w = t.get(i).lower();
      if (!APPOSITION.contains(w) && !lexicon.placeNouns.contains(w) && !lexicon.areaNouns.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** "east of Huliaipole", "near the town of Izium": a landmark locating something else. */
  private boolean isLandmark(List<Token> t, int start) {
    int j = start - 1;
    while (j >= 0) {
      String w = t.get(j).lower();
      boolean ofAfterNoun = w.equals("of") && j > 0 && lexicon.placeNouns.contains(t.get(j - 1).lower());
      if (w.equals("the") || lexicon.placeNouns.contains(w) || ofAfterNoun) {
        j--;
      } else {
        break;
      }
    }
    if (j < 0) {
      return false;
    }
    String w = t.get(j).lower();
    return LANDMARK_PREPOSITIONS.contains(w) || w.equals("of") && j > 0 && COMPASS.contains(t.get(j - 1).lower());
  }

  /**
   * "The Battle of Melitopol was a military engagement": a capitalised "Battle" or "Siege" inside
   * a body sentence names an event, it does not say the fighting goes on.
   */
  private static boolean eventName(Sentence s, List<Token> t, Trigger tr) {
    Token first = t.get(tr.start());
    return !s.headline() && tr.start() > 0 && first.isCapitalized()
        && (tr.category() == Category.CONTESTED || tr.category() == Category.ENCIRCLED);
  }

  /** "liberated 20 settlements", "captured several villages": a count of unnamed settlements. */
  private boolean settlementsObject(List<Token> t, Trigger tr) {
    if (tr.category() != Category.CONTROL && tr.category() != Category.LIBERATION) {
      return false;
    }
    int k = tr.end();
    boolean counted = false;
    while (k < t.size() && (QUANTIFIERS.contains(t.get(k).lower()) || Character.isDigit(t.get(k).text().charAt(0))
        || COUNT_WORDS.contains(t.get(k).lower()))) {
      counted = true;
      k++;
    }
    return counted && k < t.size() && SETTLEMENT_NOUNS.contains(t.get(k).lower());
  }

  /** A capture verb whose object is people, a number or equipment: "took 300 prisoners", "captured a further 1,478". */
  private boolean objectIsNotPlace(List<Token> t, Trigger tr) {
    if (tr.category() != Category.CONTROL) {
      return false;
    }
    String last = t.get(tr.end() - 1).lower();
    if (last.equals("of") || last.equals("by") || last.equals("to") || last.equals("over")) {
      return false;
    }
    int k = tr.end();
    while (k < t.size() && QUANTIFIERS.contains(t.get(k).lower())) {
      k++;
    }
    if (k >= t.size()) {
      return false;
    }
    String w = t.get(k).lower();
    if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
      String unit = k + 1 < t.size() ? t.get(k + 1).lower() : "";
      return !(unit.equals("percent") || unit.equals("%") || unit.equals("per") || SETTLEMENT_NOUNS.contains(unit));
    }
    ConflictProfile.PartyHit party = profile.partyAt(t, k, perspective);
    if (party != null && party.end() < t.size()) {
      w = t.get(party.end()).lower();
    }
    if (NON_PLACE_OBJECTS.contains(w)) {
      return true;
    }
    // "capture the Azom factory in Bakhmut": the object is a facility, the place only locates it.
    for (int i = k; i < Math.min(t.size(), k + 6); i++) {
      String x = t.get(i).lower();
      if (x.equals("in") || x.equals("at") || x.equals("near") || x.equals(",") || x.equals("of") || x.equals("and")) {
        break;
      }
      if (lexicon.facilityHeads.contains(x) && !t.get(i).isCapitalized()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A place before an active capture verb is its subject or a locative, not its object, unless the
   * verb is passive ("Avdiivka was liberated", "Bakhmut captured by Wagner") or follows the name
   * directly as in headlines ("Russia says Pavlivka captured").
   */
  private boolean canPrecede(List<Token> t, PlaceMention m, Trigger tr) {
    if (tr.category() != Category.CONTROL && tr.category() != Category.LIBERATION || tr.end() - tr.start() > 1) {
      return true;
    }
    String verb = t.get(tr.start()).lower();
    if (!ACTIVE_VERBS.contains(verb)) {
      return true;
    }
    if (tr.end() < t.size() && t.get(tr.end()).lower().equals("by")) {
      return true;
    }
    int k = tr.end();
    while (k < t.size() && APPOSITION.contains(t.get(k).lower())) {
      k++;
    }
    if (k < t.size() && t.get(k).isCapitalized() && t.get(k).isWord()) {
      // "units in Bakhmut captured Klishchiivka": the verb has its own object.
      return false;
    }
    if (tr.start() == m.end() || tr.start() - m.end() == 1 && !SEPARATORS.contains(t.get(m.end()).lower())) {
      // "Russia says Pavlivka captured", "Bakhmut fully taken": a headline's dropped auxiliary.
      return true;
    }
    for (int i = Math.max(m.end(), tr.start() - 3); i < tr.start(); i++) {
      if (PASSIVE_AUX.contains(t.get(i).lower())) {
        return true;
      }
    }
    return false;
  }

  /** "Kupiansk in the Kharkiv region", "Melitopol, Zaporizhzhia region": a region locating a place. */
  private boolean isLocativeModifier(List<Token> t, PlaceMention m, PlaceMention before) {
    if (before == null) {
      return false;
    }
    int j = m.start() - 1;
    while (j > before.end() && LOCATIVE_SKIP.contains(t.get(j).lower())) {
      j--;
    }
    if (j < before.end()) {
      return false;
    }
    String w = t.get(j).lower();
    // "Rubizhne, Popasna and Sievierodonetsk" is a list; "Melitopol, Zaporizhzhia region" locates.
    boolean region = m.resolved() != null && m.resolved().type() == LocationType.REGION;
    return j == before.end() && (w.equals("in") || w.equals("of") || w.equals(",") && region) || j == before.end() && w.equals("near");
  }

  /** Unknown capitalised names right after a capture verb: "captured Pidlisne and Myrna Dolina". */
  private List<PlaceMention> unknownObjects(List<Token> t, List<Trigger> triggers, List<PlaceMention> known) {
    List<PlaceMention> out = new ArrayList<>();
    for (Trigger tr : triggers) {
      if (tr.category() == Category.COMPOUND) {
        continue;
      }
      int i = tr.end();
      if (tr.category() == Category.CONTESTED) {
        // "heavy fighting took place at the village of Dovhenke"
        while (i < t.size() && i - tr.end() < 5 && FIGHT_LINKS.contains(t.get(i).lower()) || i < t.size() && t.get(i).lower().endsWith("ly")) {
          i++;
        }
      }
      while (i < t.size()) {
        while (i < t.size() && (APPOSITION.contains(t.get(i).lower()) || lexicon.placeNouns.contains(t.get(i).lower()))) {
          i++;
        }
        if (i >= t.size()) {
          break;
        }
        final int at = i;
        PlaceMention knownHere = known.stream().filter(m -> m.start() == at).findFirst().orElse(null);
        int end;
        if (knownHere != null) {
          end = knownHere.end();
        } else {
          end = places.unknownNameEnd(t, i);
          if (end == i) {
            break;
          }
          String surface = joined(t, i, end);
          // "occupied Donbas regions": an unknown name with a region noun is an area, not a settlement.
          if (places.known(surface) || (end < t.size() && (lexicon.facilityHeads.contains(t.get(end).lower())
              || lexicon.areaNouns.contains(t.get(end).lower()) || lexicon.placeNouns.contains(t.get(end).lower())))) {
            break;
          }
          out.add(new PlaceMention(i, end, surface, List.of(), null, "not in gazetteer"));
        }
        if (end < t.size() && (t.get(end).lower().equals("and") || t.get(end).lower().equals(","))) {
          i = end + 1;
        } else {
          break;
        }
      }
    }
    return out;
  }

  /** Unknown names that are the subject of a passive capture: "Paraskoviivka was reported to have been captured". */
  private List<PlaceMention> unknownSubjects(List<Token> t, List<Trigger> triggers, List<PlaceMention> known) {
    List<PlaceMention> out = new ArrayList<>();
    for (Trigger tr : triggers) {
      if (tr.category() != Category.CONTROL && tr.category() != Category.LIBERATION) {
        continue;
      }
      int j = tr.start() - 1;
      boolean passive = false;
      while (j >= 0 && j >= tr.start() - 8 && PASSIVE_CHAIN.contains(t.get(j).lower())) {
        passive |= PASSIVE_AUX.contains(t.get(j).lower());
        j--;
      }
      if (!passive || j < 0 || j == tr.start() - 1) {
        continue;
      }
      int end = j + 1;
      int start = end;
      while (start > 0 && end - start < 3 && t.get(start - 1).isCapitalized() && t.get(start - 1).isWord()) {
        start--;
      }
      final int s0 = start;
      if (start == end || known.stream().anyMatch(m -> m.end() > s0 && m.start() < end)
          || places.unknownNameEnd(t, start) != end || start > 0 && !SUBJECT_BEFORE.contains(t.get(start - 1).lower())) {
        continue;
      }
      out.add(new PlaceMention(start, end, joined(t, start, end), List.of(), null, "not in gazetteer"));
    }
    return out;
  }

  private static String joined(List<Token> t, int start, int end) {
    StringBuilder sb = new StringBuilder();
    for (int k = start; k < end; k++) {
      if (k > start && t.get(k).start() > t.get(k - 1).end()) {
        sb.append(' ');
      }
      sb.append(t.get(k).text());
    }
    return sb.toString();
  }

  private int anaphorNear(List<Token> t, Trigger tr, int[] clause) {
    for (int i = Math.max(0, tr.start() - 4); i < Math.min(t.size(), tr.end() + 4); i++) {
      if (clause[i] != clause[tr.start()]) {
        continue;
      }
      int n = lexicon.anaphora.matchAt(t, i);
      if (n == 0) {
        continue;
      }
      String w = t.get(i).lower();
      // "it" only as the object right after the verb ("captured it").
      if (w.equals("it") && (i != tr.end() || tr.category() == Category.PARTIAL || tr.category() == Category.CONTESTED)) {
        continue;
      }
      if (w.equals("there") && i < tr.start() || isLandmark(t, i + n - 1) || isLandmark(t, i)) {
        continue;
      }
      return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------- one claim

  private Draft draft(List<Token> t, Pairing p, int[] clause, Attribution attribution) {
    Trigger tr = p.trigger();
    int clauseStart = tr.start();
    while (clauseStart > 0 && clause[clauseStart - 1] == clause[tr.start()]) {
      clauseStart--;
    }
    int from = Math.min(clauseStart, p.at());
    // A modal or plan governs the rest of its clause ("demanded that Ukraine withdraw ... in exchange
    // for freezing the front line"), but not what a later speech verb reports.
    int speech = lexicon.speech.lastIn(t, from, tr.start());
    if (!presupposed(t, tr, p) && irrealisIn(t, Math.max(Math.max(from, speech + 1), tr.start() - 30), tr.start())) {
      return null;
    }
    if (lexicon.irrealis.matchAt(t, tr.start()) > 0) {
      return null;
    }
    if (tr.category() == Category.PARTIAL && t.get(tr.start()).lower().startsWith("advance") && p.place().resolved() != null
        && p.place().resolved().type() == LocationType.REGION) {
      // "advances in Zaporizhzhia region" is movement, not a share of the region.
      return null;
    }
    if (infinitive(t, tr.start())) {
      return null;
    }
    boolean negated = lexicon.negation.anyIn(t, Math.max(clauseStart, tr.start() - 4), tr.start());
    Integer percent = percentBefore(t, p.at(), tr);
    boolean areaPart = tr.partial() || areaNounBetween(t, tr, p.place(), p.at());
    ClaimType type;
    Polarity polarity = negated ? Polarity.DENIED : Polarity.AFFIRMED;
    String controller;
    double confidence = p.anaphoric() || p.place().resolved() == null ? INFERRED : EXPLICIT;
    switch (tr.category()) {
      case CONTESTED -> {
        type = ClaimType.CONTESTED;
        controller = null;
        polarity = Polarity.AFFIRMED;
      }
      case ENCIRCLED -> {
        type = ClaimType.ENCIRCLED;
        controller = encircler(t, tr, clauseStart, clause, attribution);
      }
      case WITHDRAWAL -> {
        // "withdrew from the city centre into the suburbs" gives up a part, not the place.
        if (partialTriggerAt(t, tr.end(), tr.end() + 3)) {
          return null;
        }
        type = ClaimType.CONTROL;
        controller = agentBefore(t, tr, clauseStart);
        if (controller == null) {
          controller = profile.occupier;
        }
        polarity = negated ? Polarity.AFFIRMED : Polarity.DENIED;
        if (negated) {
          return null;
        }
      }
      case PARTIAL -> {
        type = ClaimType.PARTIAL_CONTROL;
        controller = controller(t, tr, clauseStart, clause, attribution);
      }
      case OCCUPATION, COMPOUND -> {
        type = areaPart ? ClaimType.PARTIAL_CONTROL : ClaimType.CONTROL;
        controller = explicitParty(t, tr, clause);
        if (controller == null) {
          controller = tr.category() == Category.OCCUPATION ? profile.occupierOf(p.place().resolved()) : null;
        }
        if (tr.end() <= p.at()) {
          confidence = Math.min(confidence, PRESUPPOSED);
        }
      }
      case LIBERATION -> {
        type = areaPart ? ClaimType.PARTIAL_CONTROL : ClaimType.CONTROL;
        // The liberator: named with the verb, else the side that calls it liberation.
        controller = explicitParty(t, tr, clause);
        if (controller == null) {
          controller = agentBefore(t, tr, Math.max(clauseStart, tr.start() - 3));
        }
        if (controller == null) {
          controller = profile.liberatorFor(attribution.side(), perspective);
        }
      }
      default -> {
        type = areaPart || percent != null || tr.partial() ? ClaimType.PARTIAL_CONTROL : ClaimType.CONTROL;
        controller = controller(t, tr, clauseStart, clause, attribution);
      }
    }
    if (percent != null && type == ClaimType.CONTROL) {
      type = ClaimType.PARTIAL_CONTROL;
    }
    if (type != ClaimType.CONTESTED && controller == null) {
      return null;
    }
    return new Draft(p.place(), type, controller, polarity, type == ClaimType.PARTIAL_CONTROL ? percent : null, tr.start(), confidence);
  }

  private boolean partialTriggerAt(List<Token> t, int from, int to) {
    for (int i = from; i < Math.min(to, t.size()); i++) {
      if (lexicon.triggers.get(Category.PARTIAL).matchAt(t, i) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Irrealis words in tokens [from, to), except "May" the month ("On 12 May"). */
  private boolean irrealisIn(List<Token> t, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, t.size()); i++) {
      int n = lexicon.irrealis.matchAt(t, i);
      if (n > 0 && i + n <= to && !(n == 1 && t.get(i).text().equals("May"))) {
        return true;
      }
    }
    return false;
  }

  /** "to retake Crimea" is a goal; "claimed to have captured" is a report. */
  private boolean infinitive(List<Token> t, int start) {
    String verb = t.get(start).lower();
    // "to occupied Crimea": a participle after "to" is an adjective, not an infinitive.
    if (verb.endsWith("ed") || PARTICIPLES.contains(verb)) {
      return false;
    }
    int k = start - 1;
    if (k >= 0 && (t.get(k).lower().equals("fully") || t.get(k).lower().equals("have"))) {
      k--;
    }
    if (k < 0 || !t.get(k).lower().equals("to")) {
      return false;
    }
    if (k > 0 && t.get(start - 1).lower().equals("have")) {
      return false;
    }
    String before = k > 0 ? t.get(k - 1).lower() : "";
    return !(lexicon.speech.contains(before) || before.equals("appears") || before.equals("appeared") || before.equals("believed")
        || before.equals("continues") || before.equals("continue") || before.equals("continued") || before.equals("managed"));
  }

  /** The party that holds or takes: hyphenated or "by" party, then the subject, then context. */
  private String controller(List<Token> t, Trigger tr, int clauseStart, int[] clause, Attribution attribution) {
    // "Ukraine denied the capture of Toretsk": the denier is not the one said to capture.
    int denial = lexicon.denial.lastIn(t, 0, tr.start());
    if (denial >= 0) {
      String party = explicitParty(t, tr, clause);
      if (party == null) {
        party = agentBefore(t, tr, denial + 1);
      }
      if (party == null) {
        party = agentAfter(t, tr, clause);
      }
      if (party == null) {
        ConflictProfile.PartyHit denier = partyEndingAtOrBefore(t, denial);
        String side = denier != null ? denier.party() : attribution.side();
        party = profile.isParty(side) ? profile.opponent(side) : null;
      }
      if (party != null) {
        return party;
      }
    }
    String party = explicitParty(t, tr, clause);
    if (party == null) {
      for (Trigger other : sentenceTriggers) {
        if (other != tr && clause[other.start()] == clause[tr.start()] && (party = explicitParty(t, other, clause)) != null) {
          break;
        }
      }
    }
    if (party == null) {
      party = agentBefore(t, tr, clauseStart);
    }
    if (party == null) {
      party = agentAfter(t, tr, clause);
    }
    if (party == null) {
      party = agentBefore(t, tr, 0);
    }
    if (party == null && profile.isParty(attribution.side())) {
      party = attribution.side();
    }
    if (party == null) {
      // "Paraskoviivka was captured on 17 February": the side the narrative is about.
      party = contextParty;
    }
    if (party == null && tr.category() == Category.CONTROL) {
      // Nobody named anywhere: a capture is the invader's, a recapture the defender's, as with
      // "occupied" and "liberated".
      party = t.get(tr.start()).lower().startsWith("re") ? profile.defaultLiberator : profile.occupier;
    }
    return party;
  }

  private String encircler(List<Token> t, Trigger tr, int clauseStart, int[] clause, Attribution attribution) {
    String explicit = explicitParty(t, tr, clause);
    if (explicit != null) {
      return explicit;
    }
    boolean passive = (tr.start() > 0 && PASSIVE_AUX.contains(t.get(tr.start() - 1).lower()))
        || (tr.end() < t.size() && (t.get(tr.end()).lower().equals("in") || t.get(tr.end()).lower().equals("at")));
    String subject = agentBefore(t, tr, clauseStart);
    if (passive) {
      // "Russian troops are encircled": the encircler is the other side.
      if (subject != null) {
        return profile.opponent(subject);
      }
      String side = profile.isParty(attribution.side()) ? profile.opponent(attribution.side()) : profile.occupier;
      return side;
    }
    if (subject != null) {
      return subject;
    }
    // "besieged Mariupol": with no encircler named, the invading party.
    return profile.occupier;
  }

  /** "Russian-held", "under Ukrainian control", "captured by Russian troops". */
  private String explicitParty(List<Token> t, Trigger tr, int[] clause) {
    if (tr.start() >= 2 && t.get(tr.start() - 1).lower().equals("-")) {
      ConflictProfile.PartyHit hit = partyEndingAt(t, tr.start() - 1);
      if (hit != null) {
        return hit.party();
      }
    }
    // Without a "by": a party right after a passive participle is its agent ("освобожден украинскими войсками").
    if (tr.end() < t.size() && lexicon.agentAfter.matchAt(t, tr.start()) > 0) {
      ConflictProfile.PartyHit agent = profile.partyAt(t, tr.end(), perspective);
      if (agent != null) {
        return agent.party();
      }
    }
    ConflictProfile.PartyHit adjective = partyEndingAt(t, tr.start());
    if (adjective != null && t.get(tr.start()).lower().startsWith("control")) {
      return adjective.party();
    }
    for (int i = tr.end(); i < Math.min(t.size(), tr.end() + 4); i++) {
      if (clause[i] != clause[tr.start()]) {
        break;
      }
      if (t.get(i).lower().equals("by")) {
        for (int j = i + 1; j < Math.min(t.size(), i + 3); j++) {
          ConflictProfile.PartyHit hit = profile.partyAt(t, j, perspective);
          if (hit != null) {
            return hit.party();
          }
        }
      }
    }
    return null;
  }

  private ConflictProfile.PartyHit partyEndingAtOrBefore(List<Token> t, int end) {
    for (int i = end - 1; i >= 0; i--) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null && hit.end() <= end) {
        return hit;
      }
    }
    return null;
  }

  private ConflictProfile.PartyHit partyEndingAt(List<Token> t, int end) {
    for (int j = Math.max(0, end - 4); j < end; j++) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, j, perspective);
      if (hit != null && hit.end() == end) {
        return hit;
      }
    }
    return null;
  }

  /** The nearest party named before the trigger, from {@code from}; "Moscow's claims" is no agent. */
  private String agentBefore(List<Token> t, Trigger tr, int from) {
    for (int i = tr.start() - 1; i >= from; i--) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null && hit.end() <= tr.start() && !ownsClaims(t, hit) && !possessiveOfName(t, hit)) {
        return hit.party();
      }
    }
    return null;
  }

  private String agentAfter(List<Token> t, Trigger tr, int[] clause) {
    for (int i = tr.end(); i < t.size() && clause[i] == clause[tr.start()]; i++) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null && !ownsClaims(t, hit) && !possessiveOfName(t, hit)) {
        return hit.party();
      }
    }
    return null;
  }

  /** "Ukraine's Donetsk region": the party names whose place it is, not who acts. */
  private static boolean possessiveOfName(List<Token> t, ConflictProfile.PartyHit hit) {
    int k = hit.end();
    return k + 1 < t.size() && t.get(k).lower().equals("'s") && t.get(k + 1).isCapitalized()
        && !t.get(k + 1).lower().equals("general") && !t.get(k + 1).lower().equals("armed");
  }

  /** "Moscow's claims", "Russian claims that": the party owns a claim, it does not act. */
  private static boolean ownsClaims(List<Token> t, ConflictProfile.PartyHit hit) {
    int k = hit.end();
    boolean possessive = k < t.size() && t.get(k).lower().equals("'s");
    if (possessive) {
      k++;
    }
    boolean claims = k < t.size() && (t.get(k).lower().equals("claims") || t.get(k).lower().equals("claim"));
    boolean that = k + 1 < t.size() && t.get(k + 1).lower().equals("that");
    return claims && (possessive || that || (k + 1 < t.size() && t.get(k + 1).lower().equals(",")));
  }

  private Integer percentBefore(List<Token> t, int placeStart, Trigger tr) {
    int from = Math.max(0, Math.min(tr.start(), placeStart) - 2);
    int to = Math.min(t.size(), Math.max(tr.end(), placeStart));
    for (int i = from; i < to; i++) {
      String w = t.get(i).lower();
      if ((w.equals("percent") || w.equals("%") || w.equals("per")) && i > 0) {
        String num = t.get(i - 1).lower();
        if (num.chars().allMatch(Character::isDigit) && !num.isEmpty() && num.length() <= 3) {
          int v = Integer.parseInt(num);
          if (v > 0 && v <= 100) {
            return v;
          }
        }
      }
      Integer word = lexicon.percentWordAt(t, i);
      if (word != null) {
        return word;
      }
    }
    return null;
  }

  /** "liberated settlements of Kherson region", "occupied parts of Donetsk region": part of a region. */
  private boolean areaNounBetween(List<Token> t, Trigger tr, PlaceMention place, int placeStart) {
    boolean region = place.resolved() != null && place.resolved().type() == LocationType.REGION;
    for (int i = Math.max(0, placeStart - 5); i < placeStart; i++) {
      String w = t.get(i).lower();
      // "the villages of Poltavka and Malynivka" names the villages; "villages of Kharkiv region" is part of it.
      if (lexicon.areaNouns.contains(w) && (region || !SETTLEMENT_NOUNS.contains(w))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- denial

  private Attribution denierOf(List<Token> t, String text, int denial, Attribution attribution, String outlet) {
    for (int i = denial - 1; i >= 0; i--) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null) {
        String name = text.substring(t.get(hit.start()).start(), t.get(hit.end() - 1).end());
        return new Attribution(name, hit.party(), hit.start(), hit.end(), true);
      }
    }
    return attribution;
  }

  /**
   * A denial turns the claims after it into DENIED claims of the denier; "rejects Russian claims
   * that X is surrounded" also records the rejected claim as the owner's. With no claim of its own
   * after the denial, the denier denies the owner's control of the places it names (or of the
   * places the sentence before claimed) — "Ukraine rejected Moscow's claims, insisting that
   * Vovchansk and Pokrovsk remain contested".
   */
  private List<Draft> applyDenial(List<Token> t, String text, int denial, List<Draft> drafts, List<PlaceMention> named,
      List<Draft> previousDrafts, Attribution attribution, Article article, Sentence s, List<DateMention> sentenceDates,
      DateMention narrative, LocalDate published, Map<String, Claim> out) {
    Attribution denier = denierOf(t, text, denial, attribution, article.outlet());
    String owner = null;
    int ownerAt = -1;
    for (int i = denial; i < Math.min(t.size(), denial + 6); i++) {
      ConflictProfile.PartyHit hit = profile.partyAt(t, i, perspective);
      if (hit != null && ownsClaims(t, hit)) {
        owner = hit.party();
        ownerAt = hit.start();
        break;
      }
    }
    if (owner == null) {
      owner = profile.opponent(denier.side());
    }
    List<Draft> result = new ArrayList<>();
    boolean deniedOwn = false;
    for (Draft d : drafts) {
      if (d.triggerStart() > denial && d.type() != ClaimType.CONTESTED) {
        result.add(new Draft(d.place(), d.type(), d.controller(), Polarity.DENIED, d.percent(), d.triggerStart(), d.confidence()));
        deniedOwn = true;
        if (ownerAt >= 0 && owner != null) {
          String ownerName = text.substring(t.get(ownerAt).start(), t.get(ownerAt).end());
          Attribution ownerAttribution = new Attribution(ownerName, owner, ownerAt, ownerAt + 1, true);
          add(out, article, s, new Draft(d.place(), d.type(), d.controller(), Polarity.AFFIRMED, d.percent(), d.triggerStart(), INFERRED),
              ownerAttribution, dateFor(t, d.triggerStart(), sentenceDates, narrative), published);
        }
      } else {
        result.add(d);
      }
    }
    if (!deniedOwn && owner != null) {
      List<PlaceMention> targets = new ArrayList<>();
      for (PlaceMention m : named) {
        if (!denier.covers(m.start()) && m.start() > denial) {
          targets.add(m);
        }
      }
      if (targets.isEmpty()) {
        previousDrafts.stream().map(Draft::place).distinct().forEach(targets::add);
      }
      for (PlaceMention m : targets) {
        result.add(new Draft(m, ClaimType.CONTROL, owner, Polarity.DENIED, null, denial, INFERRED));
      }
      // "... denies these claims, asserting that fighting continues": contested, same places.
      boolean contestedSaid = sentenceTriggers.stream().anyMatch(tr -> tr.start() > denial && tr.category() == Category.CONTESTED);
      boolean contestedDrafted = result.stream().anyMatch(d -> d.type() == ClaimType.CONTESTED);
      if (contestedSaid && !contestedDrafted) {
        for (PlaceMention m : targets) {
          result.add(new Draft(m, ClaimType.CONTESTED, null, Polarity.AFFIRMED, null, denial, INFERRED));
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- dates and output

  /** The date in the trigger's clause, else the latest before it, else the narrative date. */
  private static DateMention dateFor(List<Token> t, int triggerStart, List<DateMention> sentenceDates, DateMention narrative) {
    DateMention before = null;
    DateMention after = null;
    for (DateMention d : sentenceDates) {
      if (d.start() <= triggerStart) {
        before = d;
      } else if (after == null && d.start() - triggerStart <= 8) {
        after = d;
      }
    }
    if (after != null && (before == null || hasBreak(t, before.end(), triggerStart) && hasAnd(t, before.end(), triggerStart))) {
      return after;
    }
    if (before != null) {
      return before;
    }
    return narrative;
  }

  private static boolean hasAnd(List<Token> t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t.get(i).lower().equals("and")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBreak(List<Token> t, int from, int to) {
    for (int i = from; i < to; i++) {
      String w = t.get(i).lower();
      if (w.equals("and") || w.equals(",") || w.equals("but")) {
        return true;
      }
    }
    return false;
  }

  private void add(Map<String, Claim> out, Article a, Sentence s, Draft d, Attribution who, DateMention when, LocalDate published) {
    Place place = d.place().resolved();
    LocalDate date = when != null ? when.date() : published;
    DatePrecision precision = when != null ? when.precision() : DatePrecision.DAY;
    String locationId = place != null ? place.id() : null;
    String name = place != null ? place.name() : d.place().surface();
    LocationType type = place != null ? place.type() : LocationType.SETTLEMENT;
    String key = String.join("|", locationId != null ? locationId : "name:" + name.toLowerCase(java.util.Locale.ROOT),
        d.type().name(), String.valueOf(d.controller()), d.polarity().name(), who.side(), date.toString());
    if (out.containsKey(key)) {
      return;
    }
    String claimId = hash(a.articleId() + "|" + key + "|" + who.claimant());
    out.put(key, new Claim(claimId, a.articleId(), a.outlet(), a.publishedAt(), who.claimant(), who.side(), locationId, name, type,
        place != null ? place.admin1() : null, place != null ? place.countryCode() : null,
        place != null ? place.latitude() : null, place != null ? place.longitude() : null,
        d.type(), d.controller(), d.polarity(), d.percent(), date, precision, s.text(), s.start(), s.end(), a.language(),
        d.confidence()));
  }

  static String hash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
