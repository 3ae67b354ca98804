package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Exact median of a duration (parameter {@code duration}, in days) over the period's events: the
 * middle value for an odd count, the mean of the two middle values for an even one. Computed with
 * a rank and a count per area and period, never with Spark's approximate percentile.
 */
final class MedianDuration implements MetricKindComputer {
    private static final String[] GROUP = {"area_level", "area_code", "period_type", "period_label"};

    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        Dataset<Row> events = MetricContext.byArea(
                        context.eventsByPeriod(metric, source, context.expression(metric.parameters().string("filter")), metric.periodTypes()),
                        metric.areaLevels())
                .withColumn("_value", context.expression(metric.parameters().string("duration")).cast(DataTypes.DoubleType))
                .filter(col("_value").isNotNull());
        Column[] group = java.util.Arrays.stream(GROUP).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        WindowSpec ordered = Window.partitionBy(group).orderBy(col("_value"));
        WindowSpec whole = Window.partitionBy(group);
        Dataset<Row> ranked = events.select(col("area_level"), col("area_code"), col("period_type"), col("period_label"), col("_value"),
                row_number().over(ordered).cast(DataTypes.LongType).as("_rank"), count(lit(1)).over(whole).as("_n"));
        return ranked.filter(isMiddle(col("_rank"), col("_n")))
                .groupBy(GROUP[0], GROUP[1], GROUP[2], GROUP[3])
                .agg(lit(null).cast(DataTypes.DoubleType).as("numerator"),
                        lit(null).cast(DataTypes.DoubleType).as("denominator"),
                        first(col("_n")).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        avg(col("_value")).as("direct_value"));
    }

    @Override
    public boolean zeroWhenEmpty() {
        return false;
    }

    /** The rank (1-based, ascending) of the lower middle value of n values. */
    static long lowerMiddle(long n) {
        return (n + 1) / 2;
    }

    /** The rank of the upper middle value: the same as the lower one for an odd n. */
    static long upperMiddle(long n) {
        return n / 2 + 1;
    }

    /** Spark form of {@link #lowerMiddle} and {@link #upperMiddle}: integer division as in Java. */
    static Column isMiddle(Column rank, Column n) {
        Column lower = n.plus(1).divide(2).cast(DataTypes.LongType);
        Column upper = n.divide(2).cast(DataTypes.LongType).plus(1);
        return rank.equalTo(lower).or(rank.equalTo(upper));
    }
}
