package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * The overdispersion of a comparison set (Spiegelhalter 2005; metrics.md, "Area comparison"),
 * and the limits, z-scores and places adjusted for it.
 *
 * @param status whether phi and tau^2 were estimated
 * @param zScores how many z-scores the estimate used (or were available, when not estimated)
 * @param phi the mean of the winsorised squared z-scores; NaN when not estimated
 * @param tau2 the DerSimonian-Laird between-unit variance, on the scale of the standard errors
 *     (proportions for percents); 0 when k phi &lt;= k - 1; NaN when not estimated
 */
public record Dispersion(DispersionStatus status, int zScores, double phi, double tau2) {
  public Dispersion {
    requireNonNull(status, "status is null");
    checkArgument(zScores >= 0,
        "Cannot create dispersion: zScores must be >= 0, got %s", zScores);
    if (status == DispersionStatus.ESTIMATED) {
      checkArgument(Double.isFinite(phi) && phi >= 0,
          "Cannot create dispersion: an estimated phi must be finite and >= 0, got %s", phi);
      checkArgument(Double.isFinite(tau2) && tau2 >= 0,
          "Cannot create dispersion: an estimated tau2 must be finite and >= 0, got %s", tau2);
    } else {
      checkArgument(Double.isNaN(phi) && Double.isNaN(tau2),
          "Cannot create dispersion: phi and tau2 must be NaN when not estimated, got %s and %s",
          phi, tau2);
    }
  }

  /** A set whose dispersion could not be estimated from {@code zScores} z-scores. */
  public static Dispersion notEstimated(int zScores) {
    return new Dispersion(DispersionStatus.NOT_ESTIMATED, zScores, Double.NaN, Double.NaN);
  }

  /** An estimated dispersion. */
  public static Dispersion estimated(int zScores, double phi, double tau2) {
    return new Dispersion(DispersionStatus.ESTIMATED, zScores, phi, tau2);
  }

  public boolean isEstimated() {
    return status == DispersionStatus.ESTIMATED;
  }

  /**
   * True when the limits are widened: estimated with tau^2 &gt; 0. Otherwise the adjusted limits
   * and places are the unadjusted ones.
   */
  public boolean widens() {
    return isEstimated() && tau2 > 0;
  }

  /** The between-unit variance to add: tau^2 when estimated, else 0. */
  public double additiveVariance() {
    return isEstimated() ? tau2 : 0.0;
  }

  /** sqrt(s^2 + tau^2): a unit's standard error with the between-unit variance added. */
  public double adjustedStandardError(double standardError) {
    checkArgument(Double.isFinite(standardError) && standardError > 0,
        "Cannot adjust standard error: it must be finite and > 0, got %s", standardError);
    return Math.sqrt(standardError * standardError + additiveVariance());
  }

  /** (y - y0) / sqrt(s^2 + tau^2): the unit's z-score with the between-unit variance added. */
  public double adjustedZ(double value, double centre, double standardError) {
    checkArgument(Double.isFinite(value) && Double.isFinite(centre),
        "Cannot adjust z-score: value and centre must be finite, got %s and %s", value, centre);
    return (value - centre) / adjustedStandardError(standardError);
  }

  /**
   * The adjusted limits y0 +- z sqrt(s^2 + tau^2), on the scale of y0 and s (not clamped: a
   * value never lies outside its possible range, so clamping cannot change a place).
   */
  public FunnelBands adjustedBands(double centre, double standardError) {
    checkArgument(Double.isFinite(centre),
        "Cannot compute adjusted funnel limits: centre must be finite, got %s", centre);
    double se = adjustedStandardError(standardError);
    return new FunnelBands(
        centre - ConfidenceLevel.Z_99_8 * se,
        centre - ConfidenceLevel.Z_95 * se,
        centre + ConfidenceLevel.Z_95 * se,
        centre + ConfidenceLevel.Z_99_8 * se);
  }
}
