package org.contested.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.contested.core.Lexicon.Category;
import org.contested.core.text.OpenNlpAnalyzer;
import org.contested.core.text.PrefilterAnalyzer;
import org.contested.core.text.PrefilterAnalyzer.RoughSentence;
import org.contested.core.text.TextAnalyzer;
import org.contested.model.LocationType;

/**
 * Picks the rough sentences the {@link RuleClaimExtractor} needs, from a linear scan of their
 * words against the lexicon and the gazetteer (no NLP).
 *
 * <p>A sentence can yield a claim only when it has a trigger phrase and something for it to govern
 * (a gazetteer name, an anaphor such as "the city", or a capitalised name right after a capture
 * verb), or a denial with a place or right after such a sentence. Those are kept. Since the
 * extractor also reads context across sentences, each kept sentence brings along: the sentence
 * before a denial (whose claims the denial may refer to), the nearest earlier sentence naming a
 * date back to one naming a year (partial dates take their year from the dates before them), the
 * nearest starting with a date (the narrative date), the earlier sentences naming
 * places back over two naming a settlement when it has an anaphor, the earlier attributions when it says "he said", and anywhere in
 * the text the sentences naming a region by a multi-word name when a claim sentence names a place
 * found in more than one region (the region named elsewhere decides). A text
 * without a claim sentence keeps nothing.
 *
 * <p>Words are matched as lower-case runs of letters and digits ("Russian-held" → russian, held;
 * "Russia's" → russia, s), the lexicon phrases cut the same way. Not thread-safe (name cache).
 */
