package org.contested.io;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.contested.model.Article;

/**
 * Normalises {@link RawFields} into an {@link Article}, or says why it cannot. Shared by every
 * format so that the rules are the same everywhere:
 *
 * <ul>
 *   <li>text and title are cleaned ({@link TextCleaner}: control characters, HTML, Markdown) and
 *       trimmed; both empty is a dead letter ("no text ..."), together longer than {@link
 *       InputLimits#MAX_TEXT_CHARS} too ("text too long ...");
 *   <li>published_at goes through {@link PublishedAt} (with the mapping's date hint); a missing or
 *       unreadable value is a dead letter ("no usable published_at: ..."), and so is one before
 *       1900 or more than two days after the reader started ("published_at out of range: ...");
 *   <li>outlet: the input's, else the URL's host name without "www.", else "unknown";
 *   <li>language: the input's (normalised by {@link LanguageCodes}), else detected;
 *   <li>article_id: the input's id, else {@link #stableId}.
 * </ul>
 */
public final class ArticleAssembler {
  public static final String UNKNOWN_OUTLET = "unknown";
  public static final String NO_TEXT = "no text: text and title are both empty";

  /** Publication dates before this are typos or placeholders (0001-01-01, 1899-12-30). */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** How far past the reader's clock a date may be (time zones, clock skew). */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(2);

  private final LanguageGuesser languageGuesser;
  private final String dateHint;
  private final Instant latest;

  public ArticleAssembler(LanguageGuesser languageGuesser, String dateHint) {
    this(languageGuesser, dateHint, Instant.now().plus(FUTURE_TOLERANCE));
  }

  /** @param latest the latest publication date accepted */
  public ArticleAssembler(LanguageGuesser languageGuesser, String dateHint, Instant latest) {
    this.languageGuesser = languageGuesser;
    this.dateHint = dateHint;
    this.latest = latest;
  }

  public ParseResult assemble(RawFields f, String source, long position, String payload) {
    return assemble(f, source, position, payload, "no usable published_at: missing");
  }

  /**
   * @param missingDateReason the dead-letter reason when the record has no date value at all
   */
  public ParseResult assemble(
      RawFields f, String source, long position, String payload, String missingDateReason) {
    long rawLength =
        (f.text() == null ? 0L : f.text().length()) + (f.title() == null ? 0L : f.title().length());
    if (rawLength > 10L * InputLimits.MAX_TEXT_CHARS) {
      return ParseResult.dead(source, position, tooLong(rawLength), payload);
    }
    String text = f.text() == null ? "" : TextCleaner.clean(f.text()).strip();
    String title = blankToNull(TextCleaner.clean(f.title()));
    if (text.isEmpty() && title == null) {
      return ParseResult.dead(source, position, NO_TEXT, payload);
    }
    long length = text.length() + (title == null ? 0L : title.length());
    if (length > InputLimits.MAX_TEXT_CHARS) {
      return ParseResult.dead(source, position, tooLong(length), payload);
    }
    String runProblem = runProblem(title == null ? text : title + "\n" + text);
    if (runProblem != null) {
      return ParseResult.dead(source, position, runProblem, payload);
    }
    String rawDate = blankToNull(TextCleaner.controls(nullToEmpty(f.publishedAt())));
    if (rawDate == null) {
      return ParseResult.dead(source, position, missingDateReason, payload);
    }
    Optional<Instant> published = PublishedAt.parse(rawDate, dateHint);
    if (published.isEmpty()) {
      return ParseResult.dead(
          source, position, "no usable published_at: '" + rawDate + "'", payload);
    }
    if (published.get().isBefore(EARLIEST)) {
      return ParseResult.dead(
          source,
          position,
          "published_at out of range: '" + rawDate + "' is before " + EARLIEST,
          payload);
    }
    if (published.get().isAfter(latest)) {
      return ParseResult.dead(
          source,
          position,
          "published_at out of range: '" + rawDate + "' is in the future (after " + latest + ")",
          payload);
    }
    String url = blankToNull(TextCleaner.controls(nullToEmpty(f.url())));
    String outlet = blankToNull(TextCleaner.controls(nullToEmpty(f.outlet())));
    if (outlet == null) {
      outlet = hostOf(url);
    }
    if (outlet == null) {
      outlet = UNKNOWN_OUTLET;
    }
    String language = blankToNull(TextCleaner.controls(nullToEmpty(f.language())));
    Article probe =
        new Article("", url, outlet, published.get(), title, text, "", source, position);
    language =
        language != null
            ? LanguageCodes.normalize(language)
            : languageGuesser.guess(probe.fullText());
    String id = blankToNull(TextCleaner.controls(nullToEmpty(f.id())));
    if (id == null) {
      id = stableId(url, outlet, published.get(), title, text);
    }
    return ParseResult.of(
        new Article(id, url, outlet, published.get(), title, text, language, source, position));
  }

  /**
   * The id of an article whose input has none: the first 16 hex digits of the SHA-256 of its URL,
   * or, without a URL, of outlet, published_at (ISO instant), title and text joined by U+001F.
   */
  public static String stableId(
      String url, String outlet, Instant publishedAt, String title, String text) {
    String key =
        url != null
            ? url
            : String.join(
                "\u001f", outlet, publishedAt.toString(), title == null ? "" : title, text);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The host of a URL without a leading "www.", or null. */
  public static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null || host.isBlank()) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String tooLong(long chars) {
    return Reasons.of(
        Reasons.TEXT_TOO_LONG,
        chars + " characters of title and text, the limit is " + InputLimits.MAX_TEXT_CHARS);
  }

  /** Why the text cannot be split into sentences and words of sane length, or null. */
  public static String runProblem(String s) {
    int sentence = 0;
    int word = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sentence = c == '.' || c == '!' || c == '?' || c == '…' || c == '\n' ? 0 : sentence + 1;
      word = Character.isWhitespace(c) ? 0 : word + 1;
      if (sentence > InputLimits.MAX_SENTENCE_CHARS) {
        return Reasons.of(
            Reasons.TEXT_TOO_LONG,
            "more than " + InputLimits.MAX_SENTENCE_CHARS + " characters without a sentence end"
                + " at character " + (i - sentence + 1));
      }
      if (word > InputLimits.MAX_WORD_CHARS) {
        return Reasons.of(
            Reasons.TEXT_TOO_LONG,
            "more than " + InputLimits.MAX_WORD_CHARS + " characters without white space"
                + " at character " + (i - word + 1));
      }
    }
    return null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
