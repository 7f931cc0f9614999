package org.contested.model;

/** Whether the claimant asserts or rejects the claimed state. */
public enum Polarity {
  AFFIRMED, DENIED
}
