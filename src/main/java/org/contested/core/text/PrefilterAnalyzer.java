package org.contested.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TextAnalyzer} that runs the full OpenNLP analysis only on the sentences that can matter.
 *
 * <p>The text is first cut into rough sentences by a linear scan (lines, then sentence-final
 * punctuation before a capital; no regular expressions). A {@link Screen} picks the rough sentences
 * worth analysing; runs of picked sentences on one line go to {@link OpenNlpAnalyzer#analyzeSpan}
 * as one span, so OpenNLP sees them as written and still makes the final split. The sentences
 * returned keep their absolute offsets and are numbered consecutively, as the extractor expects.
 *
 * <p>The rough split only cuts where a sentence surely ends: a cut it misses merges two sentences,
 * which OpenNLP then separates. Not thread-safe (the wrapped analyzer is not): one per thread.
 */
public final class PrefilterAnalyzer implements TextAnalyzer {

  /** A rough sentence: text[start, end) of line {@code line}; {@code headline} for the title. */
  public record RoughSentence(int start, int end, int line, boolean headline) {}

  /** Decides which rough sentences of one text need the full analysis. */
  public interface Screen {
    /** One flag per rough sentence, in order: true to analyse it. */
    boolean[] select(String text, List<RoughSentence> sentences);
  }

  private final OpenNlpAnalyzer full;
  private final Screen screen;
  private long roughSeen;
  private long roughKept;

  public PrefilterAnalyzer(OpenNlpAnalyzer full, Screen screen) {
    this.full = full;
    this.screen = screen;
  }

  @Override
  public List<Sentence> analyze(String text, int titleLength) {
    List<RoughSentence> rough = split(text, titleLength);
    boolean[] keep = screen.select(text, rough);
    List<Sentence> out = new ArrayList<>();
    int i = 0;
    while (i < rough.size()) {
      if (!keep[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < rough.size() && keep[j + 1] && rough.get(j + 1).line() == rough.get(i).line()) {
        j++;
      }
      full.analyzeSpan(text, rough.get(i).start(), rough.get(j).end(), rough.get(i).headline(), out);
      roughKept += j - i + 1;
      i = j + 1;
    }
    roughSeen += rough.size();
    return out;
  }

  public Screen screen() {
    return screen;
  }

  /** Rough sentences seen and kept so far, for the benchmark's report. */
  public long[] counts() {
    return new long[] {roughSeen, roughKept};
  }

  /** Lines, then sentence ends within each line. Linear in the text. */
  public static List<RoughSentence> split(String text, int titleLength) {
    List<RoughSentence> out = new ArrayList<>();
    int n = text.length();
    int lineStart = 0;
    int line = 0;
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      boolean headline = lineStart < titleLength;
      int start = skipSpace(text, lineStart, lineEnd);
      int i = start;
      while (i < lineEnd) {
        char c = text.charAt(i);
        if ((c == '.' || c == '!' || c == '?') && i > start) {
          int end = i + 1;
          while (end < lineEnd && isCloser(text.charAt(end))) {
            end++;
          }
          int next = skipSpace(text, end, lineEnd);
          if (next > end && next < lineEnd && startsSentence(text.charAt(next)) && (c != '.' || !abbreviation(text, i, start))) {
            out.add(new RoughSentence(start, end, line, headline));
            start = next;
            i = next;
            continue;
          }
          i = end;
          continue;
        }
        i++;
      }
      if (start < lineEnd && skipSpace(text, start, lineEnd) < lineEnd) {
        out.add(new RoughSentence(start, lineEnd, line, headline));
      }
      lineStart = lineEnd + 1;
      line++;
    }
    return out;
  }

  private static int skipSpace(String text, int i, int end) {
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '»';
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '‘' || c == '\'' || c == '«'
        || c == '(';
  }

  private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
      "gen", "col", "maj", "capt", "cpt", "sgt", "lt", "gov", "sen", "rep", "rev", "prof", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
      "no", "vol", "inc", "corp", "ltd", "co", "ave", "ft", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "vs", "etc", "approx", "est");

  /** "Mr.", "Gen.", "St.", "U.S.", "a.m.", a single letter: a period that need not end a sentence. */
  private static boolean abbreviation(String text, int dot, int from) {
    int w = dot;
    while (w > from && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    int len = dot - w;
    if (len == 0) {
      return false;
    }
    if (w > from && text.charAt(w - 1) == '.') {
      return true;
    }
    return len == 1 || (len <= 6 && ABBREVIATIONS.contains(text.substring(w, dot).toLowerCase(java.util.Locale.ROOT)));
  }
}
