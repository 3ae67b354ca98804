package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** Sum of {@code quantity} over the period's events per 1,000 population; the engine supplies the population. */
final class RatePer1000 implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        Map<String, Column> measures = new LinkedHashMap<>();
        measures.put("numerator", context.expression(metric.parameters().string("quantity")).cast(DataTypes.DoubleType));
        measures.put("base_n", lit(1L));
        return context.additiveTotals(metric, source, context.expression(metric.parameters().string("filter")), measures)
                .select(col("area_level"), col("area_code"), col("period_type"), col("period_label"),
                        col("numerator").cast(DataTypes.DoubleType).as("numerator"),
                        lit(null).cast(DataTypes.DoubleType).as("denominator"),
                        col("base_n").cast(DataTypes.LongType).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
