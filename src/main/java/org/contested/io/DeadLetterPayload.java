package org.contested.io;

import org.contested.model.DeadLetter;

/** Payload sizes for dead letters built from raw bytes. */
final class DeadLetterPayload {
  /** Characters a dead letter keeps ({@link DeadLetter#MAX_PAYLOAD}). */
  static final int MAX = DeadLetter.MAX_PAYLOAD;

  private DeadLetterPayload() {}
}
