package uk.westmercia.charter.reporting;

import java.util.List;
import java.util.Map;
import uk.westmercia.charter.reference.SpcBaseline;

/**
 * Everything one quarter's scorecard shows: plain records the HTML and CSV are rendered from.
 *
 * @param themeScores the quarter's theme scores for the force and each LPA
 * @param series monthly series keyed by metric id then area code
 * @param dataTo the last day the quarter's figures cover: before the quarter's end while it is still running
 * @param quantityPerEvent for each rate metric, what the LPAs' pooled rate sums per event (1 for a
 *     count): the funnel chart's limits are the events' limits scaled by it; the SNTs' under the key
 *     {@code <metric id>|snt}
 * @param changePoints the SPC change points of reference/spc-baselines.csv the scorecard was built with
 */
public record ScorecardReport(
        String quarter,
        java.time.LocalDate dataTo,
        List<String> sourceRunIds,
        List<MetricInfo> metrics,
        List<ScorecardRow> rows,
        List<AreaComparisonRow> comparisons,
        List<ThemeScore> themeScores,
        Map<String, Map<String, MonthlySeries>> series,
        Map<String, Double> quantityPerEvent,
        List<SpcBaseline> changePoints) {
    public ScorecardReport {
        sourceRunIds = List.copyOf(sourceRunIds);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
        themeScores = List.copyOf(themeScores);
        series = Map.copyOf(series);
        quantityPerEvent = Map.copyOf(quantityPerEvent);
        changePoints = List.copyOf(changePoints);
    }

    /** A report built without SPC change points. */
    public ScorecardReport(String quarter, java.time.LocalDate dataTo, List<String> sourceRunIds, List<MetricInfo> metrics,
            List<ScorecardRow> rows, List<AreaComparisonRow> comparisons, List<ThemeScore> themeScores,
            Map<String, Map<String, MonthlySeries>> series, Map<String, Double> quantityPerEvent) {
        this(quarter, dataTo, sourceRunIds, metrics, rows, comparisons, themeScores, series, quantityPerEvent, List.of());
    }
}