public final class ClaimScreen implements PrefilterAnalyzer.Screen {
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
  private static final Set<String> OBJECT_SKIP = Set.of("the", "village", "villages", "settlement", "settlements", "of");
  private static final Set<String> DATE_WORDS = Set.of(
      "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august",
      "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "yesterday", "day", "days", "year");
  private static final Set<String> REGION_WORDS = Set.of("region", "oblast", "province", "republic", "krai", "district");
  /** Words the extractor skips between a trigger and a name it lacks (RuleClaimExtractor.unknownObjects). */
  private static final Set<String> BEFORE_UNKNOWN = Set.of(
      "the", "of", "nearby", "neighbouring", "neighboring", "key", "strategic", "small", "large", "entire", "whole", "eastern",
      "western", "northern", "southern", "frontline", "villages", "village", "towns", "town", "cities", "city", "settlements",
      "settlement", "urban", "type");
  /** After a contested trigger also: "heavy fighting took place at Dovhenke". */
  private static final Set<String> FIGHT_LINKS = Set.of(
      "took", "takes", "place", "at", "in", "for", "around", "over", "continued", "continues", "raged", "rages");
  /** Words between a passive subject and its verb (RuleClaimExtractor.unknownSubjects). */
  private static final Set<String> PASSIVE_CHAIN = Set.of(
      "is", "are", "was", "were", "been", "being", "be", "has", "have", "had", "reported", "reportedly", "said", "to", "also",
      "confirmed", "fully", "officially", "finally", "completely", "now", "later", "eventually", "believed", "thought");
  private static final int NAME_CACHE_LIMIT = 100_000;
  /** RuleClaimExtractor pairs a place with a trigger at most this many tokens away. */
  private static final int MAX_DISTANCE = 10;
  /** The longest place name the extractor looks up, in tokens. */
  private static final int MAX_NAME_WORDS = 6;
  /** Earlier sentences naming dates kept for a claim sentence at most (after the narrative one). */
  private static final int MAX_DATE_CONTEXT = 3;

  // Phrase kinds.
  private static final int CAPTURE = 0;
  private static final int TRIGGER = 1;
  private static final int DENIAL = 2;
  private static final int ANAPHOR = 3;
  private static final int SPEECH = 4;
  private static final int PARTY = 5;
  /** Contested triggers: like TRIGGER, but a missing name may follow "took place at". */
  private static final int FIGHT = 6;
  private static final int KINDS = 7;
  // Word-list bits.
  private static final int PHRASE_START = 1;
  private static final int DATE_WORD = 2;
  private static final int STOP_NAME = 4;
  private static final int PRONOUN = 8;
  private static final int SKIPPED_BEFORE_OBJECT = 16;
  private static final int REGION_WORD = 32;
  // What a capitalised word is to the gazetteer.
  private static final int NOT_A_NAME = 0;
  private static final int PLAIN_NAME = 1;
  private static final int AMBIGUOUS_NAME = 2;

  private final Gazetteer gazetteer;
  private final Phrases phrases = new Phrases();
  /** Per lower-case word, which of the word lists it is in: one lookup per word. */
  private final Map<String, Integer> wordBits = new HashMap<>();
  private final Map<String, Integer> nameStarts = new HashMap<>();
  /** Rough sentences seen, claim sentences, and kept by each context rule (for tuning reports). */
  private final long[] stats = new long[7];
  // Buffers of the sentence being scanned.
  private String[] words = new String[64];
  private String[] names = new String[64];
  private int[] bits = new int[64];

  public ClaimScreen(Gazetteer gazetteer, Lexicon lexicon) {
    this(gazetteer, lexicon, null);
  }

  /** With a profile, sentences naming a party are known too (the extractor's narrative party). */
  public ClaimScreen(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile) {
    this.gazetteer = gazetteer;
    if (profile != null) {
      phrases.add(profile.aliasPhrases(), PARTY);
    }
    for (Category c : Category.values()) {
      boolean takes = c == Category.CONTROL || c == Category.LIBERATION || c == Category.ENCIRCLED;
      phrases.add(lexicon.triggers.get(c).phrases(), takes ? CAPTURE : c == Category.CONTESTED ? FIGHT : TRIGGER);
    }
    phrases.add(lexicon.denial.phrases(), DENIAL);
    phrases.add(lexicon.anaphora.phrases(), ANAPHOR);
    phrases.add(lexicon.speech.phrases(), SPEECH);
    phrases.firstWords().forEach(w -> wordBits.merge(w, PHRASE_START, (a, b) -> a | b));
    DATE_WORDS.forEach(w -> wordBits.merge(w, DATE_WORD, (a, b) -> a | b));
    lexicon.stopNames.phrases().forEach(w -> wordBits.merge(w.toLowerCase(Locale.ROOT), STOP_NAME, (a, b) -> a | b));
    PRONOUNS.forEach(w -> wordBits.merge(w, PRONOUN, (a, b) -> a | b));
    OBJECT_SKIP.forEach(w -> wordBits.merge(w, SKIPPED_BEFORE_OBJECT, (a, b) -> a | b));
    REGION_WORDS.forEach(w -> wordBits.merge(w, REGION_WORD, (a, b) -> a | b));
  }

  /** The extractor as the pipeline builds it: with the screen in front of OpenNLP, or without. */
  public static RuleClaimExtractor extractor(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile, boolean prefilter) {
    return new RuleClaimExtractor(analyzer(gazetteer, lexicon, profile, prefilter), gazetteer, lexicon, profile);
  }

  public static TextAnalyzer analyzer(Gazetteer gazetteer, Lexicon lexicon, boolean prefilter) {
    return analyzer(gazetteer, lexicon, null, prefilter);
  }

  public static TextAnalyzer analyzer(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile, boolean prefilter) {
    OpenNlpAnalyzer full = new OpenNlpAnalyzer();
    return prefilter ? new PrefilterAnalyzer(full, new ClaimScreen(gazetteer, lexicon, profile)) : full;
  }

  /** What one rough sentence holds. */
  private static final class Flags {
    boolean trigger;
    boolean objectAfterCapture;
    boolean denial;
    boolean place;
    boolean anaphor;
    boolean date;
    boolean dateFirst;
    boolean year;
    boolean speech;
    boolean party;
    boolean pronounSpeech;
    boolean region;
    boolean governed;
    boolean placeAfterDenial;
    List<String> placeNames = List.of();
  }

  @Override
  public boolean[] select(String text, List<RoughSentence> sentences) {
    int n = sentences.size();
    boolean[] keep = new boolean[n];
    Flags[] flags = new Flags[n];
    boolean[] claim = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Flags f = scan(text, sentences.get(i));
      flags[i] = f;
      claim[i] = f.governed || f.anaphor || f.objectAfterCapture || f.denial && (f.placeAfterDenial || i > 0 && claim[i - 1]);
      any |= claim[i];
    }
    stats[0] += n;
    if (!any) {
      return keep;
    }
    for (int i = 0; i < n; i++) {
      if (claim[i]) {
        stats[1]++;
      }
    }
    // Region names only steer the choice between places of one name in different regions.
    boolean ambiguous = false;
    for (int i = 0; i < n && !ambiguous; i++) {
      if (claim[i]) {
        ambiguous = flags[i].anaphor || flags[i].placeNames.stream().anyMatch(this::isAmbiguous);
      }
    }
    for (int i = 0; i < n; i++) {
      if (ambiguous && flags[i].region && !keep[i]) {
        keep[i] = true;
        stats[6]++;
      }
      if (!claim[i]) {
        continue;
      }
      keep[i] = true;
      if (flags[i].denial && i > 0 && !keep[i - 1]) {
        keep[i - 1] = true;
        stats[2]++;
      }
      // The narrative date (of the nearest sentence opening with a date) and the dates before it,
      // back to an explicit year, which partial and relative dates resolve against.
      int before = count(keep);
      int narrative = keepNearest(flags, keep, i, f -> f.dateFirst);
      // A day named anywhere in an earlier sentence carries on too, and the party named last
      // stands for an agentless capture ("X was captured on 17 February").
      keepNearest(flags, keep, i, f -> f.date);
      keepNearest(flags, keep, i, f -> f.party);
      int stopBefore = narrative >= 0 ? narrative : i;
      // Only a date without its year (here or in the narrative sentence) looks further back.
      boolean needsAnchor = flags[i].date && !flags[i].year || narrative >= 0 && !flags[narrative].year;
      for (int j = i - 1, dated = 0; needsAnchor && j >= 0 && dated < MAX_DATE_CONTEXT; j--) {
        if (flags[j].date) {
          keep[j] = true;
          if (j < stopBefore) {
            dated++;
            if (flags[j].year) {
              break;
            }
          }
        }
      }
      stats[3] += count(keep) - before;
      before = count(keep);
      if (flags[i].anaphor) {
        // The antecedent is the last settlement named before. A name may turn out to be a region or
        // a government ("Kyiv said"), so go back over two sentences naming a settlement.
        for (int j = i - 1, settlements = 0; j >= 0 && settlements < 2; j--) {
          if (flags[j].place) {
            keep[j] = true;
            if (namesSettlement(flags[j])) {
              settlements++;
            }
          }
        }
      }
      stats[4] += count(keep) - before;
      before = count(keep);
      if (flags[i].pronounSpeech) {
        // "he said": the claimant is the one of the attribution before, which may itself be a pronoun.
        for (int j = i - 1; j >= 0; j--) {
          if (flags[j].speech) {
            keep[j] = true;
            if (!flags[j].pronounSpeech) {
              break;
            }
          }
        }
      }
      stats[5] += count(keep) - before;
    }
    return keep;
  }

