package org.contested.core;

/**
 * Who makes the statements of a sentence: the claimant's words, side, and the tokens they occupy
 * ([start, end), -1 when the claimant is the outlet or carried from an earlier sentence).
 */
public record Attribution(String claimant, String side, int start, int end, boolean explicit) {
  public boolean covers(int token) {
    return token >= start && token < end;
  }
}
