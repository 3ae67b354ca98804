package uk.westmercia.charter.metrics;

import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;

/** Sum of {@code quantity} over the period's events per 1,000 population; the engine supplies the population. */
final class RatePer1000 implements AdditiveKind {
    @Override
    public Additive additive(MetricDefinition metric, MetricContext context) {
        return new Additive(context.expression(metric.parameters().string("filter")),
                context.expression(metric.parameters().string("quantity")).cast(DataTypes.DoubleType),
                Optional.empty(),
                Optional.empty());
    }
}
