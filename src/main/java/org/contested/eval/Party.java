package org.contested.eval;

import java.util.Locale;

/** Party codes compare case-insensitively; blank means none (a CONTESTED claim's controller). */
final class Party {
  private Party() {}

  static String normalise(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return code.trim().toUpperCase(Locale.ROOT);
  }
}
