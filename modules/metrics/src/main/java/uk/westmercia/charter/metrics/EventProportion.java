package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, Column> measures = new LinkedHashMap<>();
        // A null condition (e.g. a missing date) is not positive.
        measures.put("numerator", when(coalesce(context.expression(metric.parameters().string("numerator")), lit(false)), 1.0).otherwise(0.0));
        measures.put("base_n", lit(1L));
        return context.additiveTotals(metric, source, context.expression(metric.parameters().string("filter")), measures)
                .select(col("area_level"), col("area_code"), col("period_type"), col("period_label"),
                        col("numerator").cast(DataTypes.DoubleType).as("numerator"),
                        col("base_n").cast(DataTypes.DoubleType).as("denominator"),
                        col("base_n").cast(DataTypes.LongType).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
