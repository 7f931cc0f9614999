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
  private static final Set<String> OBJECT_SKIP = Set.of(
      "the", "a", "of", "city", "town", "village", "villages", "settlement", "settlements", "nearby", "key", "strategic", "small",
      "eastern", "western", "northern", "southern", "entire", "whole", "port", "frontline", "front", "line", "control", "over", "in", "and", ",");
  private static final Set<String> PASSIVE_AUX = Set.of("is", "are", "was", "were", "been", "being", "be", "remain", "remains", "now", "still");

  private final TextAnalyzer analyzer;
  private final Lexicon lexicon;
  private final ConflictProfile profile;
  private final PlaceFinder places;
  private final AttributionFinder attributions;
  private final Disambiguator disambiguator;
  /** The side "the enemy" is seen from in the current article: the outlet's, else the claimant's. */
  private String perspective;

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
      for (Draft d : drafts) {
        add(out, article, s, d, attribution, dateFor(t, d.triggerStart(), sentenceDates, narrative), published);
      }
      Attribution denier = denial >= 0 ? denierOf(t, text, denial, attribution, article.outlet()) : attribution;
      for (Draft d : denied) {
        add(out, article, s, d, denier, dateFor(t, d.triggerStart(), sentenceDates, narrative), published);
      }
      List<Draft> all = new ArrayList<>(drafts);
      all.addAll(denied);
      previousDrafts = all;
      lastPlace = lastOf(resolved, lastPlace);
    }
    return List.copyOf(out.values());
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
    List<Trigger> triggers = triggers(t);
    if (triggers.isEmpty()) {
      return List.of();
    }
    int[] clause = clauseIds(t);
    List<PlaceMention> candidates = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      PlaceMention m = found.get(k);
      if (attribution.covers(m.start()) || isLocativeModifier(t, m, k > 0 ? found.get(k - 1) : null)) {
        continue;
      }
      candidates.add(m);
    }
    candidates.addAll(unknownObjects(t, triggers, found));

    List<Pairing> pairings = new ArrayList<>();
    Set<Trigger> used = new HashSet<>();
    for (PlaceMention m : candidates) {
      Trigger best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Trigger tr : triggers) {
        if (clause[tr.start()] != clause[m.start()]) {
          continue;
        }
        int distance = tr.end() <= m.start() ? m.start() - tr.end() : tr.start() >= m.end() ? tr.start() - m.end() + 1 : 0;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = tr;
        }
      }
      if (best != null && bestDistance <= MAX_DISTANCE) {
        pairings.add(new Pairing(m, best, false, m.start(), m.end()));
        used.add(best);
      }
    }
    // A trigger with no place of its own may point back: "the city", "there", "captured it".
    for (Trigger tr : triggers) {
      if (used.contains(tr)) {
        continue;
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
        boolean chains = prev != null && best.category() == Category.PARTIAL && prev.end() == best.start()
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
    return j == before.end() && (w.equals("in") || w.equals(",") || w.equals("of")) || j + 1 == before.end() + 1 && w.equals("in")
        || j == before.end() && w.equals("near");
  }

  /** Unknown capitalised names right after a capture verb: "captured Pidlisne and Myrna Dolina". */
  private List<PlaceMention> unknownObjects(List<Token> t, List<Trigger> triggers, List<PlaceMention> known) {
    List<PlaceMention> out = new ArrayList<>();
    for (Trigger tr : triggers) {
      if (tr.category() != Category.CONTROL && tr.category() != Category.LIBERATION && tr.category() != Category.ENCIRCLED) {
        continue;
      }
      int i = tr.end();
      while (i < t.size()) {
        while (i < t.size() && (t.get(i).lower().equals("the") || t.get(i).lower().equals("village") || t.get(i).lower().equals("villages")
            || t.get(i).lower().equals("settlement") || t.get(i).lower().equals("settlements") || t.get(i).lower().equals("of"))) {
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
          if (places.known(surface) || (end < t.size() && lexicon.facilityHeads.contains(t.get(end).lower()))) {
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
      if (w.equals("it") && i != tr.end()) {
        continue;
      }
      if (w.equals("there") && i < tr.start()) {
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
    int irrealis = lexicon.irrealis.lastIn(t, Math.max(from, tr.start() - 12), tr.start());
    if (irrealis >= 0) {
      return null;
    }
    if (lexicon.irrealis.matchAt(t, tr.start()) > 0) {
      return null;
    }
    if (tr.category() == Category.PARTIAL && t.get(tr.start()).lower().startsWith("advance") && p.place().resolved() != null
        && p.place().resolved().type() == LocationType.REGION) {
      return null;
    }
    if (infinitive(t, tr.start())) {
      return null;
    }
    boolean negated = lexicon.negation.anyIn(t, Math.max(clauseStart, tr.start() - 4), tr.start());
    Integer percent = percentBefore(t, p.at(), tr);
    boolean areaPart = tr.partial() || areaNounBetween(t, tr, p.at());
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

  /** "to retake Crimea" is a goal; "claimed to have captured" is a report. */
  private boolean infinitive(List<Token> t, int start) {
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
    String party = explicitParty(t, tr, clause);
    if (party == null) {
      for (Trigger other : triggers(t)) {
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
  private boolean areaNounBetween(List<Token> t, Trigger tr, int placeStart) {
    for (int i = Math.max(0, placeStart - 5); i < placeStart; i++) {
      if (lexicon.areaNouns.contains(t.get(i).lower())) {
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
      boolean contestedSaid = triggers(t).stream().anyMatch(tr -> tr.start() > denial && tr.category() == Category.CONTESTED);
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
