package uk.westmercia.charter.metrics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * One row of {@code metrics/metric_values} (data contract, section 4): the engine writes it with {@link #toRow()},
 * the scorecard and theme scores read it with {@link #fromRow(Row)}, both by the columns of {@link #SCHEMA}.
 */
public record MetricValue(
        String metricId,
        String theme,
        String areaLevel,
        String areaCode,
        String periodType,
        String periodLabel,
        LocalDate periodStart,
        LocalDate periodEnd,
        Double numerator,
        Double denominator,
        Double value,
        String unit,
        Double ciLow,
        Double ciHigh,
        Long baseN,
        Double effectiveBase,
        Double target,
        String status,
        String runId) {

    /** A figure published before metric_values carried effective_base: intervals and tests recover it. */
    public MetricValue(String metricId, String theme, String areaLevel, String areaCode, String periodType, String periodLabel,
            LocalDate periodStart, LocalDate periodEnd, Double numerator, Double denominator, Double value, String unit, Double ciLow,
            Double ciHigh, Long baseN, Double target, String status, String runId) {
        this(metricId, theme, areaLevel, areaCode, periodType, periodLabel, periodStart, periodEnd, numerator, denominator, value, unit,
                ciLow, ciHigh, baseN, null, target, status, runId);
    }

    public static final String LOW_BASE = "low_base";

    /** The table's columns, in order. */
    public static final StructType SCHEMA = MetricValuesSchema.SCHEMA;

    /** The row of {@link #SCHEMA} this figure is (dates as {@code LocalDate}: the session's java8API). */
    public Row toRow() {
        return RowFactory.create(metricId, theme, areaLevel, areaCode, periodType, periodLabel, periodStart, periodEnd,
                numerator, denominator, value, unit, ciLow, ciHigh, baseN, effectiveBase, target, status, runId);
    }

    /** A row read from metric_values, by column name; a table published before effective_base existed reads it as null. */
    public static MetricValue fromRow(Row row) {
        Set<String> columns = Set.of(row.schema().fieldNames());
        return new MetricValue(row.getAs("metric_id"), row.getAs("theme"), row.getAs("area_level"), row.getAs("area_code"),
                row.getAs("period_type"), row.getAs("period_label"), date(row, "period_start"), date(row, "period_end"),
                row.getAs("numerator"), row.getAs("denominator"), row.getAs("value"), row.getAs("unit"), row.getAs("ci_low"),
                row.getAs("ci_high"), row.getAs("base_n"), columns.contains("effective_base") ? row.getAs("effective_base") : null,
                row.getAs("target"), row.getAs("status"), row.getAs("run_id"));
    }

    private static LocalDate date(Row row, String column) {
        Object value = row.getAs(column);
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("Cannot read metric_values: " + column + " is " + value);
    }

    public boolean isLowBase() {
        return LOW_BASE.equals(status);
    }

    /** The value as published: null when the figure is held back (low_base) or missing. */
    public Double publishedValue() {
        return isLowBase() ? null : value;
    }

    /**
     * What a rate sums per event (numerator / base_n): 1 for a count of crimes, the mean harm weight
     * per crime for VUL-02, the mean hours per record for REL-05; 1 when there are no events.
     */
    public double quantityPerEvent() {
        // The effective events n* of a summed quantity (compound Poisson), else the count of events.
        Double events = effectiveBase != null && effectiveBase > 0 ? effectiveBase : baseN == null ? null : baseN.doubleValue();
        if (numerator == null || events == null || events <= 0 || !(numerator > 0)) {
            return 1.0;
        }
        return numerator / events;
    }

    /** The events a rate's exact tests count: n* rounded for a summed quantity, else the events themselves. */
    public Long testedEvents() {
        return effectiveBase != null && effectiveBase > 0 ? Long.valueOf(Math.round(effectiveBase)) : baseN;
    }
}
