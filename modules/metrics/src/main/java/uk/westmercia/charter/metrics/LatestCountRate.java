package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * A count each unit reports as it stands (parameter {@code count}: registrations at a month's end),
 * not events: for each unit (parameter {@code unit}, the SNT) the value of its latest row in the
 * period, summed over the area's units that have one, per 1,000 population. A stock, not a sample:
 * the figure has no interval, so it comes as the direct value. An area none of whose units has a
 * row in the period has no figure.
 */
final class LatestCountRate implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        String unit = metric.parameters().string("unit");
        Dataset<Row> rows = context.eventsByPeriod(metric, source, context.expression(metric.parameters().optionalString("filter").orElse("true")),
                        metric.periodTypes())
                .withColumn("_count", context.expression(metric.parameters().string("count")).cast(DataTypes.DoubleType));
        // The unit's latest row in the period; the key keeps the choice the same whatever the row order.
        Dataset<Row> latest = rows
                .withColumn("_latest", row_number().over(Window.partitionBy(col("period_type"), col("period_label"), col(unit))
                        .orderBy(desc(MetricContext.EVENT_DATE), desc("_count"))))
                .filter(col("_latest").equalTo(1))
                .drop("_latest");
        Dataset<Row> byArea = MetricContext.byArea(latest, metric.areaLevels())
                .groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(sum(col("_count")).as("numerator"), count(lit(1)).as("base_n"));
        // The population comes from the grid; the value is computed there too (see MetricEngine#withGrid).
        return byArea.select(col("area_level"), col("area_code"), col("period_type"), col("period_label"),
                col("numerator"), lit(null).cast(DataTypes.DoubleType).as("denominator"), col("base_n"),
                lit(null).cast(DataTypes.DoubleType).as("sum_w2"), lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }

    @Override
    public boolean zeroWhenEmpty() {
        return false;
    }
}
