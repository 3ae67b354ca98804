package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Significance of the change between two periods (metrics.md, "Quarterly scorecard"): a pooled
 * two-proportion z-test for percents and an exact conditional Poisson test for rates, both
 * two-sided at 5%.
 *
 * <p>Order convention: arguments suffixed 1 are the EARLIER period (previous quarter, or the
 * same quarter a year before) and those suffixed 2 the CURRENT one; {@code change} is current
 * minus earlier, so a positive change means the figure went up.
 *
 * <p>Degenerate inputs that real data produces (a zero denominator, no events at all) do not
 * throw: they return {@link ChangeTest#untestable(double)}, i.e. a NaN p-value and
 * {@code significant = false}. Negative or inconsistent inputs throw.
 */
public final class ChangeTests {
  // commons-math3 distributions take a random generator only for sampling, which we never do.
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  // As R's binom.test: probabilities within this relative distance of the observed one count
  // as "as extreme", so that ties broken by rounding do not drop a whole term.
  private static final double RELATIVE_ERROR = 1 + 1e-7;

  private static final double RELATIVE_TOLERANCE = 1e-9;

  private ChangeTests() {}

  /**
   * Pooled two-proportion z-test of p1 = x1/n1 (earlier) against p2 = x2/n2 (current).
   *
   * <p>z = (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2)) with pooled p = (x1 + x2) / (n1 + n2);
   * p-value = 2 (1 - Phi(|z|)). Counts may be non-integer (weighted survey figures pass the
   * weighted proportion times the effective base).
   *
   * @return change in percentage points, 100 (p2 - p1). Untestable (NaN p-value) when n1 or n2
   *     is 0 (change is then NaN too), or when the pooled proportion is 0 or 1, i.e. both
   *     periods are 0% or both 100% (change 0, no variance to test against).
   */
  public static ChangeTest twoProportion(double x1, double n1, double x2, double n2) {
    x1 = checkProportion(x1, n1, "1");
    x2 = checkProportion(x2, n2, "2");
    if (n1 == 0 || n2 == 0) {
      return ChangeTest.untestable(Double.NaN);
    }
    double p1 = x1 / n1;
    double p2 = x2 / n2;
    double change = 100 * (p2 - p1);
    double pooled = (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    if (!(variance > 0)) {
      return ChangeTest.untestable(change);
    }
    double z = (p2 - p1) / Math.sqrt(variance);
    // Upper tail via the symmetric lower tail: 1 - Phi(|z|) loses precision for large |z|.
    double pValue = Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    return ChangeTest.of(change, pValue);
  }

  /**
   * Exact conditional test of two Poisson rates, count1/exposure1 (earlier) against
   * count2/exposure2 (current).
   *
   * <p>Given k = count1 + count2, under equal rates count2 ~ Binomial(k, p0) with
   * p0 = exposure2 / (exposure1 + exposure2). The two-sided p-value is the sum of the
   * probabilities of all outcomes no more likely than the observed one (the method of R's
   * {@code binom.test} / {@code poisson.test}, with its 1e-7 relative tolerance), not twice the
   * smaller tail: it stays within [0, 1] by construction and is the usual choice for
   * asymmetric binomials.
   *
   * @return change = rate2 - rate1 in the exposures' units: pass exposure = population / 1000
   *     for a change per 1,000, or use {@link #poissonRatio(long, double, long, double, double)}.
   *     Untestable (NaN p-value) when an exposure is 0 (change NaN) or when both counts are 0
   *     (change 0).
   */
  public static ChangeTest poissonRatio(
      long count1, double exposure1, long count2, double exposure2) {
    checkArgument(count1 >= 0 && count2 >= 0,
        "Cannot test Poisson ratio: counts must be >= 0, got %s and %s", count1, count2);
    checkArgument(Double.isFinite(exposure1) && exposure1 >= 0
            && Double.isFinite(exposure2) && exposure2 >= 0,
        "Cannot test Poisson ratio: exposures must be finite and >= 0, got %s and %s",
        exposure1, exposure2);
    if (exposure1 == 0 || exposure2 == 0) {
      return ChangeTest.untestable(Double.NaN);
    }
    double change = count2 / exposure2 - count1 / exposure1;
    long total = count1 + count2;
    if (total == 0) {
      return ChangeTest.untestable(change);
    }
    checkArgument(total <= Integer.MAX_VALUE,
        "Cannot test Poisson ratio: total count must be <= %s, got %s", Integer.MAX_VALUE, total);
    double p0 = exposure2 / (exposure1 + exposure2);
    return ChangeTest.of(change, binomialTwoSidedPValue((int) count2, (int) total, p0));
  }

  /**
   * As {@link #poissonRatio(long, double, long, double)} on populations, with the change
   * expressed per {@code perUnits} (e.g. 1000). The p-value does not depend on the scale.
   */
  public static ChangeTest poissonRatio(
      long count1, double population1, long count2, double population2, double perUnits) {
    checkArgument(Double.isFinite(perUnits) && perUnits > 0,
        "Cannot test Poisson ratio: perUnits must be finite and > 0, got %s", perUnits);
    return poissonRatio(count1, population1 / perUnits, count2, population2 / perUnits);
  }

  /**
   * Two-sided exact binomial p-value by the "probabilities no larger than observed" rule.
   * The pmf is unimodal with its mode at floor(m) or ceil(m), m = n p, so the outcomes on the
   * far side of m that are no more likely than x form a contiguous tail, found by bisection
   * instead of summing all n + 1 terms (k can be tens of thousands of crimes).
   */
  static double binomialTwoSidedPValue(int x, int n, double p) {
    BinomialDistribution binomial = new BinomialDistribution(null, n, p);
    double mean = n * p;
    if (x == mean) {
      return 1.0;
    }
    // Log scale: for large n the observed probability can underflow to 0.
    double threshold = binomial.logProbability(x) + Math.log(RELATIVE_ERROR);
    double pValue;
    if (x < mean) {
      // Smallest i in [ceil(m), n] with pmf(i) <= pmf(x); the pmf decreases on that range.
      int lo = (int) Math.ceil(mean);
      int hi = n + 1; // sentinel: no such i
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (binomial.logProbability(mid) <= threshold) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      double upperTail = lo > n ? 0.0 : upperTail(binomial, lo);
      pValue = binomial.cumulativeProbability(x) + upperTail;
    } else {
      // Largest i in [0, floor(m)] with pmf(i) <= pmf(x); the pmf increases on that range.
      int lo = -1; // sentinel: no such i
      int hi = (int) Math.floor(mean);
      while (lo < hi) {
        int mid = (lo + hi + 1) >> 1;
        if (binomial.logProbability(mid) <= threshold) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      double lowerTail = lo < 0 ? 0.0 : binomial.cumulativeProbability(lo);
      pValue = lowerTail + upperTail(binomial, x);
    }
    return Math.min(1.0, pValue);
  }

  /** P(X >= i). */
  private static double upperTail(BinomialDistribution binomial, int i) {
    return i <= 0 ? 1.0 : 1.0 - binomial.cumulativeProbability(i - 1);
  }

  private static double checkProportion(double x, double n, String period) {
    checkArgument(Double.isFinite(n) && n >= 0,
        "Cannot test two proportions: n%s must be finite and >= 0, got %s", period, n);
    // Same few-ulp tolerance as WilsonInterval for weighted sums computed in another order.
    checkArgument(Double.isFinite(x) && x >= 0 && x <= n * (1 + RELATIVE_TOLERANCE),
        "Cannot test two proportions: x%s must be in [0, n%s] = [0, %s], got %s",
        period, period, n, x);
    return Math.min(x, n);
  }
}
