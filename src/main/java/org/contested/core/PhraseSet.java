package org.contested.core;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.contested.core.text.Token;

/**
 * Lower-case token phrases looked up by their first token: matching is linear in the tokens times
 * the few phrases sharing a first token, so no input can make it slow.
 *
 * <p>A phrase token ending in {@code *} is a stem: it matches every token that starts with it, so
 * an inflected language needs one entry per stem ("захват*" matches захватили, захвата, захватом).
 * Stems are looked up by the token's prefixes of the few stem lengths in use: still linear, no
 * backtracking. Cyrillic ё and е are one letter, as most texts write ё as е.
 */
public final class PhraseSet {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Map<String, List<String[]>> byFirst = new HashMap<>();
  private final Map<String, List<String[]>> byFirstStem = new HashMap<>();
  private final int[] stemLengths;

  private final List<String> phrases;

  public PhraseSet(Collection<String> phrases) {
    this.phrases = List.copyOf(phrases);
    TreeSet<Integer> lengths = new TreeSet<>();
    for (String p : phrases) {
      String[] parts = WHITESPACE.split(fold(p.trim().toLowerCase(Locale.ROOT)));
      if (parts.length == 0 || parts[0].isEmpty()) {
        continue;
      }
      String first = parts[0];
      if (isStem(first)) {
        String stem = first.substring(0, first.length() - 1);
        lengths.add(stem.length());
        byFirstStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(parts);
      } else {
        byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(parts);
      }
    }
    // Longest first, so "took control of" wins over "took".
    byFirst.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    byFirstStem.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    stemLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The phrases as given. */
  public List<String> phrases() {
    return phrases;
  }

  /** Length in tokens of the longest phrase starting at {@code i}, or 0. */
  public int matchAt(List<Token> tokens, int i) {
    String first = fold(tokens.get(i).lower());
    int best = longest(byFirst.get(first), tokens, i);
    for (int len : stemLengths) {
      if (len > first.length()) {
        break;
      }
      best = Math.max(best, longest(byFirstStem.get(first.substring(0, len)), tokens, i));
    }
    return best;
  }

  private static int longest(List<String[]> candidates, List<Token> tokens, int i) {
    if (candidates == null) {
      return 0;
    }
    for (String[] p : candidates) {
      if (i + p.length <= tokens.size()) {
        boolean ok = true;
        for (int k = 1; k < p.length && ok; k++) {
          ok = tokenMatches(p[k], fold(tokens.get(i + k).lower()));
        }
        if (ok) {
          return p.length;
        }
      }
    }
    return 0;
  }

  private static boolean tokenMatches(String part, String token) {
    if (isStem(part)) {
      return token.startsWith(part.substring(0, part.length() - 1));
    }
    return token.equals(part);
  }

  private static boolean isStem(String part) {
    return part.length() > 1 && part.endsWith("*");
  }

  /** ё is written е in most texts; matching treats them as one letter. */
  private static String fold(String s) {
    return s.indexOf('ё') < 0 ? s : s.replace('ё', 'е');
  }

  /** Whether any phrase occurs in tokens [from, to). */
  public boolean anyIn(List<Token> tokens, int from, int to) {
    return firstIn(tokens, from, to) >= 0;
  }

  /** Start of the first phrase occurring in tokens [from, to), or -1. */
  public int firstIn(List<Token> tokens, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
      int n = matchAt(tokens, i);
      if (n > 0 && i + n <= to) {
        return i;
      }
    }
    return -1;
  }

  /** Start of the last phrase occurring in tokens [from, to), or -1. */
  public int lastIn(List<Token> tokens, int from, int to) {
    for (int i = Math.min(to, tokens.size()) - 1; i >= Math.max(0, from); i--) {
      int n = matchAt(tokens, i);
      if (n > 0 && i + n <= to) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a one-token phrase (or one-token stem) matches the lower-case token. */
  public boolean contains(String lowerToken) {
    String w = fold(lowerToken);
    if (hasSingle(byFirst.get(w))) {
      return true;
    }
    for (int len : stemLengths) {
      if (len > w.length()) {
        break;
      }
      if (hasSingle(byFirstStem.get(w.substring(0, len)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSingle(List<String[]> l) {
    if (l == null) {
      return false;
    }
    for (String[] p : l) {
      if (p.length == 1) {
        return true;
      }
    }
    return false;
  }
}
