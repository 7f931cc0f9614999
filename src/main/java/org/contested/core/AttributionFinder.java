package org.contested.core;

import java.util.List;
import java.util.Set;
import org.contested.core.text.Sentence;
import org.contested.core.text.Token;

/**
 * Finds the claimant of a sentence: headline "X, Y says" / "Y says X" / "X - Y", body "Y said
 * (that) X", "X, Y said", "according to Y", "citing Y"; "he"/"she"/"they" take the claimant of the
 * sentence before. Without one, the outlet is the claimant.
 */
public final class AttributionFinder {
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
  private static final Set<String> STOP_BACK = Set.of(",", ".", ";", ":", "\"", "“", "”", "'", "(", ")", "that", "and", "or", "but", "as", "while", "after", "when", "—", "–", "-");
  private static final int MAX_CLAIMANT_TOKENS = 9;
  private static final Set<String> DENIAL_VERBS = Set.of(
      "denied", "denies", "rejected", "rejects", "refuted", "refutes", "dismissed", "dismisses", "disputed", "disputes", "rebuffed");
  private static final Set<String> PASSIVE = Set.of("is", "are", "was", "were", "been", "be", "being");
  /** Words between a claimant and the speech verb that are not part of the name: "Moscow continues to claim". */
  private static final Set<String> TRAILING = Set.of(
      "continues", "continue", "continued", "to", "also", "has", "have", "had", "repeatedly", "previously", "again", "officially",
      "reportedly", "later", "then", "now", "publicly", "already", "first", "once", "did", "does", "do", "earlier", "recently",
      "falsely", "initially");
  /** Words before a claimant that are not part of the name: "what Putin claimed". */
  private static final Set<String> LEADING = Set.of("what", "which", "who", "whom", "when", "where", "how", "then", "also", "so", "yet", "even");
  private static final Set<String> DETERMINERS = Set.of("some", "other", "others", "many", "several", "most", "all", "both", "few", "these", "those", "this", "it", "there");

  private final Lexicon lexicon;
  private final ConflictProfile profile;

  public AttributionFinder(Lexicon lexicon, ConflictProfile profile) {
    this.lexicon = lexicon;
    this.profile = profile;
  }

