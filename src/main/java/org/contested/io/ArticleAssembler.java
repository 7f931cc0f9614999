package org.contested.io;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 *   <li>text and title are trimmed; both empty is a dead letter ("no text ...");
 *   <li>published_at goes through {@link PublishedAt} (with the mapping's date hint); a missing or
 *       unreadable value is a dead letter ("no usable published_at: ...");
 *   <li>outlet: the input's, else the URL's host name without "www.", else "unknown";
 *   <li>language: the input's (normalised by {@link LanguageCodes}), else detected;
 *   <li>article_id: the input's id, else {@link #stableId}.
 * </ul>
 */
public final class ArticleAssembler {
  public static final String UNKNOWN_OUTLET = "unknown";
  public static final String NO_TEXT = "no text: text and title are both empty";

  private final LanguageGuesser languageGuesser;
  private final String dateHint;

  public ArticleAssembler(LanguageGuesser languageGuesser, String dateHint) {
    this.languageGuesser = languageGuesser;
    this.dateHint = dateHint;
  }

  public ParseResult assemble(RawFields f, String source, long position, String payload) {
    return assemble(f, source, position, payload, "no usable published_at: missing");
  }

  /**
   * @param missingDateReason the dead-letter reason when the record has no date value at all
   */
  public ParseResult assemble(
      RawFields f, String source, long position, String payload, String missingDateReason) {
    String text = f.text() == null ? "" : f.text().strip();
    String title = blankToNull(f.title());
    if (text.isEmpty() && title == null) {
      return ParseResult.dead(source, position, NO_TEXT, payload);
    }
    String rawDate = blankToNull(f.publishedAt());
    if (rawDate == null) {
      return ParseResult.dead(source, position, missingDateReason, payload);
    }
    Optional<Instant> published = PublishedAt.parse(rawDate, dateHint);
    if (published.isEmpty()) {
      return ParseResult.dead(
          source, position, "no usable published_at: '" + rawDate + "'", payload);
    }
    String url = blankToNull(f.url());
    String outlet = blankToNull(f.outlet());
    if (outlet == null) {
      outlet = hostOf(url);
    }
    if (outlet == null) {
      outlet = UNKNOWN_OUTLET;
    }
    String language = blankToNull(f.language());
    Article probe =
        new Article("", url, outlet, published.get(), title, text, "", source, position);
    language =
        language != null
            ? LanguageCodes.normalize(language)
            : languageGuesser.guess(probe.fullText());
    String id = blankToNull(f.id());
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

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
