package uk.westmercia.charter.reporting;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.TableName;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

@ExtendWith(SharedSparkSession.class)
class ScorecardJobTest {
    private static void writeMetricValues(SparkSession spark, Warehouse warehouse) {
        writeMetricValues(spark, warehouse, "nightly-1");
    }

    /** The fixture's figures as a nightly run's version of metric_values. */
    private static void writeMetricValues(SparkSession spark, Warehouse warehouse, String nightlyRunId) {
        List<MetricValue> values = Fixtures.twoYears();
        WarehouseTables tables = WarehouseTables.forRun(spark, warehouse, nightlyRunId);
        tables.overwrite(ScorecardTables.METRIC_VALUES, spark.createDataFrame(RecordRows.rows(values, MetricValue.class), RecordRows.schema(MetricValue.class))
                .withColumn("run_id", lit(nightlyRunId)).coalesce(1));
        tables.publish("nightly");
    }

    /** The run whose commit of a table is published. */
    private static String publishedBy(SparkSession spark, Warehouse warehouse, TableName table) {
        return WarehouseTables.reader(spark, warehouse).publishedCommitOf(table).orElse("none");
    }

    private static Dataset<Row> published(SparkSession spark, Warehouse warehouse, TableName table) {
        return WarehouseTables.reader(spark, warehouse).read(table);
    }

    private static ScorecardJob.Result run(SparkSession spark, Path root, String runId, boolean force) {
        RunReport report = new RunReport(runId, "scorecard", List.of(), "test", Instant.now());
        ScorecardJob.Result result = new ScorecardJob(spark, new ScorecardJob.Options(Fixtures.quarter("2024-25 Q4"), root,
                root.resolve("out"), force), report, Catalogue.bundled()).run();
        assertThat(report.read.table()).isEqualTo("metrics/metric_values");
        assertThat(report.read.nightlyRunIds()).isEqualTo(result.sourceRunIds());
        assertThat(report.read.rowsRead()).isPositive();
        assertThat(report.tables).extracting(RunReport.TableReport::table)
                .contains("metrics/scorecard", "metrics/area_comparison", "metrics/theme_scores");
        return result;
    }

    @Test
    void publishesTablesAndReportsRebuildsFromTheSameNightlyAndReplacesARecomputedQuarterOnlyWhenForced(SparkSession spark, @TempDir Path root) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        writeMetricValues(spark, warehouse);

        ScorecardJob.Result first = run(spark, root, "scorecard-1", false);
        assertThat(first.rows()).isEqualTo(12);
        assertThat(first.sourceRunIds()).containsExactly("nightly-1");
        assertThat(publishedBy(spark, warehouse, ScorecardTables.SCORECARD)).isEqualTo("scorecard-1");
        assertThat(published(spark, warehouse, ScorecardTables.SCORECARD).count()).isEqualTo(12);
        assertThat(published(spark, warehouse, ScorecardTables.AREA_COMPARISON).count()).isEqualTo(10);
        assertThat(published(spark, warehouse, ScorecardTables.THEME_SCORES)
                .filter("period_label = '2024-25 Q4' and area_code = 'WM' and theme = 'VIS'").first().<Double>getAs("attainment"))
                .isEqualTo(100.0);
        assertThat(Files.readString(first.csv())).contains("VIS-01");
        assertThat(Files.readString(first.html())).contains("2024-25 Q4");

        // Built again from the same nightly run: the same figures, so it is simply rebuilt.
        run(spark, root, "scorecard-2", false);
        assertThat(publishedBy(spark, warehouse, ScorecardTables.SCORECARD)).isEqualTo("scorecard-2");

        // A later nightly recomputed the quarter: the published snapshot is replaced only with --force.
        writeMetricValues(spark, warehouse, "nightly-2");
        assertThatThrownBy(() -> run(spark, root, "scorecard-3", false))
                .isInstanceOf(ScorecardJob.AlreadyPublishedException.class)
                .hasMessage("Scorecard for 2024-25 Q4 is already published (scorecard run scorecard-2 from nightly run nightly-1) and "
                        + "metric_values now holds its figures from nightly run(s) nightly-2; published quarters are snapshots, use --force to replace it");
        assertThat(publishedBy(spark, warehouse, ScorecardTables.SCORECARD)).isEqualTo("scorecard-2");

        run(spark, root, "scorecard-4", true);
        assertThat(publishedBy(spark, warehouse, ScorecardTables.SCORECARD)).isEqualTo("scorecard-4");
        assertThat(published(spark, warehouse, ScorecardTables.SCORECARD).count()).isEqualTo(12);
    }

    @Test
    void aRunThatCannotWriteItsReportsSwitchesNoTable(SparkSession spark, @TempDir Path root) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        writeMetricValues(spark, warehouse);
        run(spark, root, "scorecard-1", false);
        writeMetricValues(spark, warehouse, "nightly-2");
        // --out is a file, not a folder: the CSV cannot be written.
        Files.writeString(root.resolve("not-a-folder"), "");
        RunReport report = new RunReport("scorecard-2", "scorecard", List.of(), "test", Instant.now());
        ScorecardJob job = new ScorecardJob(spark, new ScorecardJob.Options(Fixtures.quarter("2024-25 Q4"), root,
                root.resolve("not-a-folder"), true), report, Catalogue.bundled());

        assertThatThrownBy(job::run).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("Cannot write " + root.resolve("not-a-folder").resolve("charter-scorecard-2024-25-Q4.csv"));
        assertThat(publishedBy(spark, warehouse, ScorecardTables.SCORECARD)).isEqualTo("scorecard-1");
        assertThat(publishedBy(spark, warehouse, ScorecardTables.AREA_COMPARISON)).isEqualTo("scorecard-1");
        assertThat(publishedBy(spark, warehouse, ScorecardTables.THEME_SCORES)).isEqualTo("scorecard-1");
    }
}
