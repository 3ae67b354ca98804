package uk.westmercia.charter.metrics;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;

/**
 * Sum of {@code quantity} over the period's events per 1,000 population; the engine supplies the
 * population. Where the quantity is not 1 for every event, the sum of its squares goes with it
 * ({@code sum_w2}): the interval is compound Poisson on n* = (sum q)^2 / sum(q^2).
 */
final class RatePer1000 implements AdditiveKind {
    @Override
    public Additive additive(MetricDefinition metric, MetricContext context) {
        String quantity = metric.parameters().string("quantity");
        Column q = context.expression(quantity).cast(DataTypes.DoubleType);
        // A summed quantity (harm, hours) is compound Poisson: its variance is sum(q^2), carried as sum_w2.
        return new Additive(context.expression(metric.parameters().string("filter")), q, Optional.empty(),
                quantity.strip().equals("1") ? Optional.empty() : Optional.of(q.multiply(q)));
    }
}
