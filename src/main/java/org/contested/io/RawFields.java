package org.contested.io;

/**
 * The canonical fields of one input record as found, before any normalisation; any may be null.
 */
public record RawFields(
    String id,
    String url,
    String outlet,
    String publishedAt,
    String title,
    String text,
    String language) {}
