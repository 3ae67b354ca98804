package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** Sum of {@code quantity} over the period's events per 1,000 population; the engine supplies the population. */
final class RatePer1000 implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        Dataset<Row> events = MetricContext.byArea(
                context.eventsByPeriod(metric, source, context.expression(metric.parameters().string("filter")), metric.periodTypes())
                        .withColumn("_quantity", context.expression(metric.parameters().string("quantity")).cast(DataTypes.DoubleType)),
                metric.areaLevels());
        return events.groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(sum("_quantity").as("numerator"),
                        lit(null).cast(DataTypes.DoubleType).as("denominator"),
                        count(lit(1)).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
