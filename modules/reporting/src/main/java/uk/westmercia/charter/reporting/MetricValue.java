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
