package org.contested.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code that reads untrusted input text (core, io, beam) uses no backtracking regular
 * expressions: no java.util.regex, and no String method that compiles one (matches, replaceAll,
 * replaceFirst, and split with more than a single literal character). RE2/J
 * (com.google.re2j) or hand-written scanners instead; see docs/robustness.md.
 */
class LinearRegexPolicyTest {
  private static final Path MAIN = Path.of("src/main/java/org/contested");
  private static final List<String> PACKAGES = List.of("core", "io", "beam");
  private static final Pattern STRING_REGEX_CALL =
      Pattern.compile("\\.(matches|replaceAll|replaceFirst)\\(\\s*\"");
  private static final Pattern SPLIT = Pattern.compile("\\.split\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void noBacktrackingRegexOnInputText() throws IOException {
    List<String> offences = new ArrayList<>();
    int files = 0;
    for (String pkg : PACKAGES) {
      try (Stream<Path> walk = Files.walk(MAIN.resolve(pkg))) {
        for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
          files++;
          List<String> lines = Files.readAllLines(p);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = MAIN.relativize(p) + ":" + (i + 1) + ": " + line.strip();
            if (line.contains("java.util.regex")) {
              offences.add(where);
            }
            if (STRING_REGEX_CALL.matcher(line).find()) {
              offences.add(where);
            }
            Matcher split = SPLIT.matcher(line);
            while (split.find()) {
              if (!fastPath(split.group(1))) {
                offences.add(where);
              }
            }
          }
        }
      }
    }
    assertTrue(files > 40, "scanned the sources: " + files);
    assertEquals(List.of(), offences);
  }

  /** String.split skips the regex engine for one plain character or one escaped symbol. */
  static boolean fastPath(String literal) {
    if (literal.length() == 1) {
      return ".$|()[{^?*+\\".indexOf(literal.charAt(0)) < 0;
    }
    if (literal.length() == 2 && literal.charAt(0) == '\\') {
      return "tnrf".indexOf(literal.charAt(1)) >= 0; // a Java escape: one plain character
    }
    return literal.length() == 3
        && literal.startsWith("\\\\")
        && !Character.isLetterOrDigit(literal.charAt(2));
  }

  @Test
  void fastPathRules() {
    assertTrue(fastPath(","));
    assertTrue(fastPath("\\t"));
    assertTrue(fastPath("\\\\."));
    assertTrue(!fastPath("\\\\s+"));
    assertTrue(!fastPath("."));
  }
}
