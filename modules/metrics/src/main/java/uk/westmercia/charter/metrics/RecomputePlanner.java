package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricKind;

/**
 * Decides how much of {@code metric_values} a run must recompute. A period's figure depends only on
 * rows whose metric date lies in it, on rows up to a repeat window before it (so a changed row
 * reaches periods ending on or after its date), and on --as-of only where the period is cut at it.
 * Anything that can move every figure (code version, catalogue, reference data and targets, the first record of
 * a source, an earlier --as-of) recomputes everything.
 */
public final class RecomputePlanner {
    /** A week counts in the period holding its Monday, up to six days before the event that covers it. */
    private static final int WEEK_REACH_BACK_DAYS = 6;
    /** Catalogue parameter: how many days before --as-of a figure reading it can move. */
    static final String AS_OF_REACH_DAYS = "as_of_reach_days";

    private RecomputePlanner() {
    }

    /**
     * @param previous the state behind the published metric_values, if there is one
     * @param current this run's state
     * @param earliestChanges per metric id, the earliest metric date (its {@code date} expression)
     *     over the rows its source's staging added or took away; absent where nothing changed
     */
    public static RecomputePlan plan(Catalogue catalogue, Optional<MetricState> previous, MetricState current,
            Map<String, LocalDate> earliestChanges) {
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(previous, "previous is null");
        requireNonNull(current, "current is null");
        requireNonNull(earliestChanges, "earliestChanges is null");
        if (previous.isEmpty()) {
            return RecomputePlan.full("no previous metric_values to carry over");
        }
        MetricState before = previous.get();
        if (!before.codeVersion().equals(current.codeVersion())) {
            return RecomputePlan.full("the code version changed from " + before.codeVersion() + " to " + current.codeVersion());
        }
        if (!before.catalogueSha256().equals(current.catalogueSha256())) {
            return RecomputePlan.full("the catalogue changed");
        }
        if (!before.referenceSha256().equals(current.referenceSha256())) {
            return RecomputePlan.full("reference data or targets changed");
        }
        if (current.asOf().isBefore(before.asOf())) {
            return RecomputePlan.full("--as-of moved back from " + before.asOf() + " to " + current.asOf());
        }
        if (!before.firstRecordDates().equals(current.firstRecordDates())) {
            return RecomputePlan.full("the sources or their first record dates changed: " + before.firstRecordDates()
                    + " before, " + current.firstRecordDates() + " now");
        }
        boolean asOfMoved = current.asOf().isAfter(before.asOf());
        Map<String, LocalDate> fromByMetric = new LinkedHashMap<>();
        for (MetricDefinition metric : catalogue.metrics()) {
            LocalDate from = earliestChanges.get(metric.id());
            if (asOfMoved) {
                // Periods ending by the previous --as-of were complete; figures that read --as-of itself may move anywhere.
                // A figure that reads --as-of only within a few days of it (parameter as_of_reach_days:
                // queries still within their 72 hours) moves only from that many days before the previous one.
                LocalDate asOfFrom = !readsAsOf(metric) ? before.asOf().plusDays(1)
                        : metric.parameters().values().containsKey(AS_OF_REACH_DAYS)
                                ? before.asOf().minusDays((long) metric.parameters().number(AS_OF_REACH_DAYS))
                                : LocalDate.MIN;
                from = from == null || asOfFrom.isBefore(from) ? asOfFrom : from;
            }
            if (from != null && from.isAfter(LocalDate.MIN) && (metric.kind() == MetricKind.WEEKLY_COVERAGE || metric.kind() == MetricKind.HOTSPOT_DOSAGE)) {
                from = from.minusDays(WEEK_REACH_BACK_DAYS);
            }
            if (from != null) {
                fromByMetric.put(metric.id(), from);
            }
        }
        String reason = (asOfMoved ? "--as-of moved from " + before.asOf() + " to " + current.asOf() : "--as-of unchanged")
                + (earliestChanges.isEmpty() ? ", no staged rows changed"
                        : ", staged rows changed from " + earliestChanges.values().stream().min(LocalDate::compareTo).orElseThrow());
        return RecomputePlan.incremental(fromByMetric, reason);
    }

    /** Whether any of the metric's expressions reads the run's --as-of date. */
    static boolean readsAsOf(MetricDefinition metric) {
        return metric.parameters().values().values().stream().anyMatch(value -> String.valueOf(value).contains("{as_of}"));
    }
}
