package uk.westmercia.charter.reporting;

import uk.westmercia.charter.metrics.MetricValue;

/**
 * One area and metric of a quarter's scorecard (metrics.md, "Quarterly scorecard"). Figures held
 * back as {@code low_base} have null value, interval and changes; their status says why.
 *
 * <p>Each change carries its raw two-sided p-value and its Benjamini-Hochberg q-value within its
 * family (every change on the previous quarter of the quarter's scorecard, and every change on
 * the year before; metrics.md, "Multiple comparisons"). {@code *Significant} is q &lt; 0.05: a
 * change is called significant only when it stays so after allowing for the quarter's hundreds
 * of tests. It is null when the change was not tested (other units, or a figure missing).
 *
 * @param spcAssurance {@code consistently_pass}, {@code consistently_fail} or
 *     {@code hit_and_miss} against the metric's target; null without a target or without limits
 */
public record ScorecardRow(
        String quarter,
        String areaLevel,
        String areaCode,
        String areaName,
        String metricId,
        String theme,
        String metricName,
        String unit,
        String direction,
        Double value,
        Double ciLow,
        Double ciHigh,
        String status,
        Long baseN,
        Double target,
        String previousLabel,
        Double previousValue,
        Double changePrevious,
        Double changePreviousP,
        Double changePreviousQ,
        Boolean changePreviousSignificant,
        String yearBeforeLabel,
        Double yearBeforeValue,
        Double changeYear,
        Double changeYearP,
        Double changeYearQ,
        Boolean changeYearSignificant,
        String spcSignal,
        String spcAssurance,
        Integer spcPoints,
        String sourceRunId) {

    public boolean isLowBase() {
        return MetricValue.LOW_BASE.equals(status);
    }

    /** The same row with the q-values of its two changes, and significance as q &lt; 0.05 (null where untested). */
    public ScorecardRow withQValues(Double previousQ, Double yearQ) {
        return new ScorecardRow(quarter, areaLevel, areaCode, areaName, metricId, theme, metricName, unit, direction, value, ciLow, ciHigh,
                status, baseN, target, previousLabel, previousValue, changePrevious, changePreviousP, previousQ,
                previousQ == null ? null : previousQ < 0.05, yearBeforeLabel, yearBeforeValue, changeYear, changeYearP, yearQ,
                yearQ == null ? null : yearQ < 0.05, spcSignal, spcAssurance, spcPoints, sourceRunId);
    }
}
