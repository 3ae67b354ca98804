package uk.westmercia.charter.statistics;

import java.util.Locale;

/** Whether a comparison set's overdispersion was estimated (area_comparison.dispersion). */
public enum DispersionStatus {
  /** phi and tau^2 estimated from at least {@link Overdispersion#MIN_Z_SCORES} z-scores. */
  ESTIMATED,
  /** Too few z-scores: no phi or tau^2, and the adjusted place is the unadjusted one. */
  NOT_ESTIMATED;

  /** The contract spelling: {@code estimated}, {@code not_estimated}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
