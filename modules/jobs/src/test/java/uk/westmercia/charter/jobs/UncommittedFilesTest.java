package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** A failed or killed run's half-written data files, which no commit references, are removed by the next run. */
@ExtendWith(SharedSparkSession.class)
class UncommittedFilesTest {
    private static final TableName TABLE = TableName.metrics("theme_scores");
    private static final TableName NEVER_COMMITTED = TableName.metrics("scorecard");

    @TempDir
    Path root;

    private static List<String> dataFiles(Path table) throws IOException {
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).map(file -> table.relativize(file).toString()).sorted().toList();
        }
    }

    @Test
    void filesNoCommitReferencesWrittenSinceTheFailedRunStartedAreDeleted(SparkSession spark) throws IOException {
        Warehouse warehouse = new Warehouse(root);
        WarehouseTables first = WarehouseTables.forRun(spark, warehouse, "20240701T020000Z-0001");
        first.overwrite(TABLE, spark.range(0, 30).toDF("n").repartition(2));
        first.publish("nightly");
        Path table = root.resolve(TABLE.path());
        List<String> committed = dataFiles(table);
        // An untracked file from long before the failed run (another tool's, say): left alone.
        Path old = Files.copy(table.resolve(committed.get(0)), table.resolve("part-old-untracked.snappy.parquet"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        Instant failedRunStarted = Instant.now().minusSeconds(1);
        // The failed run committed one more version, then wrote files it never committed: one beside the table's,
        // and a whole table whose first write never reached its log.
        WarehouseTables failed = WarehouseTables.forRun(spark, warehouse, "20240702T020000Z-0002");
        failed.overwrite(TABLE, spark.range(0, 60).toDF("n").repartition(2));
        List<String> committedByFailedRun = dataFiles(table);
        Files.copy(table.resolve(committed.get(0)), table.resolve("part-00000-half-written.snappy.parquet"));
        Path orphanTable = Files.createDirectories(root.resolve(NEVER_COMMITTED.path()).resolve("record_month=2024-07"));
        Files.copy(table.resolve(committed.get(0)), orphanTable.resolve("part-00000-never-committed.snappy.parquet"));

        List<String> removed = WarehouseTables.forRun(spark, warehouse, "20240703T020000Z-0003").removeUncommittedFiles(failedRunStarted);

        assertThat(removed).containsExactlyInAnyOrder(
                "metrics/theme_scores: 1 uncommitted data file(s) of a failed run deleted",
                "metrics/scorecard: 1 uncommitted data file(s) of a failed run deleted");
        // Every file a commit references stays, committed before the failed run or by it; the old untracked one too.
        assertThat(dataFiles(table)).containsExactlyElementsOf(committedByFailedRun);
        assertThat(dataFiles(root.resolve(NEVER_COMMITTED.path()))).isEmpty();
        assertThat(WarehouseTables.reader(spark, warehouse).read(TABLE).count()).isEqualTo(30);
    }
}
