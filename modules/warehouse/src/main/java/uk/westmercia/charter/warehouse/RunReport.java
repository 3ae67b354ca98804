package uk.westmercia.charter.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's report, written as {@code runs/<run_id>.json} and as a row of {@code runs/run_reports}.
 * Mutable while the run goes on; written once at its end, whether it succeeded or failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RunReport {
    @JsonProperty("run_id") public final String runId;
    @JsonProperty("job") public final String job;
    @JsonProperty("arguments") public final List<String> arguments;
    @JsonProperty("code_version") public final String codeVersion;
    @JsonProperty("started_at") public final Instant startedAt;
    @JsonProperty("ended_at") public Instant endedAt;
    @JsonProperty("status") public String status = "running";
    @JsonProperty("exit_code") public Integer exitCode;
    @JsonProperty("error") public String error;
    @JsonProperty("catalogue_version") public String catalogueVersion;
    @JsonProperty("catalogue_sha256") public String catalogueSha256;
    @JsonProperty("as_of") public String asOf;
    @JsonProperty("landing") public String landing;
    @JsonProperty("warehouse") public String warehouse;
    @JsonProperty("pseudonymisation_key") public String pseudonymisationKey;
    /** Which metric periods a nightly run recomputed, and why (the rest carried over). */
    @JsonProperty("recompute") public String recompute;
    @JsonProperty("absent_sources") public final List<String> absentSources = new ArrayList<>();
    @JsonProperty("input_files") public final List<Object> inputFiles = new ArrayList<>();
    @JsonProperty("sources") public final Map<String, Object> sources = new LinkedHashMap<>();
    @JsonProperty("tables") public final List<TableReport> tables = new ArrayList<>();
    @JsonProperty("metrics_skipped") public final Map<String, String> metricsSkipped = new LinkedHashMap<>();
    @JsonProperty("warnings") public final List<String> warnings = new ArrayList<>();

    public RunReport(String runId, String job, List<String> arguments, String codeVersion, Instant startedAt) {
        this.runId = runId;
        this.job = job;
        this.arguments = List.copyOf(arguments);
        this.codeVersion = codeVersion;
        this.startedAt = startedAt;
    }

    /** A table written by the run: its rows and the Delta version the run committed. */
    public record TableReport(
            @JsonProperty("table") String table,
            @JsonProperty("rows") long rows,
            @JsonProperty("delta_version") Long deltaVersion) {
    }

    /** What the run found left unpublished by an earlier run and undid before its own work. */
    @JsonProperty("repaired") public final List<String> repaired = new ArrayList<>();
    /** The Delta version of every table as this run published it (its row of runs/published). */
    @JsonProperty("published_versions") public Map<String, Long> publishedVersions;
}
