package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** A nightly that stages one new file on top of an earlier run's tables gives what one run over every file gives. */
@ExtendWith(SharedSparkSession.class)
class IncrementalStagingTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny").toAbsolutePath();
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("an-incremental-test-key".getBytes(StandardCharsets.UTF_8), "test", false);

    @TempDir
    Path dir;

    private static void nightly(SparkSession spark, Path landing, Path warehouse, String runId) {
        nightly(spark, landing, warehouse, runId, 0.05);
    }

    private static RunReport nightly(SparkSession spark, Path landing, Path warehouse, String runId, double rejectThreshold) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, LocalDate.of(2024, 6, 30), KEY, rejectThreshold), report).run();
        return report;
    }

    private static List<String> stagedRows(SparkSession spark, Path warehouse, Source source) {
        var table = WarehouseTables.readPublished(spark, warehouse.toString(), TableName.staged(source.folder()).path());
        assertThat(table.schema().apply("record_month").dataType()).isEqualTo(DataTypes.StringType);
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> rows(org.apache.spark.sql.Dataset<Row> table) {
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void a_night_that_adds_no_rejected_row_commits_no_rejects_and_one_that_does_appends_them(SparkSession spark) throws IOException {
        Path landing = dir.resolve("landing");
        Files.createDirectories(landing.resolve("crime"));
        for (String folder : List.of("reference", "contacts")) {
            try (Stream<Path> files = Files.list(LANDING.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, Files.createDirectories(landing.resolve(folder)).resolve(file.getFileName()));
                }
            }
        }
        String header = "crime_ref,recorded_date,category,snt_code,status\n";
        Files.writeString(landing.resolve("crime/crime-2024-05-31.csv"), header + "C1,2024-05-05,Burglary,SHR01,recorded\nC2,not-a-date,Drugs,SHR01,recorded\n");
        Path incremental = dir.resolve("incremental");
        Warehouse warehouse = new Warehouse(incremental);
        TableName rejects = TableName.rejects("crime");
        // Half the crime rows are rejected: a threshold that lets the run through.
        nightly(spark, landing, incremental, "20240701T020000Z-0001", 1.0);
        WarehouseTables tables = WarehouseTables.reader(spark, warehouse);
        List<String> first = rows(tables.read(rejects));
        assertThat(first).containsExactly(
                "[crime,crime/crime-2024-05-31.csv,3,BAD_DATE,recorded_date,recorded_date 'not-a-date' is not a date (yyyy-MM-dd or dd/MM/yyyy)]");

        // A new file without a bad row: the rejects table is not committed to; the published version stays.
        long firstVersion = tables.latestVersion(rejects).getAsLong();
        Files.writeString(landing.resolve("crime/crime-2024-06-30.csv"), header + "C3,2024-06-01,Robbery,SHR01,recorded\n");
        RunReport second = nightly(spark, landing, incremental, "20240702T020000Z-0002", 1.0);
        tables = WarehouseTables.reader(spark, warehouse);
        assertThat(tables.published().runId()).isEqualTo("20240702T020000Z-0002");
        assertThat(tables.published().version(rejects)).contains(firstVersion);
        assertThat(rows(tables.read(rejects))).isEqualTo(first);
        assertThat(second.tables).extracting(RunReport.TableReport::table).doesNotContain("rejects/crime");

        // A new file with a bad row: its reject is appended in one commit.
        Files.writeString(landing.resolve("crime/crime-2024-07-01.csv"), header + "C4,2024-06-30,Robbery,NOWHERE,recorded\n");
        nightly(spark, landing, incremental, "20240703T020000Z-0003", 1.0);
        tables = WarehouseTables.reader(spark, warehouse);
        assertThat(tables.published().version(rejects)).contains(firstVersion + 1);
        // Both nights' rejects, as one run over the three files would reject them.
        assertThat(rows(tables.read(rejects))).containsExactly(
                "[crime,crime/crime-2024-05-31.csv,3,BAD_DATE,recorded_date,recorded_date 'not-a-date' is not a date (yyyy-MM-dd or dd/MM/yyyy)]",
                "[crime,crime/crime-2024-07-01.csv,2,UNKNOWN_AREA,snt_code,snt_code 'NOWHERE' is not in the reference data]");
    }

    @Test
    void a_night_that_adds_a_file_stages_and_figures_as_one_run_over_all_files(SparkSession spark) throws IOException {
        Path landing = dir.resolve("landing");
        try (Stream<Path> walk = Files.walk(LANDING)) {
            for (Path path : walk.toList()) {
                Path copy = landing.resolve(LANDING.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                }
                else if (!path.getFileName().toString().equals("crime-2024-06-30.csv")) {
                    Files.copy(path, copy);
                }
            }
        }
        Path incremental = dir.resolve("incremental");
        nightly(spark, landing, incremental, "20240701T020000Z-0001");
        Files.copy(LANDING.resolve("crime/crime-2024-06-30.csv"), landing.resolve("crime/crime-2024-06-30.csv"));
        nightly(spark, landing, incremental, "20240702T020000Z-0002");
        WarehouseTables tables = WarehouseTables.reader(spark, new Warehouse(incremental));
        // The second night merged into staged/crime: its second commit.
        assertThat(tables.published().version(TableName.staged("crime"))).contains(1L);

        Path fresh = dir.resolve("fresh");
        nightly(spark, landing, fresh, "20240703T020000Z-0003");
        for (Source source : List.of(Source.CRIME, Source.CONTACTS, Source.ENGAGEMENT, Source.SURVEY_PUBLIC)) {
            assertThat(stagedRows(spark, incremental, source)).as(source.folder()).isNotEmpty()
                    .containsExactlyElementsOf(stagedRows(spark, fresh, source));
        }
        assertThat(IdempotenceTest.figuresButRunId(spark, incremental)).containsExactlyElementsOf(IdempotenceTest.figuresButRunId(spark, fresh));
    }
}
