package org.contested.model;

/** How exactly the text fixes a date; a month is stored as its first day, a year as 1 January. */
public enum DatePrecision {
  DAY, MONTH, YEAR
}
