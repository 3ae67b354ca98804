package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

/**
 * The additive metrics of every source ({@link AdditiveKind}), computed together: one aggregate of
 * every metric's events by metric, day and place (so the calendar join and the fan-out to force,
 * LPA and SNT run over days x SNTs rather than over every event), one calendar join, one fan-out to
 * areas and one aggregate by metric, area and period. Per source, the same chain cost five times the
 * shuffles, joins and Spark jobs for the same rows. Measures are summed as exact decimals (9
 * places), so the figures do not depend on how Spark partitions the rows.
 */
final class AdditiveMetrics extends MetricBatch {
    @Override
    Dataset<Row> figures() {
        List<Dataset<Row>> events = new ArrayList<>();
        for (Member member : members()) {
            MetricContext context = member.context();
            Additive additive = ((AdditiveKind) member.kind()).additive(member.metric(), context);
            Dataset<Row> dated = context.dated(context.input(member.source()).filter(additive.filter()), member.metric());
            List<Column> columns = new ArrayList<>(List.of(lit(member.metric().id()).as(METRIC_ID), col(MetricContext.EVENT_DATE),
                    place(dated, "lpa_code"), place(dated, "snt_code")));
            additive.measures().forEach((name, measure) -> columns.add(measure.cast(MetricContext.EXACT).as(name)));
            events.add(dated.select(columns.toArray(Column[]::new)));
        }
        Dataset<Row> daily = sums(events.stream().reduce(Dataset::union).orElseThrow()
                .groupBy(col(METRIC_ID), col(MetricContext.EVENT_DATE), col("lpa_code"), col("snt_code")));
        // The widest window's calendar over every member's source, of every period type: a period a
        // metric does not report (before its source's first record, say) finds no grid cell.
        MetricContext widest = members().stream().map(Member::context).min(Comparator.comparing(MetricContext::windowStart)).orElseThrow();
        Dataset<Row> byPeriod = daily.join(broadcast(widest.calendar(sources(), periodTypes())),
                        col(MetricContext.EVENT_DATE).equalTo(col("calendar_date")))
                .drop("calendar_date", MetricContext.EVENT_DATE);
        Dataset<Row> totals = sums(MetricContext.byArea(byPeriod, areaLevels())
                .groupBy(Arrays.stream(KEYS).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
        return Additive.figures(totals, col(METRIC_ID));
    }

    /** Each of {@link Additive#MEASURES} summed, under its own name. */
    private static Dataset<Row> sums(RelationalGroupedDataset groups) {
        Column[] sums = Additive.MEASURES.stream().map(name -> sum(col(name)).as(name)).toArray(Column[]::new);
        return groups.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
    }
}
