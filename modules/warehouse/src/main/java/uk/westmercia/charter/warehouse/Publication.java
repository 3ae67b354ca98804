package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row of {@code runs/published}: a run, when it published, and the Delta version of every
 * table as that run left the warehouse. The latest row is the warehouse's published state.
 * {@code keyFingerprint} identifies the pseudonymisation key the staged rows were made with (never the
 * key itself), so a run with another key is refused instead of mixing two sets of pseudonyms.
 *
 * @param versions table path (e.g. {@code metrics/metric_values}) to Delta version
 */
public record Publication(
        @com.fasterxml.jackson.annotation.JsonProperty("run_id") String runId,
        @com.fasterxml.jackson.annotation.JsonProperty("job") String job,
        @com.fasterxml.jackson.annotation.JsonProperty("published_at") Instant publishedAt,
        @com.fasterxml.jackson.annotation.JsonProperty("tables") Map<String, Long> versions,
        @com.fasterxml.jackson.annotation.JsonProperty("key_fingerprint") String keyFingerprint) {
    /** The state of a warehouse nothing was ever published to. */
    public static final Publication NONE = new Publication("", "", Instant.EPOCH, Map.of(), null);

    /** A publication of tables holding no pseudonymised rows (or of a warehouse staged before fingerprints). */
    public Publication(String runId, String job, Instant publishedAt, Map<String, Long> versions) {
        this(runId, job, publishedAt, versions, null);
    }

    public Publication {
        requireNonNull(runId, "runId is null");
        requireNonNull(job, "job is null");
        requireNonNull(publishedAt, "publishedAt is null");
        versions = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(versions, "versions is null")));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNone() {
        return runId.isEmpty();
    }

    public Optional<Long> version(TableName table) {
        return Optional.ofNullable(versions.get(table.path()));
    }

    public boolean contains(TableName table) {
        return versions.containsKey(table.path());
    }
}
