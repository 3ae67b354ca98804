package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

/** A nightly that stages one new file on top of an earlier run's tables gives what one run over every file gives. */
@ExtendWith(SharedSparkSession.class)
class IncrementalStagingTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny").toAbsolutePath();
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("an-incremental-test-key".getBytes(StandardCharsets.UTF_8), "test", false);

    @TempDir
    Path dir;

    private static void nightly(SparkSession spark, Path landing, Path warehouse, String runId) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, LocalDate.of(2024, 6, 30), KEY, 0.05), report).run();
    }

    private static List<String> stagedRows(SparkSession spark, Path warehouse, Source source) {
        var table = spark.read().parquet(new Warehouse(warehouse).tablePath(TableName.staged(source.folder())).toString());
        assertThat(table.schema().apply("record_month").dataType()).isEqualTo(DataTypes.StringType);
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
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
        Warehouse warehouse = new Warehouse(incremental);
        assertThat(warehouse.currentVersion(TableName.staged("crime"))).contains("20240702T020000Z-0002");

        Path fresh = dir.resolve("fresh");
        nightly(spark, landing, fresh, "20240703T020000Z-0003");
        for (Source source : List.of(Source.CRIME, Source.CONTACTS, Source.ENGAGEMENT, Source.SURVEY_PUBLIC)) {
            assertThat(stagedRows(spark, incremental, source)).as(source.folder()).isNotEmpty()
                    .containsExactlyElementsOf(stagedRows(spark, fresh, source));
        }
        assertThat(IdempotenceTest.figuresButRunId(spark, incremental)).containsExactlyElementsOf(IdempotenceTest.figuresButRunId(spark, fresh));
    }
}
