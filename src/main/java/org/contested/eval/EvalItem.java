package org.contested.eval;

import java.util.List;

/** A labelled pool item: where it comes from, what it says, and its gold claims (maybe none). */
public record EvalItem(
    String id, String collection, String title, String text, List<GoldClaim> gold) {
  public EvalItem {
    gold = List.copyOf(gold);
  }
}
