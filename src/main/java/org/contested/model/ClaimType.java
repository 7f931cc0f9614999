package org.contested.model;

/** What a claim says about a place (CLAIMS.md). */
public enum ClaimType {
  CONTROL, PARTIAL_CONTROL, CONTESTED, ENCIRCLED
}
