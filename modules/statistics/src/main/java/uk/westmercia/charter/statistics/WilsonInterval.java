package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * 95% Wilson score interval for a proportion (metrics.md, "Intervals, base sizes, status").
 *
 * <p>Wilson rather than the normal ("Wald") interval because it stays inside [0, 1] and keeps
 * sensible coverage at small bases and at proportions near 0% or 100%, which charter metrics hit
 * often (e.g. "SNTs visiting schools" over a handful of SNTs).
 *
 * <p>Successes and base may be non-integer: weighted survey figures pass the weighted
 * proportion times the effective base {@link #effectiveBase(double, double)}, see
 * {@link #ofWeighted(double, double, double)}.
 */
public final class WilsonInterval {
  /** Two-sided 95% normal critical value fixed by the contract. */
  public static final double Z_95 = ConfidenceLevel.Z_95;

  // Weighted sums of the same rows computed in a different order (e.g. by Spark) can leave
  // sum(w * positive) a few ulps above sum(w); treat that as equal rather than failing a run.
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private WilsonInterval() {}

  /**
   * The 95% Wilson interval of {@code successes / n}, as proportions in [0, 1].
   *
   * @param successes number (or weighted sum) of positive outcomes, 0 &lt;= successes &lt;= n
   * @param n base (or effective base), &gt; 0
   */
  public static Interval of(double successes, double n) {
    return of(successes, n, Z_95);
  }

  /** As {@link #of(double, double)}, scaled to percents in [0, 100]. */
  public static Interval ofPercent(double successes, double n) {
    return of(successes, n).scale(100.0);
  }

  /**
   * The Wilson interval at an arbitrary two-sided critical value {@code z}, as proportions.
   */
  public static Interval of(double successes, double n, double z) {
    checkArgument(Double.isFinite(n) && n > 0,
        "Cannot compute Wilson interval: n must be finite and > 0, got %s", n);
    checkArgument(Double.isFinite(z) && z > 0,
        "Cannot compute Wilson interval: z must be finite and > 0, got %s", z);
    double x = checkSuccesses(successes, n);

    double p = x / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // Mathematically inside [0, 1]; clamp away rounding at p = 0 or p = 1.
    double low = Math.max(0.0, centre - halfWidth);
    double high = Math.min(1.0, centre + halfWidth);
    return new Interval(Math.min(low, high), high);
  }

  /**
   * The 95% Wilson interval of a weighted proportion, on the effective base.
   *
   * @param sumPositiveWeights sum of w over positive respondents
   * @param sumWeights sum of w over the base
   * @param sumSquaredWeights sum of w^2 over the base
   * @return proportions in [0, 1]
   */
  public static Interval ofWeighted(
      double sumPositiveWeights, double sumWeights, double sumSquaredWeights) {
    checkArgument(Double.isFinite(sumWeights) && sumWeights > 0,
        "Cannot compute weighted Wilson interval: sum of weights must be finite and > 0, got %s",
        sumWeights);
    double nEff = effectiveBase(sumWeights, sumSquaredWeights);
    double proportion = checkSuccesses(sumPositiveWeights, sumWeights) / sumWeights;
    return of(proportion * nEff, nEff);
  }

  /**
   * Kish effective base {@code (sum w)^2 / sum(w^2)}: the size of a simple random sample with
   * the same precision as the weighted one. Equals the respondent count when all weights are
   * equal and is smaller otherwise.
   */
  public static double effectiveBase(double sumWeights, double sumSquaredWeights) {
    checkArgument(Double.isFinite(sumWeights) && sumWeights >= 0,
        "Cannot compute effective base: sum of weights must be finite and >= 0, got %s",
        sumWeights);
    checkArgument(Double.isFinite(sumSquaredWeights) && sumSquaredWeights > 0,
        "Cannot compute effective base: sum of squared weights must be finite and > 0, got %s",
        sumSquaredWeights);
    return sumWeights * sumWeights / sumSquaredWeights;
  }

  private static double checkSuccesses(double successes, double n) {
    checkArgument(Double.isFinite(successes) && successes >= 0
            && successes <= n * (1 + RELATIVE_TOLERANCE),
        "Cannot compute Wilson interval: successes must be in [0, n] = [0, %s], got %s",
        n, successes);
    return Math.min(successes, n);
  }
}