  /** The sentence's attribution, or null when it names none (the caller falls back). */
  public Attribution find(Sentence s, String text, String outlet, Attribution previous) {
    List<Token> t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      int n = lexicon.speech.matchAt(t, i);
      if (n == 0 && DENIAL_VERBS.contains(t.get(i).lower()) && lexicon.denial.matchAt(t, i) > 0) {
        // "The General Staff denied that ...": a denial is said by its subject too.
        n = 1;
      }
      if (n == 0) {
        continue;
      }
      String w = t.get(i).lower();
      int forward = lexicon.speechForward.matchAt(t, i);
      if (forward > 0) {
        n = forward;
      }
      if (forward > 0 || w.equals("according") || w.equals("citing") || w.equals("cited") || w.equals("referring")) {
        int end = forwardEnd(t, i + n);
        if (end > i + n) {
          return make(t, text, i + n, end, outlet);
        }
        continue;
      }
      // "Y said ..." / "..., Y says"
      int start = backStart(t, i);
      int verbAt = i;
      while (start < verbAt && TRAILING.contains(t.get(verbAt - 1).lower())) {
        verbAt--;
      }
      // "it was reported", "was also confirmed to": passive speech names nobody.
      if (verbAt > 0 && PASSIVE.contains(t.get(verbAt - 1).lower())) {
        continue;
      }
      while (start < verbAt && LEADING.contains(t.get(start).lower())) {
        start++;
      }
      if (start < verbAt) {
        if (start == verbAt - 1 && PRONOUNS.contains(t.get(start).lower())) {
          if (previous != null) {
            return new Attribution(previous.claimant(), previous.side(), start, verbAt, true);
          }
          continue;
        }
        if (hasNameWord(t, start, verbAt)) {
          return make(t, text, start, verbAt, outlet);
        }
      }
      // "..., says Y" (verb first after a comma or quote)
      if (i > 0 && (t.get(i - 1).lower().equals(",") || isQuote(t.get(i - 1)))) {
        int end = forwardEnd(t, i + n);
        if (end > i + n && !PRONOUNS.contains(t.get(i + n).lower())
            && (startsLikeName(t.get(i + n)) || profile.namesClaimant(t.subList(i + n, end)))) {
          return make(t, text, i + n, end, outlet);
        }
      }
    }
    if (s.headline()) {
      Attribution dash = headlineDash(t, text, outlet);
      if (dash != null) {
        return dash;
      }
    }
    if (lexicon.headlineColon && (s.headline() || s.index() == 0)) {
      return headlineColon(t, text, outlet);
    }
    return null;
  }

  /** Telegram-style headlines "Российские власти: ...", "СМИ: ...": a short claimant, then a colon. */
  private Attribution headlineColon(List<Token> t, String text, String outlet) {
    int start = 0;
    while (start < t.size() && !t.get(start).isWord()) {
      start++;
    }
    for (int i = start + 1; i < Math.min(t.size(), start + 5); i++) {
      if (t.get(i).text().equals(":")) {
        return profile.namesClaimant(t.subList(start, i)) ? make(t, text, start, i, outlet) : null;
      }
    }
    return null;
  }

  /** Headlines of the form "... - General Staff" or "... – interior minister's adviser". */
  private Attribution headlineDash(List<Token> t, String text, String outlet) {
    for (int i = t.size() - 2; i >= Math.max(1, t.size() - 24); i--) {
      String w = t.get(i).text();
      if (w.equals("–") || w.equals("—") || (w.equals("-") && i > 0 && t.get(i - 1).lower().equals(","))) {
        int end = forwardEnd(t, i + 1);
        // The dash names the source only if nothing but a time stamp or site name follows.
        boolean tail = end == t.size() || t.get(end).text().equals("(") || t.get(end).text().equals("«") || t.get(end).text().equals(".");
        if (end > i + 1 && end - i <= 7 && tail) {
          return make(t, text, i + 1, end, outlet);
        }
      }
    }
    return null;
  }

  private Attribution make(List<Token> t, String text, int start, int end, String outlet) {
    String name = text.substring(t.get(start).start(), t.get(end - 1).end());
    String side = profile.claimantSide(t.subList(start, end), outlet);
    return new Attribution(name, side, start, end, true);
  }

  private int backStart(List<Token> t, int verb) {
    int j = verb;
    while (j > 0 && verb - j < MAX_CLAIMANT_TOKENS) {
      Token prev = t.get(j - 1);
      // "Russia-appointed official": a hyphen inside a word is no boundary.
      boolean innerHyphen = prev.text().equals("-") && j >= 2 && t.get(j - 2).end() == prev.start() && prev.end() == t.get(j).start();
      if ((STOP_BACK.contains(prev.lower()) && !innerHyphen) || isQuote(prev)) {
        break;
      }
      if (lexicon.speech.contains(prev.lower())) {
        break;
      }
      j--;
    }
    return j;
  }

  private int forwardEnd(List<Token> t, int from) {
    int j = from;
    while (j < t.size() && j - from < MAX_CLAIMANT_TOKENS) {
      Token tok = t.get(j);
      if (STOP_BACK.contains(tok.lower()) || isQuote(tok) || tok.lower().equals("on") || tok.lower().equals("in") || tok.text().equals("«")
          || tok.lower().equals("that")) {
        break;
      }
      j++;
    }
    return j;
  }

  /** A claimant phrase has a capitalised word or a known official noun ("mayor says"). */
  private boolean hasNameWord(List<Token> t, int start, int end) {
    for (int k = start; k < end; k++) {
      Token tok = t.get(k);
      // A sentence-initial "Some" or "Other" is capitalised but names nobody.
      if (tok.isCapitalized() && tok.isWord() && !(k == 0 && DETERMINERS.contains(tok.lower()))) {
        return true;
      }
    }
    // Lower-case subjects count only when they name an official or a party ("mayor says").
    return profile.namesClaimant(t.subList(start, end));
  }

  private static boolean startsLikeName(Token tok) {
    return tok.isCapitalized() || tok.lower().equals("the") || tok.lower().equals("a");
  }

  private static boolean isQuote(Token tok) {
    String w = tok.text();
    return w.equals("\"") || w.equals("“") || w.equals("”") || w.equals("''") || w.equals("``") || w.equals("‘") || w.equals("’");
  }
}
