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
 * nearest starting with a date (the narrative date), the three nearest earlier sentences naming
 * places when it has an anaphor, the earlier attributions when it says "he said", and anywhere in
 * the text the sentences naming a region by a multi-word name (they steer disambiguation). A text
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
  private static final int NAME_CACHE_LIMIT = 100_000;
  /** RuleClaimExtractor pairs a place with a trigger at most this many tokens away. */
  private static final int MAX_DISTANCE = 10;
  /** The longest place name the extractor looks up, in tokens. */
  private static final int MAX_NAME_WORDS = 6;
  /** Earlier sentences naming dates kept for a claim sentence at most (after the narrative one). */
  private static final int MAX_DATE_CONTEXT = 3;

  private final Gazetteer gazetteer;
  private final Phrases capture;
  private final Phrases otherTriggers;
  private final Phrases denial;
  private final Phrases anaphora;
  private final Phrases speech;
  private final Set<String> stopNames;
  private final Map<String, Boolean> nameStarts = new HashMap<>();
  /** Rough sentences seen, claim sentences, and kept by each context rule (for tuning reports). */
  private final long[] stats = new long[8];

  public ClaimScreen(Gazetteer gazetteer, Lexicon lexicon) {
    this.gazetteer = gazetteer;
    List<String> captureList = new ArrayList<>();
    List<String> otherList = new ArrayList<>();
    for (Category c : Category.values()) {
      boolean takes = c == Category.CONTROL || c == Category.LIBERATION || c == Category.ENCIRCLED;
      (takes ? captureList : otherList).addAll(lexicon.triggers.get(c).phrases());
    }
    this.capture = new Phrases(captureList);
    this.otherTriggers = new Phrases(otherList);
    this.denial = new Phrases(lexicon.denial.phrases());
    this.anaphora = new Phrases(lexicon.anaphora.phrases());
    this.speech = new Phrases(lexicon.speech.phrases());
    this.stopNames = Set.copyOf(lexicon.stopNames.phrases());
  }

  /** The extractor as the pipeline builds it: with the screen in front of OpenNLP, or without. */
  public static RuleClaimExtractor extractor(Gazetteer gazetteer, Lexicon lexicon, ConflictProfile profile, boolean prefilter) {
    return new RuleClaimExtractor(analyzer(gazetteer, lexicon, prefilter), gazetteer, lexicon, profile);
  }

  public static TextAnalyzer analyzer(Gazetteer gazetteer, Lexicon lexicon, boolean prefilter) {
    OpenNlpAnalyzer full = new OpenNlpAnalyzer();
    return prefilter ? new PrefilterAnalyzer(full, new ClaimScreen(gazetteer, lexicon)) : full;
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
    boolean pronounSpeech;
    boolean region;
    boolean governed;
    boolean placeAfterDenial;
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
    for (int i = 0; i < n; i++) {
      if (flags[i].region && !keep[i]) {
        keep[i] = true;
        stats[7]++;
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
      int stopBefore = narrative >= 0 ? narrative : i;
      for (int j = i - 1, dated = 0; j >= 0 && dated < MAX_DATE_CONTEXT; j--) {
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
        // The antecedent is the last settlement named before; a name may turn out to be a region or
        // a government ("Kyiv said"), so the three nearest sentences naming places come along.
        for (int j = i - 1, found = 0; j >= 0 && found < 3; j--) {
          if (flags[j].place) {
            keep[j] = true;
            found++;
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
    long[] out = stats.clone();
    out[6] = 0;
    return new long[] {out[0], out[1], out[2], out[3], out[4], out[5], out[7]};
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
    List<String> words = new ArrayList<>();
    List<Boolean> capitals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int i = s.start();
    int end = s.end();
    while (i < end) {
      char c = text.charAt(i);
      if (c == '%') {
        words.add("%");
        capitals.add(false);
        names.add(null);
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < end && Character.isLetterOrDigit(text.charAt(j))) {
        j++;
      }
      boolean capital = Character.isUpperCase(c);
      String name = null;
      if (capital) {
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
      words.add(lower(text, i, j));
      capitals.add(capital);
      names.add(name);
      i = j;
    }

    Flags f = new Flags();
    List<int[]> triggers = new ArrayList<>();
    List<Integer> places = new ArrayList<>();
    List<int[]> anaphors = new ArrayList<>();
    int denialAt = -1;
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      int taken = capture.matchAt(words, w);
      if (taken > 0) {
        triggers.add(new int[] {w, w + taken});
        int k = w + taken;
        while (k < words.size() && OBJECT_SKIP.contains(words.get(k))) {
          k++;
        }
        if (k < words.size() && capitals.get(k)) {
          f.objectAfterCapture = true;
        }
      } else {
        int other = otherTriggers.matchAt(words, w);
        if (other > 0) {
          triggers.add(new int[] {w, w + other});
        }
      }
      if (denialAt < 0 && denial.matchAt(words, w) > 0) {
        denialAt = w;
      }
      int a = anaphora.matchAt(words, w);
      if (a > 0) {
        anaphors.add(new int[] {w, w + a});
      }
      if (speech.matchAt(words, w) > 0) {
        f.speech = true;
        if (w > 0 && PRONOUNS.contains(words.get(w - 1))) {
          f.pronounSpeech = true;
        }
      }
      boolean year = isYear(word);
      f.year |= year;
      if (DATE_WORDS.contains(word) || year) {
        f.date = true;
        if (w <= 3) {
          f.dateFirst = true;
        }
      }
      if (capitals.get(w) && !stopNames.contains(word) && isNameStart(names.get(w))) {
        places.add(w);
        if (w + 1 < words.size() && REGION_WORDS.contains(words.get(w + 1))) {
          f.region = true;
        }
      }
    }
    f.trigger = !triggers.isEmpty();
    f.place = !places.isEmpty();
    f.denial = denialAt >= 0;
    // The extractor's windows, in words: without punctuation tokens, distances here are never
    // longer than the extractor's, so these tests only ever let more through.
    for (int[] t : triggers) {
      for (int p : places) {
        if (p >= t[0] - MAX_DISTANCE - MAX_NAME_WORDS && p <= t[1] + MAX_DISTANCE) {
          f.governed = true;
        }
      }
      for (int[] a : anaphors) {
        String w = words.get(a[0]);
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

  private boolean isNameStart(String word) {
    Boolean known = nameStarts.get(word);
    if (known == null) {
      if (nameStarts.size() >= NAME_CACHE_LIMIT) {
        nameStarts.clear();
      }
      known = gazetteer.mayStartName(word);
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

  /** Lexicon phrases cut into words like the text is; longest match at a word. */
  static final class Phrases {
    private final Map<String, List<String[]>> byFirst = new HashMap<>();

    Phrases(Collection<String> phrases) {
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
          byFirst.computeIfAbsent(parts.get(0), k -> new ArrayList<>()).add(parts.toArray(new String[0]));
        }
      }
      byFirst.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    }

    int matchAt(List<String> words, int i) {
      List<String[]> candidates = byFirst.get(words.get(i));
      if (candidates == null) {
        return 0;
      }
      for (String[] p : candidates) {
        if (i + p.length <= words.size()) {
          boolean ok = true;
          for (int k = 1; k < p.length && ok; k++) {
            ok = words.get(i + k).equals(p[k]);
          }
          if (ok) {
            return p.length;
          }
        }
      }
      return 0;
    }
  }
}
