package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Warehouse;

/** Same inputs, same figures: a run into an empty warehouse, a rerun into the same one and a recompute of every period give identical metric_values but run_id. */
@ExtendWith(SharedSparkSession.class)
class IdempotenceTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny");
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("an-idempotence-test-key".getBytes(StandardCharsets.UTF_8), "test", false);

    @TempDir
    Path dir;

    private static RunReport nightly(SparkSession spark, Path warehouse, String runId, boolean recomputeAll) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(LANDING, warehouse, LocalDate.of(2024, 6, 30), KEY, 0.05, recomputeAll), report).run();
        return report;
    }

    private static List<String> runIds(SparkSession spark, Path warehouse) {
        return WarehouseTables.readPublished(spark, warehouse.toString(), "metrics/metric_values").select("run_id").distinct().collectAsList()
                .stream().map(row -> row.getString(0)).toList();
    }

    /** metric_values without run_id, one sorted line per row, with doubles in full (bit-exact) precision. */
    static List<String> figuresButRunId(SparkSession spark, Path warehouse) {
        return figures(WarehouseTables.readPublished(spark, warehouse.toString(), NightlyJob.METRIC_VALUES.path()).drop("run_id"));
    }

    /** A table's rows, one sorted line each, with doubles in full (bit-exact) precision. */
    static List<String> figures(Dataset<Row> table) {
        String[] columns = table.columns();
        return table.collectAsList().stream()
                .map(row -> String.join("|", Arrays.stream(columns).map(column -> {
                    Object value = row.getAs(column);
                    return value instanceof Double number ? Long.toHexString(Double.doubleToLongBits(number)) : String.valueOf(value);
                }).toList()))
                .sorted()
                .toList();
    }

    @Test
    void a_rerun_on_the_same_inputs_gives_the_same_figures(SparkSession spark) {
        Path reused = dir.resolve("reused");
        RunReport initial = nightly(spark, reused, "20240701T020000Z-0001", false);
        List<String> first = figuresButRunId(spark, reused);
        assertThat(first).isNotEmpty();

        // Nothing new and the same --as-of: every figure is carried over, with the id of the run that computed it.
        RunReport rerun = nightly(spark, reused, "20240702T020000Z-0002", false);
        assertThat(rerun.recompute).isEqualTo("no periods: --as-of unchanged, no staged rows changed");
        assertThat(WarehouseTables.reader(spark, new Warehouse(reused)).published().runId()).isEqualTo("20240702T020000Z-0002");
        assertThat(runIds(spark, reused)).containsExactly("20240701T020000Z-0001");
        assertThat(figuresButRunId(spark, reused)).containsExactlyElementsOf(first);
        // Nothing to write: every table's published version is the first run's, none committed again.
        assertThat(rerun.tables).isEmpty();
        assertThat(rerun.publishedVersions).isEqualTo(initial.publishedVersions).containsKeys("metrics/metric_values", "metrics/theme_scores",
                "metrics/_state", "staged/_files");

        RunReport all = nightly(spark, reused, "20240702T030000Z-0003", true);
        assertThat(all.recompute).isEqualTo("every period: --recompute-all");
        assertThat(runIds(spark, reused)).containsExactly("20240702T030000Z-0003");
        // (The first run was itself into an empty warehouse: a recompute of every period equals it.)
        assertThat(figuresButRunId(spark, reused)).containsExactlyElementsOf(first);
    }
}
