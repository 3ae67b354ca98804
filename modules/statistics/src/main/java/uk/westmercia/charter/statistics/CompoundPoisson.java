package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * Rates that sum a quantity q over Poisson events (VUL-02 harm weights over crimes, REL-05
 * volunteer hours over records; metrics.md, "Intervals, base sizes, status"). Their variance is
 * lambda E[q^2], estimated by sum(q^2), not by the count times the squared mean weight, which
 * ignores how unequal the weights are.
 *
 * <p>The effective number of events n* = (sum q)^2 / sum(q^2) plays the part Kish's n_eff plays
 * for weighted surveys: n* equals the count when every q is equal and is smaller otherwise. The
 * sum's interval is the exact Poisson interval on n* ({@link PoissonInterval}, chi-square form,
 * defined for a non-integer count) scaled by sum(q) / n* = sum(q^2) / sum(q), which keeps the
 * point estimate sum(q) and the variance sum(q^2).
 */
public final class CompoundPoisson {
  private CompoundPoisson() {}

  /**
   * n* = (sum q)^2 / sum(q^2); 0 when there are no events (sum q = 0).
   *
   * @param sumQ the sum of the quantities, &gt;= 0
   * @param sumQSquared the sum of their squares, &gt; 0 when sumQ &gt; 0
   */
  public static double effectiveEvents(double sumQ, double sumQSquared) {
    check(sumQ, sumQSquared, "compute effective events");
    return sumQ == 0 ? 0.0 : sumQ * sumQ / sumQSquared;
  }

  /**
   * What one effective event carries, sum(q^2) / sum(q) = sum(q) / n*: the q of the standard
   * error sqrt(perUnits q y0 / population); 1 when there are no events (as for a count).
   */
  public static double quantityPerEffectiveEvent(double sumQ, double sumQSquared) {
    check(sumQ, sumQSquared, "compute quantity per effective event");
    return sumQ == 0 ? 1.0 : sumQSquared / sumQ;
  }

  /**
   * The exact interval of the sum: Poisson on n*, scaled by sum(q) / n*. With no events
   * (sum q = 0) the quantity per event is unknown and taken as 1: the interval of a count of 0.
   *
   * @param confidence two-sided coverage in (0, 1), e.g. 0.95
   */
  public static Interval interval(double sumQ, double sumQSquared, double confidence) {
    double nStar = effectiveEvents(sumQ, sumQSquared);
    Interval events = PoissonInterval.ofMean(nStar, confidence,
        "Cannot compute compound Poisson interval");
    return events.scale(quantityPerEffectiveEvent(sumQ, sumQSquared));
  }

  /**
   * The exact 95% interval of a rate {@code perUnits x sum(q) / population}, e.g. harm per
   * 1,000 people.
   */
  public static Interval ofRate(
      double sumQ, double sumQSquared, double population, double perUnits) {
    checkArgument(Double.isFinite(population) && population > 0,
        "Cannot compute compound Poisson rate interval: population must be finite and > 0, got %s",
        population);
    checkArgument(Double.isFinite(perUnits) && perUnits > 0,
        "Cannot compute compound Poisson rate interval: perUnits must be finite and > 0, got %s",
        perUnits);
    return interval(sumQ, sumQSquared, PoissonInterval.CONFIDENCE_95)
        .scale(perUnits / population);
  }

  private static void check(double sumQ, double sumQSquared, String action) {
    checkArgument(Double.isFinite(sumQ) && sumQ >= 0,
        "Cannot %s: sum of quantities must be finite and >= 0, got %s", action, sumQ);
    checkArgument(Double.isFinite(sumQSquared) && sumQSquared >= 0,
        "Cannot %s: sum of squared quantities must be finite and >= 0, got %s",
        action, sumQSquared);
    checkArgument(sumQ == 0 || sumQSquared > 0,
        "Cannot %s: sum of squared quantities must be > 0 when the sum is %s", action, sumQ);
  }
}
