package org.contested.model;

/** The level at which a source's view is computed. */
public enum SourceKind {
  CLAIMANT_SIDE, OUTLET
}
