package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricKind;
import uk.westmercia.charter.catalogue.Unit;
import uk.westmercia.charter.reference.Target;
import uk.westmercia.charter.statistics.CompoundPoisson;
import uk.westmercia.charter.statistics.Interval;
import uk.westmercia.charter.statistics.PoissonInterval;
import uk.westmercia.charter.statistics.Status;
import uk.westmercia.charter.statistics.StatusRule;
import uk.westmercia.charter.statistics.WilsonInterval;

/**
 * Turns a metric's aggregate into its published figure: value, 95% interval and status. Plain Java,
 * applied row by row to the aggregates (at most metrics x areas x periods rows).
 */
public final class FigureCalculator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, MetricDefinition> metrics;
    private final Map<String, Target> targets;

    public FigureCalculator(Map<String, MetricDefinition> metrics, Map<String, Target> targets) {
        this.metrics = Map.copyOf(requireNonNull(metrics, "metrics is null"));
        this.targets = Map.copyOf(requireNonNull(targets, "targets is null"));
    }

    /**
     * A finished figure.
     *
     * @param effectiveBase the n its interval used: n_eff for a weighted survey, the denominator for
     *     other percents, the event count for a rate; null without an interval
     */
    public record Figure(Double value, Double ciLow, Double ciHigh, Double effectiveBase, Double target, Status status) {
    }

    /**
     * @param numerator the positive count (weighted for a weighted survey), or a rate's quantity
     * @param denominator the base (weighted), or a rate's population
     * @param sumSquaredWeights sum of squared weights for a weighted survey, else null
     * @param directValue the figure of kinds that are no ratio, else null
     * @param available false where the source lacks what the metric needs (no_data)
     */
    /** The definition behind a metric's figures: its theme and unit go into every row. */
    public MetricDefinition metric(String metricId) {
        MetricDefinition metric = metrics.get(metricId);
        if (metric == null) {
            throw new IllegalArgumentException("Cannot compute figure: metric " + metricId + " is not in the catalogue");
        }
        return metric;
    }

    public Figure figure(String metricId, Double numerator, Double denominator, Long baseN, Double sumSquaredWeights,
            Double directValue, boolean available) {
        MetricDefinition metric = metric(metricId);
        Target target = targets.get(metricId);
        Double targetValue = target == null ? null : target.target();
        if (!available) {
            return new Figure(null, null, null, null, targetValue, Status.NO_DATA);
        }
        Double value = null;
        Interval interval = null;
        Double effectiveBase = null;
        if (directValue != null) {
            value = directValue;
        }
        else if (numerator != null && denominator != null && denominator > 0) {
            if (metric.unit() == Unit.PER_1000) {
                value = 1000.0 * numerator / denominator;
                if (metric.kind() == MetricKind.LATEST_COUNT_RATE) {
                    // A count of what stands (registrations), not of events in the period: no sampling, no interval.
                }
                else if (sumSquaredWeights != null && sumSquaredWeights > 0 && numerator > 0) {
                    // A summed quantity (harm, hours): compound Poisson, exact Poisson on n* = (sum q)^2 / sum(q^2)
                    // scaled by sum(q) / n*, so unequal weights widen the interval as they should.
                    effectiveBase = CompoundPoisson.effectiveEvents(numerator, sumSquaredWeights);
                    interval = CompoundPoisson.ofRate(numerator, sumSquaredWeights, denominator, 1000.0);
                }
                else {
                    // Exact Poisson on the count of events (a quantity without its squares: scaled by the mean per event).
                    long events = baseN == null ? Math.round(numerator) : baseN;
                    effectiveBase = (double) events;
                    if (events > 0) {
                        Interval counts = PoissonInterval.of(events);
                        double perEvent = numerator / events;
                        interval = new Interval(1000.0 * counts.low() * perEvent / denominator, 1000.0 * counts.high() * perEvent / denominator);
                    }
                    else {
                        Interval counts = PoissonInterval.of(0);
                        interval = new Interval(0.0, 1000.0 * counts.high() / denominator);
                    }
                }
            }
            else if (metric.unit() == Unit.PERCENT) {
                value = 100.0 * numerator / denominator;
                double n = sumSquaredWeights != null && sumSquaredWeights > 0
                        ? WilsonInterval.effectiveBase(denominator, sumSquaredWeights)
                        : denominator;
                interval = WilsonInterval.ofPercent(Math.min(n, n * numerator / denominator), n);
                effectiveBase = n;
            }
            else {
                value = numerator / denominator;
            }
        }
        Status status;
        if (value == null && metric.kind() == MetricKind.GROUP_GAP && baseN != null && baseN > 0) {
            // Respondents, but fewer than two groups with a base large enough to compare (REL-04).
            status = Status.LOW_BASE;
        }
        else if (value != null && metric.isSurvey() && baseN != null && StatusRule.isLowBase(baseN)) {
            // An empty base is no_data, not low_base: there is no figure to hold back.
            status = Status.LOW_BASE;
        }
        else {
            status = StatusRule.status(value, metric.direction(), targetValue, target == null ? null : target.amberBand());
        }
        return new Figure(value, interval == null ? null : interval.low(), interval == null ? null : interval.high(),
                interval == null ? null : effectiveBase, targetValue, status);
    }
}
