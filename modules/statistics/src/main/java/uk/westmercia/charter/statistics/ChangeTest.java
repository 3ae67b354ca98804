package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * Result of a test of change between an earlier period (1) and the current one (2).
 *
 * @param change current minus earlier, in the metric's unit (percentage points for percents,
 *     rate units for rates); NaN when either figure is undefined (zero denominator)
 * @param pValue two-sided p-value in [0, 1], or NaN when the test is undefined (see
 *     {@link ChangeTests})
 * @param significant true when {@code pValue < 0.05}; always false for a NaN p-value
 */
public record ChangeTest(double change, double pValue, boolean significant) {
  /** Two-sided significance level of the scorecard ("significant at 95%"). */
  public static final double ALPHA = 0.05;

  public ChangeTest {
    checkArgument(Double.isNaN(pValue) || (pValue >= 0 && pValue <= 1),
        "Cannot create change test: pValue must be NaN or in [0, 1], got %s", pValue);
    checkArgument(!significant || pValue < ALPHA,
        "Cannot create change test: significant requires pValue < %s, got %s", ALPHA, pValue);
  }

  /** A tested change, significant when {@code pValue < 0.05}. */
  public static ChangeTest of(double change, double pValue) {
    return new ChangeTest(change, pValue, pValue < ALPHA);
  }

  /** A change that cannot be tested: NaN p-value, not significant. */
  public static ChangeTest untestable(double change) {
    return new ChangeTest(change, Double.NaN, false);
  }

  /** True when the p-value is defined. */
  public boolean isTested() {
    return !Double.isNaN(pValue);
  }
}
