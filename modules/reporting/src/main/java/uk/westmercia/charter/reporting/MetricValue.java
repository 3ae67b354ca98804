package uk.westmercia.charter.reporting;

import java.time.LocalDate;

/** One row of {@code metrics/metric_values}, as plain Java (data contract, section 4). */
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
        Double target,
        String status,
        String runId) {

    public static final String LOW_BASE = "low_base";

    public boolean isLowBase() {
        return LOW_BASE.equals(status);
    }

    /** The value as published: null when the figure is held back (low_base) or missing. */
    public Double publishedValue() {
        return isLowBase() ? null : value;
    }
}
