package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Gap between groups (parameter {@code group}, less {@code excluded_groups}) on a survey question:
 * among groups whose unweighted base for the question is at least {@code min_base}, the highest
 * weighted percent positive minus the lowest. Fewer than two such groups: no value (status
 * {@code low_base} where anyone answered). base_n is the unweighted base over all counted groups.
 */
final class GroupGap implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        String question = metric.parameters().string("question");
        String group = metric.parameters().string("group");
        List<String> positive = metric.parameters().strings("positive");
        List<String> excluded = metric.parameters().values().containsKey("excluded_groups")
                ? metric.parameters().strings("excluded_groups") : List.of();
        long minBase = (long) metric.parameters().number("min_base");
        boolean weighted = metric.parameters().flag("weighted", false);
        Column counted = col(question).isNotNull().and(col(group).isNotNull()).and(col(group).isin(excluded.toArray()).unary_$bang());
        Dataset<Row> responses = MetricContext.byArea(context.eventsByPeriod(metric, source, counted, metric.periodTypes()), metric.areaLevels())
                .withColumn("_w", (weighted ? col("weight") : lit(1)).cast(MetricContext.EXACT))
                .withColumn("_positive", col(question).isin(positive.toArray()));
        Dataset<Row> groups = responses.groupBy(col("area_level"), col("area_code"), col("period_type"), col("period_label"), col(group))
                .agg(count(lit(1)).as("_base"),
                        sum(when(col("_positive"), col("_w")).otherwise(lit(0).cast(MetricContext.EXACT))).cast(DataTypes.DoubleType)
                                .multiply(100.0).divide(sum(col("_w")).cast(DataTypes.DoubleType)).as("_percent"));
        Column qualifies = col("_base").geq(minBase);
        return groups.groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(sum(col("_base")).cast(DataTypes.LongType).as("base_n"),
                        count(when(qualifies, lit(1))).as("_groups"),
                        max(when(qualifies, col("_percent"))).as("_high"),
                        min(when(qualifies, col("_percent"))).as("_low"))
                .select(col("area_level"), col("area_code"), col("period_type"), col("period_label"),
                        lit(null).cast(DataTypes.DoubleType).as("numerator"),
                        lit(null).cast(DataTypes.DoubleType).as("denominator"),
                        col("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        when(col("_groups").geq(2), col("_high").minus(col("_low"))).as("direct_value"));
    }

    @Override
    public boolean zeroWhenEmpty() {
        return false;
    }
}
