package uk.westmercia.charter.statistics;

import java.util.Locale;

/** A metric value's status, written to metric_values.status by {@link #label()}. */
public enum Status {
  GREEN,
  AMBER,
  RED,
  /** No target row for the metric, or the metric has no better direction. */
  NO_TARGET,
  /** Survey figure on an unweighted base below {@link StatusRule#LOW_BASE_THRESHOLD}. */
  LOW_BASE,
  /** No value (e.g. a ratio with denominator 0). */
  NO_DATA;

  /** The contract spelling: {@code green}, {@code amber}, {@code red}, {@code no_target}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the three rated statuses that count towards theme attainment. */
  public boolean isRated() {
    return this == GREEN || this == AMBER || this == RED;
  }
}
