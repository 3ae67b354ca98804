package uk.westmercia.charter.reporting;

/**
 * One area and metric of a quarter's scorecard (metrics.md, "Quarterly scorecard"). Figures held
 * back as {@code low_base} have null value, interval and changes; their status says why.
 * {@code *Significant} is null when the change was not tested (other units, or a figure missing).
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
        Boolean changePreviousSignificant,
        String yearBeforeLabel,
        Double yearBeforeValue,
        Double changeYear,
        Double changeYearP,
        Boolean changeYearSignificant,
        String spcSignal,
        Integer spcPoints,
        String sourceRunId) {

    public boolean isLowBase() {
        return MetricValue.LOW_BASE.equals(status);
    }
}
