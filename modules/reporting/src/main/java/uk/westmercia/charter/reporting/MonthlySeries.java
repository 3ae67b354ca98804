package uk.westmercia.charter.reporting;

import java.util.List;
import uk.westmercia.charter.statistics.SpcResult;

/** An area's monthly series of a metric up to the quarter's end, and its XmR chart. */
public record MonthlySeries(String metricId, String areaCode, List<String> labels, List<Double> values, SpcResult spc) {
    public MonthlySeries {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
    }
}
