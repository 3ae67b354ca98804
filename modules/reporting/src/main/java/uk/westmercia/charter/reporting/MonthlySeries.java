package uk.westmercia.charter.reporting;

import java.util.List;
import uk.westmercia.charter.reference.SpcBaseline;
import uk.westmercia.charter.statistics.SpcAssurance;
import uk.westmercia.charter.statistics.SpcResult;

/**
 * An area's monthly series of a metric up to the quarter's end, and its XmR chart.
 *
 * @param changePoint the latest change point of the area's process up to the quarter's end, from
 *     reference/spc-baselines.csv; null when none is listed
 * @param changePointIndex the index of the first value from the change point on (0 without one):
 *     the limits use only the values from there
 * @param target the metric's target, or null
 * @param assurance the chart's assurance against the target; null without a target or limits
 */
public record MonthlySeries(String metricId, String areaCode, List<String> labels, List<Double> values, SpcResult spc,
        SpcBaseline changePoint, int changePointIndex, Double target, SpcAssurance assurance) {
    public MonthlySeries {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
    }

    public MonthlySeries(String metricId, String areaCode, List<String> labels, List<Double> values, SpcResult spc) {
        this(metricId, areaCode, labels, values, spc, null, 0, null, null);
    }
}
