package uk.westmercia.charter.reporting;

import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.statistics.ChangeTest;
import uk.westmercia.charter.statistics.ChangeTests;
import uk.westmercia.charter.statistics.WilsonInterval;

/**
 * The test of one change, its two-sided p-value (the scorecard then calls a change significant only
 * when its Benjamini-Hochberg q-value over the quarter's changes is below 0.05, see
 * {@link ScorecardBuilder#withQValues}): the pooled two-proportion z-test for percents (on the
 * numerator and denominator, or on the effective base for weighted survey figures), the exact
 * Poisson ratio test for rates per 1,000 (on the event count, base_n, and the population,
 * denominator). A rate that sums a quantity over events (harm, hours) is compound Poisson: it is
 * tested on its effective events n* (effective_base, rounded) as its interval is taken on them,
 * scaled: the null is equal rates of the quantity, so each period's exposure is its population
 * divided by its quantity per effective event. Other units are not
 * tested. Figures held back as low_base give no change.
 */
public final class ChangeSignificance {
    private ChangeSignificance() {
    }

    public static Change between(MetricValue earlier, MetricValue current, MetricInfo metric) {
        if (earlier == null || current == null) {
            return Change.NONE;
        }
        Double before = earlier.publishedValue();
        Double now = current.publishedValue();
        if (before == null || now == null || before.isNaN() || now.isNaN()) {
            return Change.NONE;
        }
        double change = now - before;
        if (metric.isStock()) {
            // A count of what stands, not a sample: the change is what it is, with nothing to test.
            return new Change(change, null, null);
        }
        if (metric.isPercent()) {
            Double n1 = percentBase(earlier);
            Double n2 = percentBase(current);
            if (n1 == null || n2 == null || n1 <= 0 || n2 <= 0) {
                return new Change(change, null, null);
            }
            double x1 = Math.min(n1, Math.max(0, before / 100.0 * n1));
            double x2 = Math.min(n2, Math.max(0, now / 100.0 * n2));
            return from(change, ChangeTests.twoProportion(x1, n1, x2, n2));
        }
        if (metric.isRate()) {
            if (earlier.baseN() == null || current.baseN() == null || earlier.denominator() == null
                    || current.denominator() == null || earlier.denominator() <= 0 || current.denominator() <= 0) {
                return new Change(change, null, null);
            }
            // On the effective events n* (rounded) of a summed quantity: exact Poisson on n*, as its interval.
            return from(change, ChangeTests.poissonRatio(earlier.testedEvents(), earlier.denominator() / earlier.quantityPerEvent(),
                    current.testedEvents(), current.denominator() / current.quantityPerEvent(), 1000.0));
        }
        return new Change(change, null, null);
    }

    private static Change from(double change, ChangeTest test) {
        return test.isTested() ? new Change(change, test.pValue(), test.significant()) : new Change(change, null, null);
    }

    /**
     * The base n of a percent: the denominator when it is an unweighted count (it equals base_n),
     * else the effective base of a weighted survey figure, recovered exactly from its 95% Wilson
     * interval (each Wilson bound L solves (p - L)^2 = z^2 L (1 - L) / n); null for a share with
     * no interval whose denominator is no count (VUL-03's share of harm): no binomial base to test on.
     */
    public static Double percentBase(MetricValue value) {
        if (value.effectiveBase() != null) {
            // What the figure's own interval used (metric_values.effective_base): no inversion needed.
            return value.effectiveBase();
        }
        Double denominator = value.denominator();
        Long baseN = value.baseN();
        if (denominator != null && (baseN == null || Math.abs(denominator - baseN) < 1e-9)) {
            return denominator;
        }
        Double effective = effectiveBaseFromWilson(value.value(), value.ciLow(), value.ciHigh());
        if (effective != null) {
            return effective;
        }
        return null;
    }

    static Double effectiveBaseFromWilson(Double valuePercent, Double lowPercent, Double highPercent) {
        if (valuePercent == null || lowPercent == null || highPercent == null) {
            return null;
        }
        double p = valuePercent / 100.0;
        double low = lowPercent / 100.0;
        double high = highPercent / 100.0;
        double z2 = WilsonInterval.Z_95 * WilsonInterval.Z_95;
        // The bound further from p gives the better-conditioned answer.
        double bound = (p - low) >= (high - p) ? low : high;
        double distance = p - bound;
        if (Math.abs(distance) < 1e-12 || bound <= 0 && p <= 0 || bound >= 1 && p >= 1) {
            return null;
        }
        double n = z2 * bound * (1 - bound) / (distance * distance);
        return Double.isFinite(n) && n > 0 ? n : null;
    }
}
