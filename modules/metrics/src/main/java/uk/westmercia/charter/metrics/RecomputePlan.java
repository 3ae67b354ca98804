package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which periods of each metric a run recomputes: those whose natural end (before any cut at --as-of)
 * is on or after the metric's {@code from} date. Every other row of {@code metric_values} is carried
 * over from the previous run unchanged. A full plan recomputes every period of every metric.
 */
public final class RecomputePlan {
    private final Map<String, LocalDate> fromByMetric;
    private final String reason;
    private final boolean full;

    private RecomputePlan(Map<String, LocalDate> fromByMetric, String reason, boolean full) {
        this.fromByMetric = java.util.Collections.unmodifiableMap(new TreeMap<>(fromByMetric));
        this.reason = requireNonNull(reason, "reason is null");
        this.full = full;
    }

    /** Every period of every metric, for the reason given (no previous values, catalogue changed...). */
    public static RecomputePlan full(String reason) {
        return new RecomputePlan(Map.of(), reason, true);
    }

    /**
     * Only the periods each metric's changes reach. A metric absent from {@code fromByMetric} has
     * nothing to recompute; {@link LocalDate#MIN} recomputes all its periods.
     */
    public static RecomputePlan incremental(Map<String, LocalDate> fromByMetric, String reason) {
        requireNonNull(fromByMetric, "fromByMetric is null");
        return new RecomputePlan(fromByMetric, reason, false);
    }

    public boolean isFull() {
        return full;
    }

    /** Why the plan is what it is, for the log and the run report. */
    public String reason() {
        return reason;
    }

    /**
     * The earliest natural period end the run recomputes for a metric: {@link LocalDate#MIN} for
     * every period, empty when none of its periods changed.
     */
    public Optional<LocalDate> from(String metricId) {
        if (full) {
            return Optional.of(LocalDate.MIN);
        }
        return Optional.ofNullable(fromByMetric.get(metricId));
    }

    /** For the log and run report: "every period: why", or the earliest period end recomputed and the metrics recomputed whole. */
    public String describe() {
        if (full) {
            return "every period: " + reason;
        }
        Optional<LocalDate> earliest = fromByMetric.values().stream().filter(from -> from.isAfter(LocalDate.MIN)).min(LocalDate::compareTo);
        List<String> whole = fromByMetric.entrySet().stream().filter(entry -> entry.getValue().equals(LocalDate.MIN)).map(Map.Entry::getKey).toList();
        String periods = earliest.map(from -> "periods ending on or after " + from).orElse(whole.isEmpty() ? "no periods" : "");
        if (!whole.isEmpty()) {
            periods += (periods.isEmpty() ? "" : ", ") + "every period of " + String.join(", ", whole);
        }
        return periods + ": " + reason;
    }

    @Override
    public String toString() {
        return full ? "full (" + reason + ")" : "incremental " + fromByMetric + " (" + reason + ")";
    }
}
