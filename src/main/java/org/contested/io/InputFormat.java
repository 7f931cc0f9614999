package org.contested.io;

import java.util.Locale;

/** Input formats understood by {@link ReadArticles}. */
public enum InputFormat {
  JSONL,
  JSON,
  CSV,
  TSV,
  TEXT,
  AUTO;

  /** Parses a --format value; null or blank means {@link #AUTO}. */
  public static InputFormat fromName(String name) {
    if (name == null || name.isBlank()) {
      return AUTO;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "jsonl", "ndjson" -> JSONL;
      case "json" -> JSON;
      case "csv" -> CSV;
      case "tsv" -> TSV;
      case "text", "txt", "md", "markdown" -> TEXT;
      case "auto" -> AUTO;
      default -> throw new IllegalArgumentException(
          "unknown input format '" + name + "'; expected one of auto, jsonl, json, csv, tsv, text");
    };
  }

  /**
   * The format of a file judged by its name, ignoring a compression suffix (.gz, .bz2, ...) since
   * Beam decompresses those; null when the extension is not one we know.
   */
  public static InputFormat forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (String compression : new String[] {".gz", ".bz2", ".zip", ".zst", ".deflate", ".lzo"}) {
      if (name.endsWith(compression)) {
        name = name.substring(0, name.length() - compression.length());
        break;
      }
    }
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (dot < 0 || dot < slash) {
      return null;
    }
    return switch (name.substring(dot + 1)) {
      case "jsonl", "ndjson" -> JSONL;
      case "json" -> JSON;
      case "csv" -> CSV;
      case "tsv", "tab" -> TSV;
      case "txt", "text", "md", "markdown" -> TEXT;
      default -> null;
    };
  }
}
