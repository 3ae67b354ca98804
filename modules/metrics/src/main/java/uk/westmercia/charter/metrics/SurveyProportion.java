package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Share of respondents giving a positive answer. An empty answer is out of the base; "Don't know" is
 * in it and not positive. Weighted: 100 * sum(w * positive) / sum(w), with base_n unweighted.
 */
final class SurveyProportion implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        String question = metric.parameters().string("question");
        List<String> positive = metric.parameters().strings("positive");
        boolean weighted = metric.parameters().flag("weighted", false);
        Column weight = weighted ? col("weight") : lit(1.0);
        Map<String, Column> measures = new LinkedHashMap<>();
        measures.put("numerator", when(col(question).isin(positive.toArray()), weight).otherwise(0.0));
        measures.put("denominator", weight);
        measures.put("base_n", lit(1L));
        measures.put("sum_w2", weight.multiply(weight));
        // An empty answer is out of the base.
        return context.additiveTotals(metric, source, col(question).isNotNull(), measures)
                .select(col("area_level"), col("area_code"), col("period_type"), col("period_label"),
                        col("numerator").cast(DataTypes.DoubleType).as("numerator"),
                        col("denominator").cast(DataTypes.DoubleType).as("denominator"),
                        col("base_n").cast(DataTypes.LongType).as("base_n"),
                        (weighted ? col("sum_w2").cast(DataTypes.DoubleType) : lit(null).cast(DataTypes.DoubleType)).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
