package org.contested.model;

/** A populated place or a first-level region. */
public enum LocationType {
  SETTLEMENT, REGION
}
