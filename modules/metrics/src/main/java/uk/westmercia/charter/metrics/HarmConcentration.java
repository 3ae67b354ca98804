package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Share of harm in the locations with most harm: over the period's events with a location key
 * (parameter {@code key}), k = ceil(top_percent% of their distinct locations), value = 100 * harm of
 * the k locations with most harm / total harm. Harm per event is parameter {@code harm} (the
 * category's weight from harm-weights.csv). Numerator and denominator carry the two harm sums.
 */
final class HarmConcentration implements MetricKindComputer {
    private static final String[] GROUP = {"area_level", "area_code", "period_type", "period_label"};

    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        String key = metric.parameters().string("key");
        long percent = (long) metric.parameters().number("top_percent");
        Column filter = context.expression(metric.parameters().string("filter")).and(col(key).isNotNull());
        Dataset<Row> events = MetricContext.byArea(context.eventsByPeriod(metric, source, filter, metric.periodTypes()), metric.areaLevels())
                .withColumn("_harm", context.expression(metric.parameters().string("harm")).cast(MetricContext.EXACT));
        Column[] group = Arrays.stream(GROUP).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> byLocation = events.groupBy(col(GROUP[0]), col(GROUP[1]), col(GROUP[2]), col(GROUP[3]), col(key))
                .agg(sum(col("_harm")).as("_location_harm"), count(lit(1)).as("_events"));
        Dataset<Row> ranked = byLocation
                .withColumn("_rank", row_number().over(Window.partitionBy(group).orderBy(desc("_location_harm"))))
                .withColumn("_k", topCount(count(lit(1)).over(Window.partitionBy(group)), percent));
        Dataset<Row> shares = ranked.groupBy(GROUP[0], GROUP[1], GROUP[2], GROUP[3])
                .agg(sum(when(col("_rank").leq(col("_k")), col("_location_harm")).otherwise(lit(0).cast(MetricContext.EXACT)))
                                .cast(DataTypes.DoubleType).as("_top"),
                        sum(col("_location_harm")).cast(DataTypes.DoubleType).as("_total"),
                        sum(col("_events")).as("_events"));
        return shares.select(col(GROUP[0]), col(GROUP[1]), col(GROUP[2]), col(GROUP[3]),
                col("_top").as("numerator"), col("_total").as("denominator"), col("_events").as("base_n"),
                lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                when(col("_total").gt(0), col("_top").multiply(100.0).divide(col("_total"))).as("direct_value"));
    }

    @Override
    public boolean zeroWhenEmpty() {
        return false;
    }

    /** k = ceil(percent% of n locations), in integers: (n * percent + 99) div 100. */
    static long topCount(long locations, long percent) {
        return (locations * percent + 99) / 100;
    }

    /** Spark form of {@link #topCount(long, long)}. */
    static Column topCount(Column locations, long percent) {
        return locations.multiply(percent).plus(99).divide(100).cast(DataTypes.LongType);
    }
}
