package org.contested.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contested.core.text.Token;

/**
 * Lower-case token phrases looked up by their first token: matching is linear in the tokens times
 * the few phrases sharing a first token, so no input can make it slow.
 */
public final class PhraseSet {
  private final Map<String, List<String[]>> byFirst = new HashMap<>();
  private final List<String> phrases;

  public PhraseSet(Collection<String> phrases) {
    this.phrases = List.copyOf(phrases);
    for (String p : phrases) {
      String[] parts = p.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+");
      if (parts.length == 0 || parts[0].isEmpty()) {
        continue;
      }
      byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
    }
    // Longest first, so "took control of" wins over "took".
    byFirst.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
  }

  /** The phrases as given. */
  public List<String> phrases() {
    return phrases;
  }

  /** Length in tokens of the longest phrase starting at {@code i}, or 0. */
  public int matchAt(List<Token> tokens, int i) {
    List<String[]> candidates = byFirst.get(tokens.get(i).lower());
    if (candidates == null) {
      return 0;
    }
    for (String[] p : candidates) {
      if (i + p.length <= tokens.size()) {
        boolean ok = true;
        for (int k = 1; k < p.length && ok; k++) {
          ok = tokens.get(i + k).lower().equals(p[k]);
        }
        if (ok) {
          return p.length;
        }
      }
    }
    return 0;
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

  public boolean contains(String lowerToken) {
    List<String[]> l = byFirst.get(lowerToken);
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
