package uk.westmercia.charter.reporting;

/**
 * One LPA's figure for a metric and quarter beside the force's (metrics.md, "Area comparison").
 *
 * @param base the funnel's x axis: the denominator (effective base for weighted surveys) for
 *     percents, the population for rates; null for other units
 * @param rank 1 = best by the metric's direction among the LPAs with a published figure; null for
 *     direction none or no figure
 * @param funnel {@code within}, {@code above_95}, {@code below_95}, {@code above_99_8},
 *     {@code below_99_8}; null when not placed (other units, no figure)
 */
public record AreaComparisonRow(
        String quarter,
        String metricId,
        String theme,
        String unit,
        String areaCode,
        String areaName,
        Double value,
        String status,
        Double forceValue,
        Double base,
        Integer rank,
        String funnel) {
}
