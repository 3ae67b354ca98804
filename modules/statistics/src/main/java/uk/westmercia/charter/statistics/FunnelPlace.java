package uk.westmercia.charter.statistics;

import java.util.Locale;

/** Where an area sits on a funnel plot around the force figure (area_comparison.funnel). */
public enum FunnelPlace {
  WITHIN,
  ABOVE_95,
  BELOW_95,
  ABOVE_99_8,
  BELOW_99_8;

  /**
   * The contract spelling: {@code within}, {@code above_95}, {@code below_95},
   * {@code above_99_8}, {@code below_99_8}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
