package org.contested.eval;

import java.util.List;

/** A labelled pool item: where it comes from, what it says, and its gold claims (maybe none). */
public record EvalItem(
    String id, String collection, String title, String text, List<GoldClaim> gold) {
  public EvalItem {
    gold = List.copyOf(gold);
  }

  /** A short excerpt for error listings: the title, or the text's start when there is none. */
  public String snippet(int maxChars) {
    String base = (title == null || title.isBlank()) ? (text == null ? "" : text) : title;
    String flat = base.replaceAll("\\s+", " ").trim();
    return flat.length() <= maxChars ? flat : flat.substring(0, maxChars - 1) + "…";
  }
}
