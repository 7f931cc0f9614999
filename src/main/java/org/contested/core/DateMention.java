package org.contested.core;

import java.time.LocalDate;
import org.contested.model.DatePrecision;

/** A resolved date expression: tokens [start, end) of its sentence. */
public record DateMention(int start, int end, LocalDate date, DatePrecision precision) {}
