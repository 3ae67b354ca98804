package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
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
    public MetricBatch batch(Source source) {
        return new RepeatShares(source);
    }

    /** The metric's crimes by period, each with its key and whether it is a repeat ({@code _repeat}). */
    static Dataset<Row> flaggedByPeriod(MetricDefinition metric, Source source, MetricContext context) {
        String key = metric.parameters().string("key");
        Column filter = context.expression(metric.parameters().string("filter"));
        Column date = context.expression(metric.parameters().string("date"));
        Dataset<Row> crimes = context.input(source).filter(filter.and(col(key).isNotNull()));
        if (context.windowStart().isAfter(LocalDate.MIN)) {
            crimes = crimes.filter(date.geq(lit(earliestNeeded(metric, source, context.windowStart()))));
        }
        Dataset<Row> flagged = crimes.withColumn("_repeat", repeatFlag(metric, source, key, date));
        return context.byPeriod(flagged, metric, source, metric.periodTypes());
    }

    /** Recomputing periods from {@code windowStart} on, an older crime matters only inside a recomputed crime's window. */
    static LocalDate earliestNeeded(MetricDefinition metric, Source source, LocalDate windowStart) {
        return source == Source.POLICEUK
                ? windowStart.withDayOfMonth(1).minusMonths(windowMonthsPoliceUk(metric))
                : windowStart.minusDays((long) metric.parameters().number("window_days"));
    }

    /**
     * Whether another crime with the same key lies in the window ending on this crime's date: the
     * count over a range window [date - window, date] includes the crime itself, so more than one
     * means another crime (same-day crimes included: they are peers of the range).
     */
    static Column repeatFlag(MetricDefinition metric, Source source, String key, Column date) {
        Column position;
        long window;
        if (source == Source.POLICEUK) {
            position = year(date).multiply(12).plus(month(date)).cast(DataTypes.LongType);
            window = windowMonthsPoliceUk(metric) - 1;
        }
        else {
            position = datediff(date, lit(java.sql.Date.valueOf("1970-01-01"))).cast(DataTypes.LongType);
            window = (long) metric.parameters().number("window_days");
        }
        WindowSpec spec = Window.partitionBy(col(key)).orderBy(position).rangeBetween(-window, 0);
        return count(lit(1)).over(spec).gt(1);
    }

    private static long windowMonthsPoliceUk(MetricDefinition metric) {
        Object months = metric.parameters().values().get("policeuk_window_months");
        return months instanceof Number number ? number.longValue() : 12L;
    }
}
