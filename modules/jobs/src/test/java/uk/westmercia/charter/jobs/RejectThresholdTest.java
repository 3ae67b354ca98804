package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.ingest.FileReport;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.RunReport;

/** Over the reject-rate threshold a run fails with exit code 3 and publishes nothing. */
@ExtendWith(SharedSparkSession.class)
class RejectThresholdTest {
    private static final Path TINY = Path.of("src/test/resources/landing-tiny");
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("a-test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8), "test", false);

    @TempDir
    Path landing;

    @TempDir
    Path warehouse;

    /** The night of 30 June 2024 on the landing, with the given reject threshold. */
    private NightlyJob nightly(SparkSession spark, String runId, double rejectThreshold) {
        return nightly(spark, new RunReport(runId, "nightly", List.of(), "test", Instant.now()), rejectThreshold);
    }

    private NightlyJob nightly(SparkSession spark, RunReport report, double rejectThreshold) {
        return new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, LocalDate.of(2024, 6, 30), KEY, rejectThreshold), report);
    }

    @Test
    void overTheThresholdNothingIsPublished(SparkSession spark) throws Exception {
        copy(TINY, landing);
        // 6 contacts + 1 with an unknown SNT: 1 of 7 rejected = 14.3%, over 5%.
        Files.writeString(landing.resolve("contacts/contacts-2024-06-30.csv"),
                "K7,2024-06-02T10:00:00,email,correspondence,XXX99,,,2024-06-09T17:00:00,\n", StandardOpenOption.APPEND);
        RunReport report = new RunReport("20240701T020000Z-rej1", "nightly", List.of(), "test", Instant.now());
        NightlyJob job = nightly(spark, report, 0.05);

        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED))
                .hasMessageStartingWith("Input refused, reject rate over threshold: contacts: 1 of 7 rows rejected (14.3%, threshold 5.0%)");
        assertThat(warehouse.resolve("metrics/metric_values")).doesNotExist();
        assertThat(warehouse.resolve("staged/contacts")).doesNotExist();
        // The report does not call the files staged: the five files of the landing were read, none published.
        assertThat(report.inputFiles).hasSize(5).allSatisfy(file -> assertThat(((FileReport) file).status()).isEqualTo("not_published"));
        FileReport contacts = (FileReport) report.inputFiles.stream()
                .filter(file -> ((FileReport) file).file().equals("contacts/contacts-2024-06-30.csv")).findFirst().orElseThrow();
        assertThat(List.of(contacts.rowsRead(), contacts.rowsStaged(), contacts.rowsRejected())).containsExactly(7L, 6L, 1L);
        assertThat(report.sources.get("contacts")).isEqualTo(new RunReport.SourceSummary(1, 0, 1L, 7, 6, 1));
    }

    @Test
    void aStrayQuoteRefusesTheRunRatherThanDropTheRowsAfterIt(SparkSession spark) throws Exception {
        copy(TINY, landing);
        // Line 8 opens a quote it never closes: lines 8 and 9 cannot be parsed.
        Files.writeString(landing.resolve("contacts/contacts-2024-06-30.csv"),
                "K7,2024-06-02T10:00:00,\"email,correspondence,HER01,,,2024-06-09T17:00:00,\n"
                        + "K8,2024-06-02T11:00:00,email,correspondence,HER01,,,2024-06-09T17:00:00,\n", StandardOpenOption.APPEND);
        NightlyJob job = nightly(spark, "20240701T020000Z-quo1", 0.05);

        assertThatThrownBy(job::run)
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED))
                .hasMessageStartingWith("contacts/contacts-2024-06-30.csv: file refused, from line 8 it cannot be parsed as CSV");
        assertThat(warehouse.resolve("staged/contacts")).doesNotExist();
        assertThat(warehouse.resolve("metrics/metric_values")).doesNotExist();
    }

    @Test
    void policeUkFilesWithoutDistrictsAreRefused(SparkSession spark) throws Exception {
        copy(TINY, landing);
        // No force extract: police.uk is the crime source.
        try (Stream<Path> crime = Files.walk(landing.resolve("crime"))) {
            for (Path path : crime.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.delete(landing.resolve("reference/districts.csv"));
        Files.createDirectories(landing.resolve("policeuk"));
        Files.writeString(landing.resolve("policeuk/2024-06-west-mercia-street.csv"),
                "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
                        + ",2024-06,West Mercia Police,West Mercia Police,-2.7,52.0,On or near High Street,E01013966,Herefordshire 012A,"
                        + "Anti-social behaviour,,\n");
        NightlyJob job = nightly(spark, "20240701T020000Z-dis1", 0.05);

        assertThatThrownBy(job::run).isInstanceOf(uk.westmercia.charter.landing.InputRefusedException.class)
                .hasMessage("Cannot stage policeuk: reference/districts.csv is missing from the landing folder, "
                        + "and police.uk rows are placed in LPAs through it");
        assertThat(CharterCli.exitCodeOf(new uk.westmercia.charter.landing.InputRefusedException("x"))).isEqualTo(ExitCode.INPUT_REFUSED);
        assertThat(warehouse.resolve("staged/policeuk")).doesNotExist();
    }

    @Test
    void aThresholdOutsideZeroToOneIsABadCommandLineBeforeAnythingStarts() throws Exception {
        copy(TINY, landing);
        Path target = warehouse.resolve("wh");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        int code;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = CharterCli.run("nightly", "--landing", landing.toString(), "--warehouse", target.toString(), "--reject-threshold", "5");
        }
        finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("charter: Cannot run nightly: --reject-threshold must be a share between 0 and 1, was 5.0");
        // Refused before the warehouse is locked or a run is recorded.
        assertThat(target).doesNotExist();
    }

    @Test
    void underAConfiguredThresholdTheRunSucceedsAndKeepsTheReject(SparkSession spark) throws Exception {
        copy(TINY, landing);
        Files.writeString(landing.resolve("contacts/contacts-2024-06-30.csv"),
                "K7,2024-06-02T10:00:00,email,correspondence,XXX99,,,2024-06-09T17:00:00,\n", StandardOpenOption.APPEND);
        nightly(spark, "20240701T020000Z-rej2", 0.2).run();

        List<org.apache.spark.sql.Row> rejects = WarehouseTables.readPublished(spark, warehouse.toString(), "rejects/contacts").collectAsList();
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).<String>getAs("reason_code")).isEqualTo("UNKNOWN_AREA");
        assertThat(rejects.get(0).<String>getAs("file")).isEqualTo("contacts/contacts-2024-06-30.csv");
        assertThat(rejects.get(0).<Long>getAs("line")).isEqualTo(8L);
        assertThat(rejects.get(0).<String>getAs("reason")).isEqualTo("snt_code 'XXX99' is not in the reference data");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
