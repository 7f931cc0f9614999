package org.contested.model;

import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A record the pipeline could not use, kept with where it came from and why. {@code payload} is
 * the raw input, truncated to {@link #MAX_PAYLOAD} characters.
 */
@DefaultSchema(RecordSchemaProvider.class)
public record DeadLetter(String source, long position, String reason, String payload) {
  public static final int MAX_PAYLOAD = 2000;

  public static DeadLetter of(String source, long position, String reason, String payload) {
    String p = payload == null ? "" : payload;
    if (p.length() > MAX_PAYLOAD) {
      p = p.substring(0, MAX_PAYLOAD) + "…[truncated " + (p.length() - MAX_PAYLOAD) + " chars]";
    }
    return new DeadLetter(source, position, reason, p);
  }
}
