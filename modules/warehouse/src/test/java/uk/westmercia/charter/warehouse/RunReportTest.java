package uk.westmercia.charter.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run report's JSON: the names analysts and jobs/bench read (runs/RUN_ID.json), from typed parts. */
class RunReportTest {
    private static JsonNode json(RunReport report) throws Exception {
        return RunReports.JSON.readTree(RunReports.JSON.writeValueAsString(report));
    }

    @Test
    void aNightlysSourcesAreCountedUnderTheContractsNames() throws Exception {
        RunReport report = new RunReport("nightly-1", "nightly", List.of("--as-of", "2024-06-30"), "test", Instant.parse("2024-07-01T02:00:00Z"));
        report.sources.put("contacts", RunReport.SourceSummary.of(2, 1, 10, 8, 2));

        JsonNode contacts = json(report).path("sources").path("contacts");

        assertThat(contacts.toString()).isEqualTo("{\"files\":2,\"files_staged\":1,\"rows_read\":10,\"rows_staged\":8,\"rows_rejected\":2}");
        assertThat(json(report).has("read")).isFalse();
    }

    @Test
    void aRefusedRunReportsItsFilesAsNotPublished() throws Exception {
        RunReport.SourceSummary refused = RunReport.SourceSummary.of(2, 1, 10, 8, 2).notPublished();

        assertThat(refused).isEqualTo(new RunReport.SourceSummary(2, 0, 1L, 10, 8, 2));
        RunReport report = new RunReport("nightly-2", "nightly", List.of(), "test", Instant.parse("2024-07-01T02:00:00Z"));
        report.sources.put("contacts", refused);
        assertThat(json(report).path("sources").path("contacts").path("files_not_published").asLong()).isEqualTo(1);
    }

    @Test
    void aScorecardSaysWhichPublishedMetricValuesItRead() throws Exception {
        RunReport report = new RunReport("scorecard-1", "scorecard", List.of(), "test", Instant.parse("2025-04-02T09:00:00Z"));
        report.read = new RunReport.TableRead("metrics/metric_values", 7L, "nightly-9", List.of("nightly-8", "nightly-9"), "2024-25 Q4", 1200);

        assertThat(json(report).path("read").toString()).isEqualTo("{\"table\":\"metrics/metric_values\",\"delta_version\":7,"
                + "\"published_by\":\"nightly-9\",\"nightly_run_ids\":[\"nightly-8\",\"nightly-9\"],\"quarter\":\"2024-25 Q4\",\"rows_read\":1200}");
    }
}
