package uk.westmercia.charter.jobs;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;
import uk.westmercia.charter.reporting.ScorecardJob;
import uk.westmercia.charter.reporting.ScorecardTables;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/**
 * Publication through runs/published: readers never see a run's commits before it publishes, any
 * published run's tables are read again as they were (time travel), and a published scorecard is
 * rebuilt from the metric_values version it read with identical figures.
 */
@ExtendWith(SharedSparkSession.class)
class PublicationTest {
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("a-publication-test-key".getBytes(StandardCharsets.UTF_8), "test", false);

    @TempDir
    Path dir;

    private static RunReport nightly(SparkSession spark, Path landing, Path warehouse, LocalDate asOf, String runId) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, asOf, KEY, 0.05), report).run();
        return report;
    }

    private static List<String> scorecard(SparkSession spark, Path warehouse, String runId, Optional<String> fromRun) {
        RunReport report = new RunReport(runId, "scorecard", List.of(), "test", Instant.now());
        new ScorecardJob(spark, new ScorecardJob.Options(Period.parse(PeriodType.QUARTER, "2024-25 Q1"), warehouse.toString(),
                warehouse.resolve("out"), true, fromRun), report, Catalogue.bundled()).run();
        Dataset<Row> rows = WarehouseTables.readPublished(spark, warehouse.toString(), ScorecardTables.SCORECARD.path())
                .drop(ScorecardTables.SCORECARD_RUN_ID);
        return sorted(rows);
    }

    private static List<String> sorted(Dataset<Row> rows) {
        String[] columns = rows.columns();
        return rows.collectAsList().stream()
                .map(row -> String.join("|", Arrays.stream(columns).map(column -> String.valueOf(row.<Object>getAs(column))).toList()))
                .sorted().toList();
    }

    private static final List<String> NEWER_SOURCES = List.of("patrols", "priorities", "neighbourhood-matters");

    @Test
    void readersFollowThePublishedRunsAndAnyPublishedRunIsReadAgainAsItWas(SparkSession spark) throws IOException {
        Path generated = dir.resolve("generated");
        LandingGenerator.generate(new GeneratorOptions(generated, 11, 0.02, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 7, 31), FileSplit.MONTH)
                .withBadRows(false));
        Path landing = dir.resolve("landing");
        // Publication is the same for every source: the five older ones are enough, and three fewer tables a night
        // keep this test fast (IncrementalNightlyTest runs every source).
        List<Path> july = IncrementalNightlyTest.copyTree(generated, landing, file -> !file.getFileName().toString().contains("2024-07")
                && NEWER_SOURCES.stream().noneMatch(source -> file.startsWith(generated.resolve(source))));
        july.removeIf(file -> NEWER_SOURCES.stream().anyMatch(source -> file.startsWith(generated.resolve(source))));
        Path root = dir.resolve("warehouse");
        Warehouse warehouse = new Warehouse(root);

        nightly(spark, landing, root, LocalDate.of(2024, 6, 30), "20240701T020000Z-0001");
        List<String> firstFigures = IdempotenceTest.figuresButRunId(spark, root);
        List<String> firstScorecard = scorecard(spark, root, "20240701T030000Z-0002", Optional.empty());
        assertThat(firstScorecard).isNotEmpty();

        // July's files and a later --as-of: the next night changes metric_values.
        for (Path file : july) {
            Path target = landing.resolve(generated.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        nightly(spark, landing, root, LocalDate.of(2024, 7, 31), "20240801T020000Z-0003");
        List<String> secondFigures = IdempotenceTest.figuresButRunId(spark, root);
        assertThat(secondFigures).isNotEqualTo(firstFigures);

        // Time travel: metric_values as the first nightly published them.
        WarehouseTables reader = WarehouseTables.reader(spark, warehouse);
        Dataset<Row> asFirst = TableExport.resolve(reader, "metric_values", Optional.of("20240701T020000Z-0001")).drop("run_id");
        assertThat(IdempotenceTest.figures(asFirst)).containsExactlyElementsOf(firstFigures);
        assertThat(reader.publishedBy("20240701T030000Z-0002")).get().extracting(Publication::job).isEqualTo("scorecard");

        // The first scorecard rebuilt from the metric_values the first nightly published: the same figures.
        assertThat(scorecard(spark, root, "20240801T030000Z-0004", Optional.of("20240701T020000Z-0001"))).containsExactlyElementsOf(firstScorecard);

        // A run that commits and does not publish: readers still see the second nightly's tables, whole.
        Publication published = WarehouseTables.reader(spark, warehouse).published();
        WarehouseTables unfinished = WarehouseTables.forRun(spark, warehouse, "20240802T020000Z-0005");
        unfinished.overwrite(NightlyJob.METRIC_VALUES, reader.read(NightlyJob.METRIC_VALUES).limit(3).withColumn("run_id", lit("20240802T020000Z-0005")));
        unfinished.overwrite(ScorecardTables.THEME_SCORES, reader.read(ScorecardTables.THEME_SCORES).limit(1));
        WarehouseTables later = WarehouseTables.reader(spark, warehouse);
        assertThat(later.published()).isEqualTo(published);
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(secondFigures);
        assertThat(later.read(NightlyJob.METRIC_VALUES).filter("run_id = '20240802T020000Z-0005'").count()).isZero();

        // The next run undoes the unpublished commits first, and publishes the restores: the same rows as published.
        WarehouseTables next = WarehouseTables.forRun(spark, warehouse, "20240803T020000Z-0006");
        assertThat(next.undoUnpublished()).containsExactly(
                "metrics/metric_values: restored to published version " + published.version(NightlyJob.METRIC_VALUES).orElseThrow() + " (was "
                        + (published.version(NightlyJob.METRIC_VALUES).orElseThrow() + 1) + ")",
                "metrics/theme_scores: restored to published version " + published.version(ScorecardTables.THEME_SCORES).orElseThrow() + " (was "
                        + (published.version(ScorecardTables.THEME_SCORES).orElseThrow() + 1) + ")");
        next.publish("repair");
        WarehouseTables after = WarehouseTables.reader(spark, warehouse);
        long latest = after.latestVersion(NightlyJob.METRIC_VALUES).getAsLong();
        assertThat(after.published().version(NightlyJob.METRIC_VALUES)).contains(latest);
        assertThat(IdempotenceTest.figures(after.readVersion(NightlyJob.METRIC_VALUES, latest).drop("run_id"))).containsExactlyElementsOf(secondFigures);
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(secondFigures);
        assertThat(after.undoUnpublished()).isEmpty();
    }
}
