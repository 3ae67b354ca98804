package uk.westmercia.charter.reporting;

/**
 * One unit's figure for a metric and quarter beside the force's, placed on a funnel around its
 * comparison set's pooled figure (metrics.md, "Area comparison"): an LPA among the five LPAs, or
 * an SNT among the force's SNTs.
 *
 * @param comparisonSet {@code lpa} (the five LPAs) or {@code snt} (the force's SNTs, where the metric
 *     has SNT figures): the units placed on one funnel and ranked together
 * @param base the funnel's x axis: the denominator (effective base for weighted surveys) for
 *     percents, the population for rates; null for other units
 * @param rank 1 = best by the metric's direction among the LPAs with a published figure; null for
 *     direction none or no figure
 * @param centre the funnel's centre y0 in the metric's unit: the figure pooled over the LPAs
 *     compared (sum of numerators over sum of denominators), not the force figure; null when not
 *     placed
 * @param z the unadjusted z-score (y - y0) / s, s the LPA's standard error under the centre (on
 *     the proportion scale for percents); null when not placed
 * @param funnel the unadjusted place: {@code within}, {@code above_95}, {@code below_95},
 *     {@code above_99_8}, {@code below_99_8}; null when not placed (other units, no figure)
 * @param phi the set's overdispersion, the mean of the winsorised z^2 (Spiegelhalter 2005),
 *     pooled over this quarter and up to three before; null when not estimated
 * @param tau2 the DerSimonian-Laird between-area variance on the scale of s (proportions for
 *     percents, rates per 1,000 for rates); null when not estimated
 * @param dispersionN how many z-scores phi and tau2 were estimated from (or were available)
 * @param dispersion {@code estimated} or {@code not_estimated} (fewer than 10 z-scores)
 * @param zAdjusted (y - y0) / sqrt(s^2 + tau2); the z when not estimated
 * @param funnelAdjusted the place within the adjusted limits y0 +- z sqrt(s^2 + tau2); the
 *     unadjusted place when the limits were not widened (not estimated, or tau2 = 0)
 * @param pAdjusted the two-sided p-value of {@code zAdjusted}
 * @param qAdjusted its Benjamini-Hochberg q-value over every area comparison row of the quarter
 *     (the funnel deviation family); the deviation is significant when q &lt; 0.05
 */
public record AreaComparisonRow(
        String quarter,
        String metricId,
        String theme,
        String unit,
        String comparisonSet,
        String areaCode,
        String areaName,
        Double value,
        String status,
        Double forceValue,
        Double base,
        Integer rank,
        Double centre,
        Double z,
        String funnel,
        Double phi,
        Double tau2,
        Integer dispersionN,
        String dispersion,
        Double zAdjusted,
        String funnelAdjusted,
        Double pAdjusted,
        Double qAdjusted) {

    /** The same row with its q-value in the quarter's funnel deviation family. */
    public AreaComparisonRow withQAdjusted(Double q) {
        return new AreaComparisonRow(quarter, metricId, theme, unit, comparisonSet, areaCode, areaName, value, status, forceValue, base, rank, centre, z,
                funnel, phi, tau2, dispersionN, dispersion, zAdjusted, funnelAdjusted, pAdjusted, q);
    }

    /** True when the adjusted deviation is significant after allowing for the quarter's many tests: q &lt; 0.05. */
    public boolean isSignificant() {
        return qAdjusted != null && qAdjusted < 0.05;
    }

    public static final String LPA_SET = "lpa";
    public static final String SNT_SET = "snt";

    public boolean isLpa() {
        return LPA_SET.equals(comparisonSet);
    }

    /** True when the unit lies outside the adjusted 95% limits. */
    public boolean isOutsideAdjusted() {
        return funnelAdjusted != null && !"within".equals(funnelAdjusted);
    }
}
