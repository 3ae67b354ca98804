package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * Funnel-plot limits around the force figure (metrics.md, "Area comparison").
 *
 * <p>Percents: p0 +- z sqrt(p0 (1 - p0) / n) with z = 1.959964 (95%) and 3.090232 (99.8%),
 * n the area's denominator (effective base for weighted survey figures), clamped to [0, 1]
 * (clamping cannot change a place, as no value lies outside [0, 1]).
 *
 * <p>Rates: exact Poisson limits for the area's count when its mean is the expected count
 * E = force rate x population / perUnits. We use the chi-square form evaluated at E,
 * low = chi2inv(alpha/2, 2E) / 2 and high = chi2inv(1 - alpha/2, 2E + 2) / 2, as the
 * Public Health England funnel tools and R's FunnelPlotR do, rather than the quantiles of
 * Poisson(E): it is defined for non-integer E and gives smooth funnel curves instead of steps.
 * An area is placed by comparing its observed count with these count limits.
 */
public final class FunnelLimits {
  private static final ConfidenceLevel INNER = ConfidenceLevel.NINETY_FIVE;
  private static final ConfidenceLevel OUTER = ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

  private FunnelLimits() {}

  /**
   * Normal-approximation limits for a proportion, p0 +- z sqrt(p0 (1 - p0) / n), clamped to
   * [0, 1].
   *
   * @param p0 the force proportion, in [0, 1] (a proportion, not a percent)
   * @param n the area's base, &gt; 0
   * @param z two-sided critical value, &gt; 0 (see {@link ConfidenceLevel})
   */
  public static Interval proportion(double p0, double n, double z) {
    checkArgument(p0 >= 0 && p0 <= 1,
        "Cannot compute proportion funnel limits: p0 must be in [0, 1], got %s", p0);
    checkArgument(Double.isFinite(n) && n > 0,
        "Cannot compute proportion funnel limits: n must be finite and > 0, got %s", n);
    checkArgument(Double.isFinite(z) && z > 0,
        "Cannot compute proportion funnel limits: z must be finite and > 0, got %s", z);
    double halfWidth = z * Math.sqrt(p0 * (1 - p0) / n);
    return new Interval(Math.max(0.0, p0 - halfWidth), Math.min(1.0, p0 + halfWidth));
  }

  /**
   * Exact Poisson limits for a count whose mean is {@code expectedCount}, in the chi-square
   * form described in the class comment.
   *
   * @param expectedCount expected count, &gt;= 0 (need not be an integer)
   * @param confidence two-sided coverage in (0, 1), e.g. 0.95 or 0.998
   */
  public static Interval poissonCount(double expectedCount, double confidence) {
    return PoissonInterval.ofMean(
        expectedCount, confidence, "Cannot compute Poisson funnel limits");
  }

  /** The four limits, as percents, for a force percent and an area base n (for charts). */
  public static FunnelBands percentBands(double forcePercent, double n) {
    double p0 =
        checkPercent(forcePercent, "forcePercent", "compute percent funnel limits") / 100.0;
    return FunnelBands.of(
        proportion(p0, n, INNER.z()).scale(100.0),
        proportion(p0, n, OUTER.z()).scale(100.0));
  }

  /**
   * The four limits, as rates per {@code perUnits}, for a force rate and an area population
   * (for charts).
   */
  public static FunnelBands rateBands(double forceRatePerUnit, double population, double perUnits) {
    double expected = expectedCount(forceRatePerUnit, population, perUnits);
    double scale = perUnits / population;
    return FunnelBands.of(
        poissonCount(expected, INNER.confidence()).scale(scale),
        poissonCount(expected, OUTER.confidence()).scale(scale));
  }

  /**
   * The four limits, as rates per {@code perUnits}, for a rate that sums a quantity over events
   * (harm weights over crimes, volunteer hours over records): the Poisson limits of the events
   * expected at the force's event rate, scaled by the force's quantity per event, as the rate's
   * interval is taken on its count and scaled. With 1 per event (a count) these are
   * {@link #rateBands}.
   *
   * @param forceRatePerUnit the force's rate of the quantity per {@code perUnits}, &gt;= 0
   * @param quantityPerEvent the force's quantity per event, &gt; 0
   */
  public static FunnelBands weightedRateBands(
      double forceRatePerUnit, double quantityPerEvent, double population, double perUnits) {
    checkArgument(Double.isFinite(quantityPerEvent) && quantityPerEvent > 0,
        "Cannot compute rate funnel limits: quantity per event must be finite and > 0, got %s",
        quantityPerEvent);
    return rateBands(forceRatePerUnit / quantityPerEvent, population, perUnits)
        .scale(quantityPerEvent);
  }

  /**
   * The place of an area's rate of a quantity summed over events (see {@link
   * #weightedRateBands}) on the funnel around the force's rate. For a count (1 per event) it is
   * the place {@link #placeForRate} gives the area's count.
   */
  public static FunnelPlace placeForWeightedRate(double value, double population,
      double forceRatePerUnit, double quantityPerEvent, double perUnits) {
    checkArgument(Double.isFinite(value) && value >= 0,
        "Cannot place rate on funnel: value must be finite and >= 0, got %s", value);
    return weightedRateBands(forceRatePerUnit, quantityPerEvent, population, perUnits).place(value);
  }

  /**
   * The place of an area's percent on the funnel around the force percent.
   *
   * @param valuePercent the area's figure, in [0, 100]
   * @param forcePercent the force figure p0, in [0, 100] (both percents, unlike
   *     {@link #proportion(double, double, double)})
   * @param n the area's base (denominator, or effective base), &gt; 0
   */
  public static FunnelPlace placeForPercent(double valuePercent, double forcePercent, double n) {
    checkPercent(valuePercent, "valuePercent", "place percent on funnel");
    return percentBands(forcePercent, n).place(valuePercent);
  }

  /**
   * The place of an area's rate on the funnel around the force rate, judged on the count scale:
   * the area's count against the Poisson limits for E = forceRatePerUnit x population / perUnits.
   *
   * @param count the area's count, &gt;= 0
   * @param population the area's population, &gt; 0
   * @param forceRatePerUnit the force rate per {@code perUnits}, &gt;= 0
   * @param perUnits rate base, &gt; 0 (1000 for "per 1,000")
   */
  public static FunnelPlace placeForRate(
      long count, double population, double forceRatePerUnit, double perUnits) {
    checkArgument(count >= 0,
        "Cannot place rate on funnel: count must be >= 0, got %s", count);
    double expected = expectedCount(forceRatePerUnit, population, perUnits);
    FunnelBands countBands = FunnelBands.of(
        poissonCount(expected, INNER.confidence()),
        poissonCount(expected, OUTER.confidence()));
    return countBands.place(count);
  }

  private static double expectedCount(double forceRatePerUnit, double population, double perUnits) {
    checkArgument(Double.isFinite(forceRatePerUnit) && forceRatePerUnit >= 0,
        "Cannot compute rate funnel limits: force rate must be finite and >= 0, got %s",
        forceRatePerUnit);
    checkArgument(Double.isFinite(population) && population > 0,
        "Cannot compute rate funnel limits: population must be finite and > 0, got %s",
        population);
    checkArgument(Double.isFinite(perUnits) && perUnits > 0,
        "Cannot compute rate funnel limits: perUnits must be finite and > 0, got %s", perUnits);
    return forceRatePerUnit * population / perUnits;
  }

  private static double checkPercent(double percent, String name, String action) {
    checkArgument(percent >= 0 && percent <= 100,
        "Cannot %s: %s must be in [0, 100], got %s", action, name, percent);
    return percent;
  }
}
