package org.contested.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * OpenNLP sentence detection and tokenisation (UD English EWT models from Maven Central). Not
 * thread-safe, like the OpenNLP {@code *ME} classes it wraps: one instance per thread.
 *
 * <p>Lines are split first, since headlines and list items carry no final period. Tokens are then
 * split further at hyphens and possessive endings ("Russian-occupied" → Russian, -, occupied;
 * "Russia's" → Russia, 's) so the lexicon sees the same shape whatever the tokenizer did.
 */
public final class OpenNlpAnalyzer implements TextAnalyzer {
  static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

  private static volatile SentenceModel sentenceModel;
  private static volatile TokenizerModel tokenizerModel;

  private static final int CHUNK_CACHE_LIMIT = 200_000;

  private final SentenceDetectorME sentences;
  private final TokenizerME tokenizer;
  private final Map<String, Span[]> chunkCache = new HashMap<>();

  public OpenNlpAnalyzer() {
    this.sentences = new SentenceDetectorME(sentenceModel());
    this.tokenizer = new TokenizerME(tokenizerModel());
  }

  // Models are immutable and shared; only the *ME wrappers are per instance.
  private static SentenceModel sentenceModel() {
    if (sentenceModel == null) {
      synchronized (OpenNlpAnalyzer.class) {
        if (sentenceModel == null) {
          try (InputStream in = open(SENTENCE_MODEL)) {
            sentenceModel = new SentenceModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return sentenceModel;
  }

  private static TokenizerModel tokenizerModel() {
    if (tokenizerModel == null) {
      synchronized (OpenNlpAnalyzer.class) {
        if (tokenizerModel == null) {
          try (InputStream in = open(TOKEN_MODEL)) {
            tokenizerModel = withAlphaNumericOptimization(new TokenizerModel(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return tokenizerModel;
  }

  /**
   * The same model, told to keep words of only letters and digits whole instead of asking the
   * maximum-entropy model at each of their characters: most words, and most of the tokenizer's
   * time. The model splits such words (almost) never; the evaluation shows no change.
   */
  static TokenizerModel withAlphaNumericOptimization(TokenizerModel model) {
    if (model.useAlphaNumericOptimization()) {
      return model;
    }
    TokenizerFactory f = model.getFactory();
    return new TokenizerModel(model.getMaxentModel(), Map.of(),
        new TokenizerFactory(f.getLanguageCode(), f.getAbbreviationDictionary(), true, f.getAlphaNumericPattern()));
  }

  private static InputStream open(String name) {
    InputStream in = OpenNlpAnalyzer.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("OpenNLP model " + name + " is not on the classpath");
    }
    return in;
  }

  @Override
  public List<Sentence> analyze(String text, int titleLength) {
    List<Sentence> out = new ArrayList<>();
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      analyzeSpan(text, lineStart, lineEnd, lineStart < titleLength, out);
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /**
   * Splits {@code text[start, end)} (one line, or whole sentences of one line) into sentences and
   * tokens, appending them to {@code out} with absolute offsets and the next indexes.
   */
  public void analyzeSpan(String text, int start, int end, boolean headline, List<Sentence> out) {
    String span = end > start ? text.substring(start, end) : "";
    if (span.isBlank()) {
      return;
    }
    for (Span s : sentences.sentPosDetect(span)) {
      int from = start + s.getStart();
      int to = start + s.getEnd();
      String sentence = text.substring(from, to);
      out.add(new Sentence(out.size(), from, to, sentence, tokens(sentence, from), headline));
    }
  }

  /**
   * The tokenizer splits each whitespace-separated chunk on its own (its features never look past
   * the chunk), so a chunk's split is cached: "said.", "Russia's", "(AP)" recur in every article.
   */
  private List<Token> tokens(String sentence, int offset) {
    List<Token> out = new ArrayList<>();
    int n = sentence.length();
    int i = 0;
    while (i < n) {
      while (i < n && StringUtil.isWhitespace(sentence.charAt(i))) {
        i++;
      }
      int j = i;
      while (j < n && !StringUtil.isWhitespace(sentence.charAt(j))) {
        j++;
      }
      if (j > i && plainWord(sentence, i, j)) {
        // What the tokenizer does with a word of only ASCII letters and digits: keeps it whole.
        splitInto(sentence, i, j, offset, out);
      } else if (j > i) {
        for (Span s : chunkSpans(sentence.substring(i, j))) {
          splitInto(sentence, i + s.getStart(), i + s.getEnd(), offset, out);
        }
      }
      i = j;
    }
    return out;
  }

  private static boolean plainWord(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private Span[] chunkSpans(String chunk) {
    Span[] spans = chunkCache.get(chunk);
    if (spans == null) {
      if (chunkCache.size() >= CHUNK_CACHE_LIMIT) {
        chunkCache.clear();
      }
      spans = tokenizer.tokenizePos(chunk);
      chunkCache.put(chunk, spans);
    }
    return spans;
  }

  /** Splits a token at hyphens and a possessive ending, keeping offsets exact. */
  static void splitInto(String sentence, int start, int end, int offset, List<Token> out) {
    int pieceStart = start;
    for (int i = start; i < end; i++) {
      char c = sentence.charAt(i);
      boolean hyphen = (c == '-' || c == '‑' || c == '–') && end - start > 1;
      if (hyphen) {
        addPiece(sentence, pieceStart, i, offset, out);
        addPiece(sentence, i, i + 1, offset, out);
        pieceStart = i + 1;
      }
    }
    addPiece(sentence, pieceStart, end, offset, out);
  }

  private static void addPiece(String sentence, int start, int end, int offset, List<Token> out) {
    if (end <= start) {
      return;
    }
    String piece = sentence.substring(start, end);
    int len = piece.length();
    if (len > 2) {
      char apostrophe = piece.charAt(len - 2);
      char last = piece.charAt(len - 1);
      if ((apostrophe == '\'' || apostrophe == '’') && (last == 's' || last == 'S')) {
        add(piece.substring(0, len - 2), start, offset, out);
        add(piece.substring(len - 2), start + len - 2, offset, out);
        return;
      }
    }
    add(piece, start, offset, out);
  }

  private static void add(String piece, int start, int offset, List<Token> out) {
    String lower = piece.toLowerCase(Locale.ROOT).replace('’', '\'');
    out.add(new Token(piece, lower, offset + start, offset + start + piece.length()));
  }
}