  private static int count(boolean[] keep) {
    int c = 0;
    for (boolean k : keep) {
      c += k ? 1 : 0;
    }
    return c;
  }

  /**
   * Counts so far: rough sentences, claim sentences, and sentences kept for context as the one
   * before a denial, for dates, for an anaphor's antecedent, for "he said", for a region name.
   */
  public long[] stats() {
    return stats.clone();
  }

  /** Keeps the nearest sentence before {@code i} that passes; returns its index or -1. */
  private static int keepNearest(Flags[] flags, boolean[] keep, int i, java.util.function.Predicate<Flags> p) {
    for (int j = i - 1; j >= 0; j--) {
      if (p.test(flags[j])) {
        keep[j] = true;
        return j;
      }
    }
    return -1;
  }

  /** One linear pass over the words of a rough sentence. */
  private Flags scan(String text, RoughSentence s) {
    int count = 0;
    int i = s.start();
    int end = s.end();
    while (i < end) {
      char c = text.charAt(i);
      if (c != '%' && !Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      if (count == words.length) {
        words = java.util.Arrays.copyOf(words, count * 2);
        bits = java.util.Arrays.copyOf(bits, count * 2);
        names = java.util.Arrays.copyOf(names, count * 2);
      }
      if (c == '%') {
        words[count] = "%";
        bits[count] = wordBits.getOrDefault("%", 0);
        names[count++] = null;
        i++;
        continue;
      }
      int j = i;
      while (j < end && Character.isLetterOrDigit(text.charAt(j))) {
        j++;
      }
      String name = null;
      if (Character.isUpperCase(c)) {
        // A name runs on over apostrophes ("Kup'yansk"), but not over a possessive 's.
        int k = j;
        while (k + 1 < end && isApostrophe(text.charAt(k)) && Character.isLetter(text.charAt(k + 1))) {
          int m = k + 1;
          while (m < end && Character.isLetterOrDigit(text.charAt(m))) {
            m++;
          }
          if (m - k == 2 && (text.charAt(k + 1) == 's' || text.charAt(k + 1) == 'S')) {
            break;
          }
          k = m;
        }
        name = text.substring(i, k);
      }
      words[count] = lower(text, i, j);
      bits[count] = wordBits.getOrDefault(words[count], 0);
      names[count++] = name;
      i = j;
    }

    Flags f = new Flags();
    // {start word, end word, 1 for a fight word else 0}. One length for all, and loops below with
    // one bound each: with triggers of two lengths and loops bounded twice, the JIT compiler's
    // speculative bounds checks failed and it compiled this method again, several times a run.
    List<int[]> triggers = new ArrayList<>();
    List<Integer> places = new ArrayList<>();
    List<int[]> anaphors = new ArrayList<>();
    int denialAt = -1;
    int[] longest = new int[KINDS];
    for (int w = 0; w < count; w++) {
      String word = words[w];
      int b = bits[w];
      if ((b & PHRASE_START) != 0 && phrases.matchAt(words, count, w, longest)) {
        int taken = longest[CAPTURE];
        int other = Math.max(longest[TRIGGER], longest[FIGHT]);
        if (taken > 0 && taken >= other) {
          triggers.add(new int[] {w, w + taken, 0});
          int k = w + taken;
          while (k < count && (bits[k] & SKIPPED_BEFORE_OBJECT) != 0) {
            k++;
          }
          if (k < count && names[k] != null) {
            f.objectAfterCapture = true;
          }
        } else if (other > 0) {
          triggers.add(new int[] {w, w + other, longest[FIGHT] == other ? 1 : 0});
        }
        if (denialAt < 0 && longest[DENIAL] > 0) {
          denialAt = w;
        }
        if (longest[ANAPHOR] > 0) {
          anaphors.add(new int[] {w, w + longest[ANAPHOR]});
        }
        if (longest[PARTY] > 0) {
          f.party = true;
        }
        if (longest[SPEECH] > 0) {
          f.speech = true;
          if (w > 0 && (bits[w - 1] & PRONOUN) != 0) {
            f.pronounSpeech = true;
          }
        }
      }
      boolean year = isYear(word);
      f.year |= year;
      if (year || (b & DATE_WORD) != 0) {
        f.date = true;
        if (w <= 3) {
          f.dateFirst = true;
        }
      }
      if (names[w] != null && (b & STOP_NAME) == 0 && isNameStart(names[w])) {
        places.add(w);
        if (w + 1 < count && (bits[w + 1] & REGION_WORD) != 0 && namesRegion(names[w] + " " + words[w + 1])) {
          f.region = true;
        }
      }
    }
    f.trigger = !triggers.isEmpty();
    f.place = !places.isEmpty();
    if (f.place) {
      List<String> placeNames = new ArrayList<>(places.size());
      for (int p : places) {
        placeNames.add(names[p]);
      }
      f.placeNames = placeNames;
    }
    f.denial = denialAt >= 0;
    // The extractor's windows, in words: without punctuation tokens, distances here are never
    // longer than the extractor's, so these tests only ever let more through.
    for (int[] t : triggers) {
      // A name the gazetteer lacks counts right after any trigger ("withdrew from Makarivka",
      // "fighting took place at Dovhenke") and as the subject of a passive one ("Paraskoviivka
      // was reported to have been captured").
      // One precomputed bound per loop (not k < count && k < t[1] + 6): see triggers above.
      int k = t[1];
      boolean fight = t[2] == 1;
      int stop = Math.min(count, t[1] + 6);
      while (k < stop && (BEFORE_UNKNOWN.contains(words[k]) || fight && FIGHT_LINKS.contains(words[k]))) {
        k++;
      }
      if (k < count && names[k] != null && (bits[k] & STOP_NAME) == 0) {
        f.objectAfterCapture = true;
      }
      int j = t[0] - 1;
      int low = Math.max(0, t[0] - 8);
      while (j >= low && PASSIVE_CHAIN.contains(words[j])) {
        j--;
      }
      if (j >= 0 && j < t[0] - 1 && names[j] != null && (bits[j] & STOP_NAME) == 0) {
        f.objectAfterCapture = true;
      }
      for (int p : places) {
        if (p >= t[0] - MAX_DISTANCE - MAX_NAME_WORDS && p <= t[1] + MAX_DISTANCE) {
          f.governed = true;
        }
      }
      for (int[] a : anaphors) {
        String w = words[a[0]];
        boolean near = w.equals("it") ? a[0] == t[1] : w.equals("there") ? a[0] >= t[0] && a[0] < t[1] + 4
            : a[1] > t[0] - 4 && a[0] < t[1] + 4;
        if (near) {
          f.anaphor = true;
        }
      }
    }
    for (int p : places) {
      if (p > denialAt && denialAt >= 0) {
        f.placeAfterDenial = true;
      }
    }
    return f;
  }

  private boolean namesSettlement(Flags f) {
    for (String name : f.placeNames) {
      if (gazetteer.lookupStrict(name).stream().anyMatch(p -> p.type() == LocationType.SETTLEMENT)) {
        return true;
      }
    }
    return false;
  }

  /** "Donetsk region", "Kharkiv Oblast": a multi-word name of a first-level region. */
  private boolean namesRegion(String surface) {
    return gazetteer.lookupStrict(surface).stream().anyMatch(p -> p.type() == LocationType.REGION);
  }

  private boolean isNameStart(String word) {
    return nameKind(word) != NOT_A_NAME;
  }

  /** A name word whose places lie in more than one region, or that only starts longer names. */
  private boolean isAmbiguous(String word) {
    return nameKind(word) == AMBIGUOUS_NAME;
  }

  private int nameKind(String word) {
    Integer known = nameStarts.get(word);
    if (known == null) {
      if (nameStarts.size() >= NAME_CACHE_LIMIT) {
        nameStarts.clear();
      }
      if (!gazetteer.mayStartName(word)) {
        known = NOT_A_NAME;
      } else {
        long regions = gazetteer.lookupStrict(word).stream().map(p -> String.valueOf(p.admin1())).distinct().count();
        known = regions == 1 ? PLAIN_NAME : AMBIGUOUS_NAME;
      }
      nameStarts.put(word, known);
    }
    return known;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static boolean isYear(String w) {
    return w.length() == 4 && (w.startsWith("19") || w.startsWith("20")) && Character.isDigit(w.charAt(2))
        && Character.isDigit(w.charAt(3));
  }

  private static String lower(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (Character.isUpperCase(c)) {
        return text.substring(from, to).toLowerCase(Locale.ROOT);
      }
    }
    return text.substring(from, to);
  }

  /** Lexicon phrases of every kind, cut into words like the text is, looked up by first word. */
  static final class Phrases {
    private record Phrase(String[] words, int kind) {}

    private final Map<String, List<Phrase>> byFirst = new HashMap<>();

    Set<String> firstWords() {
      return byFirst.keySet();
    }

    void add(Collection<String> phrases, int kind) {
      for (String p : phrases) {
        List<String> parts = new ArrayList<>();
        String lower = p.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
          char c = lower.charAt(i);
          if (c == '%') {
            parts.add("%");
            i++;
          } else if (Character.isLetterOrDigit(c)) {
            int j = i;
            while (j < lower.length() && Character.isLetterOrDigit(lower.charAt(j))) {
              j++;
            }
            parts.add(lower.substring(i, j));
            i = j;
          } else {
            i++;
          }
        }
        if (!parts.isEmpty()) {
          byFirst.computeIfAbsent(parts.get(0), k -> new ArrayList<>()).add(new Phrase(parts.toArray(new String[0]), kind));
        }
      }
    }

    /** Fills {@code longest[kind]} with the longest phrase of each kind at word {@code i}; false if none. */
    boolean matchAt(String[] words, int count, int i, int[] longest) {
      List<Phrase> candidates = byFirst.get(words[i]);
      if (candidates == null) {
        return false;
      }
      java.util.Arrays.fill(longest, 0);
      boolean any = false;
      for (Phrase p : candidates) {
        String[] w = p.words();
        if (i + w.length > count || w.length <= longest[p.kind()]) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < w.length && ok; k++) {
          ok = words[i + k].equals(w[k]);
        }
        if (ok) {
          longest[p.kind()] = w.length;
          any = true;
        }
      }
      return any;
    }
  }
}
