package uk.westmercia.charter.statistics;

/**
 * The two confidence levels the contract uses, with their two-sided normal critical values.
 *
 * <p>The z values are the contract's rounded constants (metrics.md), not recomputed quantiles,
 * so that every module produces the same figures to the last digit.
 */
public enum ConfidenceLevel {
  /** 95%: intervals, significance of change and the inner funnel limits. */
  NINETY_FIVE(0.95, ConfidenceLevel.Z_95),
  /** 99.8%: the outer funnel limits. */
  NINETY_NINE_POINT_EIGHT(0.998, ConfidenceLevel.Z_99_8);

  /** Two-sided 95% normal critical value, as fixed by metrics.md. */
  public static final double Z_95 = 1.959964;
  /** Two-sided 99.8% normal critical value, as fixed by metrics.md. */
  public static final double Z_99_8 = 3.090232;

  private final double confidence;
  private final double z;

  ConfidenceLevel(double confidence, double z) {
    this.confidence = confidence;
    this.z = z;
  }

  /** Coverage as a probability, e.g. 0.95. */
  public double confidence() {
    return confidence;
  }

  /** Two-sided normal critical value for this level. */
  public double z() {
    return z;
  }
}
