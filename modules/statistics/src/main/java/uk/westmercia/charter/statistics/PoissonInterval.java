package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Exact (Garwood) confidence interval for the mean of a Poisson count, via chi-square quantiles
 * (metrics.md: "Rates per 1,000: 95% exact Poisson interval on the count (chi-square), scaled").
 *
 * <p>For an observed count k at confidence 1 - alpha:
 * low = chi2inv(alpha/2, 2k) / 2 (0 when k = 0) and high = chi2inv(1 - alpha/2, 2k + 2) / 2.
 * Exact rather than normal because area-level monthly counts can be small.
 */
public final class PoissonInterval {
  /** Coverage of {@link #of(long)} and {@link #ofRate(long, double, double)}. */
  public static final double CONFIDENCE_95 = ConfidenceLevel.NINETY_FIVE.confidence();

  private PoissonInterval() {}

  /** The exact 95% interval for the mean of a Poisson variable observed as {@code count}. */
  public static Interval of(long count) {
    return of(count, CONFIDENCE_95);
  }

  /**
   * The exact interval for the mean of a Poisson variable observed as {@code count}.
   *
   * @param count observed count, &gt;= 0
   * @param confidence two-sided coverage in (0, 1), e.g. 0.95 or 0.998
   */
  public static Interval of(long count, double confidence) {
    checkArgument(count >= 0,
        "Cannot compute Poisson interval: count must be >= 0, got %s", count);
    return ofMean(count, confidence, "Cannot compute Poisson interval");
  }

  /**
   * The exact 95% interval of a rate {@code count * perUnits / population}, e.g. per 1,000.
   *
   * @param count observed count, &gt;= 0
   * @param population population (exposure), &gt; 0
   * @param perUnits rate base, &gt; 0 (1000 for "per 1,000")
   */
  public static Interval ofRate(long count, double population, double perUnits) {
    checkArgument(Double.isFinite(population) && population > 0,
        "Cannot compute Poisson rate interval: population must be finite and > 0, got %s",
        population);
    checkArgument(Double.isFinite(perUnits) && perUnits > 0,
        "Cannot compute Poisson rate interval: perUnits must be finite and > 0, got %s",
        perUnits);
    return of(count).scale(perUnits / population);
  }

  /**
   * The chi-square form evaluated at a non-negative, possibly non-integer, count. Shared with
   * {@link FunnelLimits#poissonCount(double, double)}, which evaluates it at an expected count.
   */
  static Interval ofMean(double count, double confidence, String action) {
    checkArgument(Double.isFinite(count) && count >= 0,
        "%s: count must be finite and >= 0, got %s", action, count);
    checkArgument(confidence > 0 && confidence < 1,
        "%s: confidence must be in (0, 1), got %s", action, confidence);
    double alpha = 1 - confidence;
    // chi2 with 0 degrees of freedom is a point mass at 0: the lower bound for k = 0 is 0.
    double low = count == 0 ? 0.0 : chiSquaredQuantile(alpha / 2, 2 * count) / 2;
    double high = chiSquaredQuantile(1 - alpha / 2, 2 * count + 2) / 2;
    return new Interval(low, high);
  }

  private static double chiSquaredQuantile(double probability, double degreesOfFreedom) {
    // A null random generator: we only need quantiles, and the default one is costly to seed.
    return new ChiSquaredDistribution(null, degreesOfFreedom)
        .inverseCumulativeProbability(probability);
  }
}
