package uk.westmercia.charter.reporting;

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
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Warehouse;

@ExtendWith(SharedSparkSession.class)
class ScorecardJobTest {
    private static void writeMetricValues(SparkSession spark, Warehouse warehouse) {
        List<MetricValue> values = Fixtures.twoYears();
        spark.createDataFrame(RecordRows.rows(values, MetricValue.class), RecordRows.schema(MetricValue.class))
                .coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(warehouse.versionPath(ScorecardTables.METRIC_VALUES, "nightly-1").toString());
        warehouse.publish(ScorecardTables.METRIC_VALUES, "nightly-1");
    }

    private static ScorecardJob.Result run(SparkSession spark, Path root, String runId, boolean force) {
        RunReport report = new RunReport(runId, "scorecard", List.of(), "test", Instant.now());
        ScorecardJob.Result result = new ScorecardJob(spark, new ScorecardJob.Options(Fixtures.quarter("2024-25 Q4"), root,
                root.resolve("out"), force), report, Catalogue.bundled()).run();
        assertThat(report.sources).containsKey("metric_values");
        assertThat(report.tables).extracting(RunReport.TableReport::table)
                .contains("metrics/scorecard", "metrics/area_comparison", "metrics/theme_scores");
        return result;
    }

    @Test
    void publishesTablesAndReportsAndRefusesToRepublishAQuarterUnlessForced(SparkSession spark, @TempDir Path root) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        writeMetricValues(spark, warehouse);

        ScorecardJob.Result first = run(spark, root, "scorecard-1", false);
        assertThat(first.rows()).isEqualTo(12);
        assertThat(first.sourceRunIds()).containsExactly("nightly-1");
        assertThat(warehouse.currentVersion(ScorecardTables.SCORECARD)).contains("scorecard-1");
        assertThat(spark.read().parquet(warehouse.tablePath(ScorecardTables.SCORECARD).toString()).count()).isEqualTo(12);
        assertThat(spark.read().parquet(warehouse.tablePath(ScorecardTables.AREA_COMPARISON).toString()).count()).isEqualTo(10);
        assertThat(spark.read().parquet(warehouse.tablePath(ScorecardTables.THEME_SCORES).toString())
                .filter("period_label = '2024-25 Q4' and area_code = 'WM' and theme = 'VIS'").first().<Double>getAs("attainment"))
                .isEqualTo(100.0);
        assertThat(Files.readString(first.csv())).contains("VIS-01");
        assertThat(Files.readString(first.html())).contains("2024-25 Q4");

        assertThatThrownBy(() -> run(spark, root, "scorecard-2", false))
                .isInstanceOf(ScorecardJob.AlreadyPublishedException.class)
                .hasMessageContaining("2024-25 Q4").hasMessageContaining("scorecard-1").hasMessageContaining("--force");
        assertThat(warehouse.currentVersion(ScorecardTables.SCORECARD)).contains("scorecard-1");

        run(spark, root, "scorecard-3", true);
        assertThat(warehouse.currentVersion(ScorecardTables.SCORECARD)).contains("scorecard-3");
        assertThat(spark.read().parquet(warehouse.tablePath(ScorecardTables.SCORECARD).toString()).count()).isEqualTo(12);
    }
}
