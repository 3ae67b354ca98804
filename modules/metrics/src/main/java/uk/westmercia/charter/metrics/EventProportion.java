package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Optional;
import uk.westmercia.charter.catalogue.MetricDefinition;

/** Share of the period's events (parameter {@code filter}) meeting a condition ({@code numerator}). */
final class EventProportion implements AdditiveKind {
    @Override
    public Additive additive(MetricDefinition metric, MetricContext context) {
        // A null condition (e.g. a missing date) is not positive.
        return new Additive(context.expression(metric.parameters().string("filter")),
                when(coalesce(context.expression(metric.parameters().string("numerator")), lit(false)), 1.0).otherwise(0.0),
                Optional.of(lit(1L)),
                Optional.empty());
    }
}
