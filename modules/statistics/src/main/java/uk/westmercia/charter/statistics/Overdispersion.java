package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Overdispersion of a funnel plot's units (Spiegelhalter 2005, "Funnel plots for comparing
 * institutional performance" and "Handling over-dispersion of performance indicators"; the
 * conventions of R's FunnelPlotR; metrics.md, "Area comparison").
 *
 * <p>Real areas differ by more than chance, so with large bases every area falls outside limits
 * that allow for chance alone. From the units' z-scores z = (y - y0) / s:
 * <ol>
 *   <li>winsorise z at its 10th and 90th percentiles (R's default {@code quantile}, type 7:
 *       linear interpolation between order statistics), so that one extreme unit does not
 *       inflate the estimate it is then judged against;
 *   <li>phi = the mean of the winsorised z^2;
 *   <li>tau^2 (DerSimonian-Laird additive random effect) = 0 when k phi &lt;= k - 1, else
 *       (k phi - (k - 1)) / (sum w - sum w^2 / sum w), w = 1 / s^2, over the k z-scores.
 * </ol>
 * Fewer than {@link #MIN_Z_SCORES} z-scores are too few to estimate anything:
 * {@link DispersionStatus#NOT_ESTIMATED}.
 */
public final class Overdispersion {
  /** Fewer z-scores than this give {@link DispersionStatus#NOT_ESTIMATED}. */
  public static final int MIN_Z_SCORES = 10;
  /** Winsorised at this quantile and its mirror (10% in each tail). */
  public static final double WINSOR_PROBABILITY = 0.10;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Overdispersion() {}

  /** phi and tau^2 of a set of z-scores, or not estimated when fewer than 10. */
  public static Dispersion estimate(List<UnitZScore> zScores) {
    requireNonNull(zScores, "zScores is null");
    int k = zScores.size();
    if (k < MIN_Z_SCORES) {
      return Dispersion.notEstimated(k);
    }
    double[] z = zScores.stream().mapToDouble(UnitZScore::z).toArray();
    double[] winsorised = winsorise(z, WINSOR_PROBABILITY);
    double sumSquares = 0;
    for (double value : winsorised) {
      sumSquares += value * value;
    }
    double phi = sumSquares / k;
    if (k * phi <= k - 1) {
      return Dispersion.estimated(k, phi, 0.0);
    }
    // sum w - sum w^2 / sum w = sum_i w_i (sum of the other weights) / sum w. Taken in that form,
    // with each "sum of the others" from prefix and suffix sums rather than sum w - w_i, it does
    // not cancel catastrophically when one unit's weight dwarfs the rest (a huge base beside
    // small ones).
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      double s = zScores.get(i).standardError();
      w[i] = 1 / (s * s);
    }
    double[] suffix = new double[k + 1];
    for (int i = k - 1; i >= 0; i--) {
      suffix[i] = suffix[i + 1] + w[i];
    }
    double sumW = suffix[0];
    double prefix = 0;
    double denominator = 0;
    for (int i = 0; i < k; i++) {
      denominator += w[i] * ((prefix + suffix[i + 1]) / sumW);
      prefix += w[i];
    }
    // Positive for k >= 2 finite weights; a guard against overflow of the sums.
    if (!(denominator > 0) || !Double.isFinite(denominator)) {
      return Dispersion.notEstimated(k);
    }
    return Dispersion.estimated(k, phi, (k * phi - (k - 1)) / denominator);
  }

  /**
   * The values clamped to their {@code probability} and {@code 1 - probability} quantiles
   * (type 7). The input is not modified.
   */
  public static double[] winsorise(double[] values, double probability) {
    requireNonNull(values, "values is null");
    checkArgument(probability >= 0 && probability <= 0.5,
        "Cannot winsorise: probability must be in [0, 0.5], got %s", probability);
    checkArgument(values.length > 0, "Cannot winsorise: values is empty");
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double low = quantile(sorted, probability);
    double high = quantile(sorted, 1 - probability);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.max(low, Math.min(high, values[i]));
    }
    return out;
  }

  /**
   * R's default quantile (type 7) of values already sorted ascending: with h = (n - 1) p,
   * x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)]), indices from 0.
   */
  public static double quantile(double[] sorted, double probability) {
    requireNonNull(sorted, "sorted is null");
    checkArgument(sorted.length > 0, "Cannot compute quantile: values is empty");
    checkArgument(probability >= 0 && probability <= 1,
        "Cannot compute quantile: probability must be in [0, 1], got %s", probability);
    for (int i = 0; i < sorted.length; i++) {
      checkArgument(Double.isFinite(sorted[i]) && (i == 0 || sorted[i - 1] <= sorted[i]),
          "Cannot compute quantile: values must be finite and sorted ascending, got %s at index %s",
          sorted[i], i);
    }
    double h = (sorted.length - 1) * probability;
    int below = (int) Math.floor(h);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
  }

  /** Two-sided normal p-value of a z-score, 2 Phi(-|z|). */
  public static double twoSidedPValue(double z) {
    checkArgument(!Double.isNaN(z), "Cannot compute p-value: z is NaN");
    return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  /**
   * The standard error of a proportion under the centre, sqrt(p0 (1 - p0) / n).
   *
   * @param centre p0, a proportion in [0, 1]
   * @param n the unit's base (effective base for weighted surveys), &gt; 0
   */
  public static double proportionStandardError(double centre, double n) {
    checkArgument(centre >= 0 && centre <= 1,
        "Cannot compute standard error: proportion centre must be in [0, 1], got %s", centre);
    checkArgument(Double.isFinite(n) && n > 0,
        "Cannot compute standard error: n must be finite and > 0, got %s", n);
    return Math.sqrt(centre * (1 - centre) / n);
  }

  /**
   * The standard error of a rate per {@code perUnits} under the centre,
   * sqrt(perUnits q y0 / population), with q = sum(q^2) / sum(q) over the centre's events (1 for
   * a count; see {@link CompoundPoisson}).
   */
  public static double rateStandardError(
      double centre, double population, double quantityPerEvent, double perUnits) {
    checkArgument(Double.isFinite(centre) && centre >= 0,
        "Cannot compute standard error: rate centre must be finite and >= 0, got %s", centre);
    checkArgument(Double.isFinite(population) && population > 0,
        "Cannot compute standard error: population must be finite and > 0, got %s", population);
    checkArgument(Double.isFinite(quantityPerEvent) && quantityPerEvent > 0,
        "Cannot compute standard error: quantity per event must be finite and > 0, got %s",
        quantityPerEvent);
    checkArgument(Double.isFinite(perUnits) && perUnits > 0,
        "Cannot compute standard error: perUnits must be finite and > 0, got %s", perUnits);
    return Math.sqrt(perUnits * quantityPerEvent * centre / population);
  }
}
