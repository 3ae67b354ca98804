package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a published {@code metric_values} was computed from: the as-of date, the code version, the catalogue and
 * reference data (by SHA-256) and the first record date of each source. A later run compares its own
 * state with this one to decide what it may carry over.
 */
public record MetricState(LocalDate asOf, String codeVersion, String catalogueSha256, String referenceSha256,
        Map<String, LocalDate> firstRecordDates) {
    public MetricState {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(codeVersion, "codeVersion is null");
        requireNonNull(catalogueSha256, "catalogueSha256 is null");
        requireNonNull(referenceSha256, "referenceSha256 is null");
        firstRecordDates = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(firstRecordDates, "firstRecordDates is null")));
    }

    public static MetricState of(LocalDate asOf, String codeVersion, String catalogueSha256, String referenceSha256,
            Map<String, LocalDate> firstRecordDates) {
        return new MetricState(asOf, codeVersion, catalogueSha256, referenceSha256, firstRecordDates);
    }
}
