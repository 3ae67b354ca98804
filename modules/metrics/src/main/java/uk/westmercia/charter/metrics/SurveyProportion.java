package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
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
 * Share of respondents giving a positive answer. An empty answer is out of the base; "Don't know" is
 * in it and not positive. Weighted: 100 * sum(w * positive) / sum(w), with base_n unweighted.
 */
final class SurveyProportion implements MetricKindComputer {
    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        String question = metric.parameters().string("question");
        List<String> positive = metric.parameters().strings("positive");
        boolean weighted = metric.parameters().flag("weighted", false);
        Column answered = col(question).isNotNull();
        Dataset<Row> responses = MetricContext.byArea(
                context.eventsByPeriod(metric, source, answered, metric.periodTypes())
                        .withColumn("_w", weighted ? col("weight") : lit(1.0))
                        .withColumn("_positive", col(question).isin(positive.toArray())),
                metric.areaLevels());
        return responses.groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(sum(when(col("_positive"), col("_w")).otherwise(0.0)).as("numerator"),
                        sum(col("_w")).as("denominator"),
                        count(lit(1)).as("base_n"),
                        (weighted ? sum(col("_w").multiply(col("_w"))) : lit(null).cast(DataTypes.DoubleType)).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
