package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import uk.westmercia.charter.catalogue.MetricDefinition;

/**
 * Share of respondents giving a positive answer. An empty answer is out of the base; "Don't know" is
 * in it and not positive. Weighted: 100 * sum(w * positive) / sum(w), with base_n unweighted.
 */
final class SurveyProportion implements AdditiveKind {
    @Override
    public Additive additive(MetricDefinition metric, MetricContext context) {
        String question = metric.parameters().string("question");
        List<String> positive = metric.parameters().strings("positive");
        boolean weighted = metric.parameters().flag("weighted", false);
        Column weight = weighted ? col("weight") : lit(1.0);
        // An empty answer is out of the base.
        return new Additive(col(question).isNotNull(),
                when(col(question).isin(positive.toArray()), weight).otherwise(0.0),
                Optional.of(weight),
                weighted ? Optional.of(weight.multiply(weight)) : Optional.empty());
    }
}
