package uk.westmercia.charter.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * A kind whose figures are sums over the metric's events. The engine computes the additive metrics
 * of every source together ({@link AdditiveMetrics}); {@link #aggregate} computes one alone: plans
 * active over several periods ({@code active_until}) have no single day to sum by.
 */
interface AdditiveKind extends BatchedKind {
    /** What each of the metric's events adds. */
    Additive additive(MetricDefinition metric, MetricContext context);

    @Override
    default boolean batches(MetricDefinition metric) {
        return metric.parameters().optionalString("active_until").isEmpty();
    }

    @Override
    default String family() {
        return "additive";
    }

    /** Every source's events come to one shape (metric, day, place, measures) before the first shuffle. */
    @Override
    default boolean acrossSources() {
        return true;
    }

    @Override
    default MetricBatch batch() {
        return new AdditiveMetrics();
    }

    @Override
    default Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        if (batches(metric)) {
            return BatchedKind.super.aggregate(metric, source, context);
        }
        Additive additive = additive(metric, context);
        return Additive.figures(context.activeTotals(metric, source, additive.filter(), additive.measures()));
    }
}
