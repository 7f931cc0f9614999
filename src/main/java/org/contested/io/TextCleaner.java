package org.contested.io;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The documented repairs applied to every title and text (docs/inputs.md, "Repairs"), written as
 * single-pass scanners so that no input can make them slow:
 *
 * <ol>
 *   <li>line ends: CRLF and lone CR become LF;
 *   <li>control characters: NUL, other C0 and C1 controls, U+FEFF and non-characters are removed
 *       (tab and LF stay);
 *   <li>HTML, when the text has a known tag or entity: tags go (block tags leave a line break),
 *       {@code script}/{@code style} elements and comments go whole, entities are decoded;
 *   <li>Markdown: heading, quote and list markers at line starts, code fences, {@code **}/{@code
 *       __} emphasis and link/image syntax go, keeping the link or alt text.
 * </ol>
 */
public final class TextCleaner {
  private static final Set<String> KNOWN_TAGS =
      Set.of(
          "a", "abbr", "article", "aside", "b", "blockquote", "body", "br", "caption", "cite",
          "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1",
          "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img",
          "li", "link", "main", "meta", "nav", "noscript", "ol", "p", "pre", "q", "s", "section",
          "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "time",
          "title", "tr", "u", "ul", "script", "style", "video", "source", "picture", "svg");
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
          "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
          "p", "pre", "section", "table", "tr", "ul", "title", "caption");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
          Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
          Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("laquo", "«"),
          Map.entry("raquo", "»"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("hellip", "…"),
          Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("deg", "°"),
          Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""));
  private static final int MAX_TAG_CHARS = 2000;

  private TextCleaner() {}

  /** All repairs; null stays null. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = controls(s);
    if (looksLikeHtml(t)) {
      t = controls(stripHtml(t));
    }
    return stripMarkdown(t);
  }

  /** Line ends to LF; control characters, BOMs and non-characters removed. */
  static String controls(String s) {
    StringBuilder sb = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean keep = c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && c != '\uFEFF' && c != '\uFFFE'
          && c != '\uFFFF' || c == '\t' || c == '\n';
      if (keep && sb == null) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(n);
        sb.append(s, 0, i);
      }
      if (c == '\r') {
        sb.append('\n');
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (keep) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A known tag ({@code <p>}, {@code </div>}, {@code <br/>}) or a named/numeric entity. */
  static boolean looksLikeHtml(String s) {
    int n = s.length();
    for (int i = 0; i < n - 2; i++) {
      char c = s.charAt(i);
      if (c == '<') {
        int j = s.charAt(i + 1) == '/' ? i + 2 : i + 1;
        String name = tagName(s, j);
        if (!name.isEmpty() && KNOWN_TAGS.contains(name)) {
          int end = j + name.length();
          if (end < n && (s.charAt(end) == '>' || s.charAt(end) == ' ' || s.charAt(end) == '/'
              || s.charAt(end) == '\n' || s.charAt(end) == '\t')) {
            return true;
          }
        }
        if (s.startsWith("<!--", i)) {
          return true;
        }
      } else if (c == '&' && entityAt(s, i) != null) {
        return true;
      }
    }
    return false;
  }

  private static String tagName(String s, int from) {
    int j = from;
    while (j < s.length() && j - from < 12 && Character.isLetterOrDigit(s.charAt(j))
        && s.charAt(j) < 0x80) {
      j++;
    }
    return s.substring(from, j).toLowerCase(Locale.ROOT);
  }

  /** Removes tags, comments and script/style elements; decodes entities. */
  static String stripHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '&') {
        String[] e = entityAt(s, i);
        if (e != null) {
          sb.append(e[0]);
          i += e[1].length();
          continue;
        }
        sb.append(c);
        i++;
        continue;
      }
      if (c != '<') {
        sb.append(c);
        i++;
        continue;
      }
      if (s.startsWith("<!--", i)) {
        int end = s.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      boolean closing = i + 1 < n && s.charAt(i + 1) == '/';
      int nameStart = closing ? i + 2 : i + 1;
      String name = tagName(s, nameStart);
      boolean tagLike = !name.isEmpty() && Character.isLetter(name.charAt(0))
          || (i + 1 < n && s.charAt(i + 1) == '!');
      int gt = tagLike ? scanTo(s, nameStart, '>', '<', MAX_TAG_CHARS) : -1;
      if (gt < 0) {
        sb.append(c); // a lone '<' as in "x < y"
        i++;
        continue;
      }
      i = gt + 1;
      if (!closing && (name.equals("script") || name.equals("style"))) {
        int end = indexOfIgnoreCase(s, "</" + name, i);
        if (end < 0) {
          i = n;
        } else {
          int close = s.indexOf('>', end);
          i = close < 0 ? n : close + 1;
        }
        continue;
      }
      if (BLOCK_TAGS.contains(name)) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int m = needle.length();
    for (int i = from; i + m <= s.length(); i++) {
      if (s.regionMatches(true, i, needle, 0, m)) {
        return i;
      }
    }
    return -1;
  }

  /** The entity at {@code i} as {decoded, source text}, or null. */
  private static String[] entityAt(String s, int i) {
    int semi = -1;
    for (int j = i + 1; j < s.length() && j - i <= 10; j++) {
      if (s.charAt(j) == ';') {
        semi = j;
        break;
      }
    }
    if (semi < 0 || semi == i + 1) {
      return null;
    }
    String body = s.substring(i + 1, semi);
    String source = s.substring(i, semi + 1);
    if (body.charAt(0) == '#') {
      try {
        int cp =
            body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
                ? Integer.parseInt(body.substring(2), 16)
                : Integer.parseInt(body.substring(1));
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return null;
        }
        return new String[] {new String(Character.toChars(cp)), source};
      } catch (NumberFormatException e) {
        return null;
      }
    }
    String decoded = ENTITIES.get(body.toLowerCase(Locale.ROOT));
    return decoded == null ? null : new String[] {decoded, source};
  }

  /** Markdown markers removed line by line; link and image syntax keep their text. */
  static String stripMarkdown(String s) {
    return mayHaveMarkdown(s) ? stripMarkdownLines(s) : s;
  }

  /**
   * False only when {@link #stripMarkdownLines} would return {@code s} unchanged: no line whose
   * first non-blank character is a marker or a fence ({@code # > - * + `}), and no {@code **},
   * {@code __} or {@code ](} anywhere. One pass; most news text has none of them.
   */
  static boolean mayHaveMarkdown(String s) {
    int n = s.length();
    boolean lineStart = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (lineStart) {
        if (c != '\n' && Character.isWhitespace(c)) {
          continue;
        }
        lineStart = false;
        if (c == '#' || c == '>' || c == '-' || c == '*' || c == '+' || c == '`') {
          return true;
        }
      }
      if (c == '\n') {
        lineStart = true;
      } else if (i + 1 < n
          && ((c == '*' || c == '_') && s.charAt(i + 1) == c || c == ']' && s.charAt(i + 1) == '(')) {
        return true;
      }
    }
    return false;
  }

  /** {@link #stripMarkdown} without the quick check. */
  static String stripMarkdownLines(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    int lineStart = 0;
    while (lineStart <= n) {
      int nl = s.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      String line = s.substring(lineStart, lineEnd);
      if (!line.strip().startsWith("```")) {
        sb.append(inline(lineMarkers(line)));
      }
      if (nl < 0) {
        break;
      }
      sb.append('\n');
      lineStart = nl + 1;
    }
    return sb.toString();
  }

  /** Drops "# ", "> ", "- ", "* ", "+ " and "1. " markers at the start of a line. */
  private static String lineMarkers(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t') && i < 4) {
      i++;
    }
    int start = i;
    boolean changed = true;
    while (changed && i < n) {
      changed = false;
      int j = i;
      while (j < n && j - i < 6 && line.charAt(j) == '#') {
        j++;
      }
      if (j > i && j < n && line.charAt(j) == ' ') {
        i = j + 1;
        changed = true;
        continue;
      }
      char c = line.charAt(i);
      if ((c == '>' || c == '-' || c == '*' || c == '+') && i + 1 < n && line.charAt(i + 1) == ' ') {
        i += 2;
        changed = true;
      }
    }
    if (i == start) {
      return line;
    }
    // A trailing run of '#' closes an ATX heading.
    String rest = line.substring(i);
    if (line.substring(start, i).contains("#")) {
      int e = rest.length();
      while (e > 0 && rest.charAt(e - 1) == '#') {
        e--;
      }
      rest = rest.substring(0, e).stripTrailing();
    }
    return line.substring(0, start) + rest;
  }

  /** Index of {@code target} within {@code max} chars of {@code from}, stopping at {@code stop}
   * (and, except inside tags, at a line end).
   */
  private static int scanTo(String s, int from, char target, char stop, int max) {
    for (int j = from; j < s.length() && j - from < max; j++) {
      char c = s.charAt(j);
      if (c == target) {
        return j;
      }
      if (c == stop || (c == '\n' && stop != '<')) {
        return -1;
      }
    }
    return -1;
  }

  /** Removes ** and __ emphasis and turns [text](url) / ![alt](url) into their text. */
  private static String inline(String line) {
    if (line.indexOf("**") < 0 && line.indexOf("__") < 0 && line.indexOf("](") < 0) {
      return line;
    }
    StringBuilder sb = new StringBuilder(line.length());
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if ((c == '*' || c == '_') && i + 1 < n && line.charAt(i + 1) == c) {
        i += 2;
        continue;
      }
      if (c == '[' || (c == '!' && i + 1 < n && line.charAt(i + 1) == '[')) {
        int open = c == '!' ? i + 1 : i;
        int close = scanTo(line, open + 1, ']', '[', 500);
        if (close > 0 && close + 1 < n && line.charAt(close + 1) == '(') {
          int paren = scanTo(line, close + 2, ')', ' ', 2000);
          if (paren > 0) {
            sb.append(line, open + 1, close);
            i = paren + 1;
            continue;
          }
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }
}
