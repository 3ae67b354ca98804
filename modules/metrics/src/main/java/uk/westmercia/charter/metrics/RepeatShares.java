package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;

/**
 * The repeat share metrics ({@link RepeatShare}) of one source, computed together. Each metric
 * flags its repeats over its own key; then, per window, an aggregate takes each key once per metric,
 * area and period (a repeat if any of its crimes there is), and one aggregate over all of them counts
 * keys and repeats. Counting the keys' distinct values directly cost each metric an expansion and two
 * more shuffles.
 */
final class RepeatShares extends MetricBatch {
    @Override
    Dataset<Row> figures() {
        // Members agreeing on their window and recompute window are flagged together.
        Map<List<Object>, List<Member>> windows = new LinkedHashMap<>();
        for (Member member : members()) {
            List<Object> window = new ArrayList<>(RepeatShare.window(member.metric(), member.source()));
            window.add(member.context());
            windows.computeIfAbsent(window, key -> new ArrayList<>()).add(member);
        }
        List<Column> keyed = new ArrayList<>(Arrays.stream(KEYS).map(org.apache.spark.sql.functions::col).toList());
        keyed.add(col("_key"));
        List<Dataset<Row>> byKeys = new ArrayList<>();
        for (List<Member> sharing : windows.values()) {
            MetricDefinition first = sharing.get(0).metric();
            Dataset<Row> events = RepeatShare.flaggedByPeriod(sharing.stream().map(Member::metric).toList(), sharing.get(0).source(), sharing.get(0).context());
            Dataset<Row> flagged = events.select(col(METRIC_ID),
                    col(first.parameters().string("key")).cast(DataTypes.StringType).as("_key"),
                    when(col("_repeat"), 1L).otherwise(0L).as("_repeat"),
                    place(events, "lpa_code"), place(events, "snt_code"), col("period_type"), col("period_label"));
            // Each window's crimes are already partitioned by its key: taking each key once per metric, area and
            // period there needs no shuffle of the (key, area, period) rows, as it would after a union of the windows.
            byKeys.add(MetricContext.byArea(flagged, areaLevels())
                    .groupBy(keyed.toArray(Column[]::new))
                    .agg(max(col("_repeat")).as("_repeat")));
        }
        Dataset<Row> byKey = byKeys.stream().reduce(Dataset::union).orElseThrow();
        return byKey.groupBy(Arrays.stream(KEYS).map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .agg(sum(col("_repeat")).cast(DataTypes.DoubleType).as("numerator"),
                        count(lit(1)).cast(DataTypes.DoubleType).as("denominator"),
                        count(lit(1)).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }
}
