package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** Share of the period's events (parameter {@code filter}) meeting a condition ({@code numerator}). */
final class EventProportion implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        Column filter = context.expression(metric.parameters().string("filter"));
        Column positive = context.expression(metric.parameters().string("numerator"));
        Dataset<Row> events = MetricContext.byArea(
                context.eventsByPeriod(metric, source, filter, metric.periodTypes()).withColumn("_positive", positive),
                metric.areaLevels());
        return events.groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(sum(when(Column_true("_positive"), 1.0).otherwise(0.0)).as("numerator"),
                        count(lit(1)).cast(DataTypes.DoubleType).as("denominator"),
                        count(lit(1)).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }

    // A null condition (e.g. a missing date) is not positive.
    private static Column Column_true(String name) {
        return org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.col(name), lit(false));
    }
}
