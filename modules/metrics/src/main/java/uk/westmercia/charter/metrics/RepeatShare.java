package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Share of distinct keys (parameter {@code key}: victim, location or offender) with a crime in the
 * area and period that are repeats. A crime c is a repeat when another crime c' (any area, same
 * filter) has the same key and {@code c.date - window_days <= c'.date <= c.date}; for police.uk
 * files (dated by month) when c' lies in the 12 months up to and including c's month. A key counts
 * as repeat in (A, P) when one of its crimes in A and P is a repeat.
 */
final class RepeatShare implements BatchedKind {
    @Override
    public String family() {
        return "repeat";
    }

    @Override
    public MetricBatch batch() {
        return new RepeatShares();
    }

    /**
     * What decides a repeat window (the source read, key, date, length and periods): metrics that
     * agree on it (PRV-01 and VUL-04: victims over a year of recorded dates) are flagged over one
     * window, one shuffle and one sort of their crimes.
     */
    static List<Object> window(MetricDefinition metric, Source source) {
        long length = source.datedByMonth() ? windowMonthsPoliceUk(metric) : (long) metric.parameters().number("window_days");
        return List.of(source, metric.parameters().string("key"), metric.parameters().string("date"), length, metric.periodTypes());
    }

    /**
     * The crimes of metrics sharing one {@link #window}, by period: one row per metric whose filter
     * the crime passes, with {@code metric_id}, its key and whether it is a repeat for that metric
     * ({@code _repeat}: another crime passing the same filter in its window).
     */
    static Dataset<Row> flaggedByPeriod(List<MetricDefinition> metrics, Source source, MetricContext context) {
        MetricDefinition first = metrics.get(0);
        String key = first.parameters().string("key");
        Column date = context.expression(first.parameters().string("date"));
        List<Column> filters = metrics.stream()
                .map(metric -> coalesce(context.expression(metric.parameters().string("filter")), lit(false)))
                .toList();
        Dataset<Row> crimes = context.input(source).filter(filters.stream().reduce(Column::or).orElseThrow().and(col(key).isNotNull()));
        if (context.windowStart().isAfter(LocalDate.MIN)) {
            crimes = crimes.filter(date.geq(lit(earliestNeeded(first, source, context.windowStart()))));
        }
        // Every metric's flag in one select: one window operator, one shuffle and sort for all of them.
        List<Column> windowed = new ArrayList<>(List.of(col("*")));
        List<Column> flags = new ArrayList<>();
        List<String> dropped = new ArrayList<>(List.of("_flag"));
        for (int index = 0; index < metrics.size(); index++) {
            String repeat = "_repeat_" + index;
            windowed.add(repeatFlag(first, source, key, date, filters.get(index)).as(repeat));
            flags.add(struct(lit(metrics.get(index).id()).as(MetricBatch.METRIC_ID), filters.get(index).as("_in"), col(repeat).as("_repeat")));
            dropped.add(repeat);
        }
        // One row per metric the crime counts for.
        Dataset<Row> flagged = crimes.select(windowed.toArray(Column[]::new))
                .withColumn("_flag", explode(filter(array(flags.toArray(Column[]::new)), flag -> flag.getField("_in"))))
                .withColumn(MetricBatch.METRIC_ID, col("_flag." + MetricBatch.METRIC_ID))
                .withColumn("_repeat", col("_flag._repeat"))
                .drop(dropped.toArray(String[]::new));
        return context.byPeriod(flagged, first, source, first.periodTypes());
    }

    /** Recomputing periods from {@code windowStart} on, an older crime matters only inside a recomputed crime's window. */
    static LocalDate earliestNeeded(MetricDefinition metric, Source source, LocalDate windowStart) {
        return source.datedByMonth()
                ? windowStart.withDayOfMonth(1).minusMonths(windowMonthsPoliceUk(metric))
                : windowStart.minusDays((long) metric.parameters().number("window_days"));
    }

    /**
     * Whether another crime with the same key passing {@code counted} lies in the window ending on
     * this crime's date: the count over a range window [date - window, date] includes the crime
     * itself, so more than one means another crime (same-day crimes included: they are peers of the range).
     */
    static Column repeatFlag(MetricDefinition metric, Source source, String key, Column date, Column counted) {
        Column position;
        long window;
        if (source.datedByMonth()) {
            position = year(date).multiply(12).plus(month(date)).cast(DataTypes.LongType);
            window = windowMonthsPoliceUk(metric) - 1;
        }
        else {
            position = datediff(date, lit(java.sql.Date.valueOf("1970-01-01"))).cast(DataTypes.LongType);
            window = (long) metric.parameters().number("window_days");
        }
        WindowSpec spec = Window.partitionBy(col(key)).orderBy(position).rangeBetween(-window, 0);
        return count(when(counted, 1)).over(spec).gt(1);
    }

    private static long windowMonthsPoliceUk(MetricDefinition metric) {
        Object months = metric.parameters().values().get("policeuk_window_months");
        return months instanceof Number number ? number.longValue() : 12L;
    }
}
