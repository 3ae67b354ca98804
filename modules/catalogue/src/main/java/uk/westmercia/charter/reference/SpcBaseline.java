package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * A month from which a metric's process is known to have changed in an area (a new
 * call-handling system, say), from {@code reference/spc-baselines.csv} (metrics.md, "SPC:
 * variation and assurance"). SPC limits use only the months from the latest change point on.
 *
 * @param metricId the metric, e.g. {@code VIS-05}
 * @param areaCode {@code WM}, an LPA code, or {@link #ANY_AREA} for every area
 * @param fromMonth the first month of the new process
 * @param reason why the process changed, shown beside the chart
 */
public record SpcBaseline(String metricId, String areaCode, YearMonth fromMonth, String reason) {
    /** The area code that applies a change point to every area. */
    public static final String ANY_AREA = "*";

    public SpcBaseline {
        requireNonNull(metricId, "metricId is null");
        requireNonNull(areaCode, "areaCode is null");
        requireNonNull(fromMonth, "fromMonth is null");
        requireNonNull(reason, "reason is null");
        if (metricId.isBlank() || areaCode.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("Cannot create SPC baseline: metric, area and reason must not be blank, got '"
                    + metricId + "', '" + areaCode + "', '" + reason + "'");
        }
    }

    /** True when this change point is for the metric and the area (or every area). */
    public boolean appliesTo(String metric, String area) {
        return metricId.equals(metric) && (ANY_AREA.equals(areaCode) || areaCode.equals(area));
    }
}
