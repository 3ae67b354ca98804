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
    @JsonProperty("input_files") public final List<InputFile> inputFiles = new ArrayList<>();
    /** A nightly's counts per source (folder name). */
    @JsonProperty("sources") public final Map<String, SourceSummary> sources = new LinkedHashMap<>();
    /** What a scorecard run read: the published metric_values it was built from. */
    @JsonProperty("read") public TableRead read;
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

    /** What a run report says of one input file; ingest's {@code FileReport} is one. */
    public interface InputFile {
        String status();

        long rowsRead();

        /** The same file's report with another status: a refused run's files are {@code not_published}. */
        InputFile withStatus(String status);
    }

    /** One source's files and rows in a nightly run; {@code files_not_published} only when the run was refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceSummary(
            @JsonProperty("files") long files,
            @JsonProperty("files_staged") long filesStaged,
            @JsonProperty("files_not_published") Long filesNotPublished,
            @JsonProperty("rows_read") long rowsRead,
            @JsonProperty("rows_staged") long rowsStaged,
            @JsonProperty("rows_rejected") long rowsRejected) {

        public static SourceSummary of(long files, long filesStaged, long rowsRead, long rowsStaged, long rowsRejected) {
            return new SourceSummary(files, filesStaged, null, rowsRead, rowsStaged, rowsRejected);
        }

        /** As a refused run reports it: what it read and would have staged is not published. */
        public SourceSummary notPublished() {
            return new SourceSummary(files, 0, filesStaged, rowsRead, rowsStaged, rowsRejected);
        }
    }

    /** A table a run read as published: its Delta version, the run that published it, the nightly runs behind its rows. */
    public record TableRead(
            @JsonProperty("table") String table,
            @JsonProperty("delta_version") Long deltaVersion,
            @JsonProperty("published_by") String publishedBy,
            @JsonProperty("nightly_run_ids") List<String> nightlyRunIds,
            @JsonProperty("quarter") String quarter,
            @JsonProperty("rows_read") long rowsRead) {

        public TableRead {
            nightlyRunIds = List.copyOf(nightlyRunIds);
        }
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
