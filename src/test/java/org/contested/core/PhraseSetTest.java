package org.contested.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.contested.core.text.Token;
import org.junit.jupiter.api.Test;

/** Exact phrases and stem entries ("захват*") of the phrase matcher. */
class PhraseSetTest {
  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int at = 0;
    for (String w : text.split(" ")) {
      out.add(new Token(w, w.toLowerCase(Locale.ROOT), at, at + w.length()));
      at += w.length() + 1;
    }
    return out;
  }

  @Test
  void stemMatchesEveryInflectedForm() {
    PhraseSet set = new PhraseSet(List.of("захватил*"));
    for (String form : List.of("захватил", "захватили", "Захватила")) {
      assertEquals(1, set.matchAt(tokens(form), 0), form);
    }
    assertEquals(0, set.matchAt(tokens("захват"), 0), "a token shorter than the stem");
    assertEquals(0, set.matchAt(tokens("перехватили"), 0), "the stem must start the token");
  }

  @Test
  void stemsInsidePhrasesAndLongestPhraseWins() {
    PhraseSet set = new PhraseSet(List.of("взял* под контроль*", "взял*", "под контролем"));
    assertEquals(3, set.matchAt(tokens("взяли под контроль Курахово"), 0));
    assertEquals(1, set.matchAt(tokens("взяли в плен"), 0));
    assertEquals(2, set.matchAt(tokens("под контролем Украины"), 0));
    assertEquals(0, set.matchAt(tokens("под контрольным"), 0), "an exact phrase token stays exact");
  }

  @Test
  void exactEnglishPhrasesAreUnchanged() {
    PhraseSet set = new PhraseSet(List.of("took control of", "took"));
    assertEquals(3, set.matchAt(tokens("took control of Avdiivka"), 0));
    assertEquals(1, set.matchAt(tokens("took Avdiivka"), 0));
    assertEquals(0, set.matchAt(tokens("taken"), 0));
  }

  @Test
  void yoAndYeAreOneLetter() {
    PhraseSet set = new PhraseSet(List.of("освобожден*"));
    assertEquals(1, set.matchAt(tokens("освобождён"), 0));
    assertTrue(new PhraseSet(List.of("ещё")).contains("еще"));
  }

  @Test
  void containsKnowsOneTokenStems() {
    PhraseSet set = new PhraseSet(List.of("област*", "край", "котор* раз"));
    assertTrue(set.contains("области"));
    assertTrue(set.contains("край"));
    assertFalse(set.contains("краю"));
    assertFalse(set.contains("которой"), "only one-token entries count");
  }

  @Test
  void firstAndLastFindStemPhrases() {
    PhraseSet set = new PhraseSet(List.of("пыта*"));
    List<Token> t = tokens("войска пытаются и пытались окружить город");
    assertEquals(1, set.firstIn(t, 0, t.size()));
    assertEquals(3, set.lastIn(t, 0, t.size()));
    assertEquals(-1, set.firstIn(t, 4, t.size()));
  }
}
