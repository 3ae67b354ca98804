package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** Retention: maintain compacts a table's small files, deletes the files of versions past the retention, and publishes. */
@ExtendWith(SharedSparkSession.class)
class MaintainTest {
    private static final TableName TABLE = TableName.metrics("theme_scores");

    @TempDir
    Path root;

    private static long dataFiles(Path table) throws IOException {
        try (Stream<Path> files = Files.list(table)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void maintainCompactsAndVacuumsAndPublishes(SparkSession spark) throws IOException {
        Warehouse warehouse = new Warehouse(root);
        for (int night = 1; night <= 3; night++) {
            WarehouseTables tables = WarehouseTables.forRun(spark, warehouse, "2024070" + night + "T020000Z-000" + night);
            // Three files a night: a table of small files, as nightly appends leave it.
            tables.overwrite(TABLE, spark.range(0, 30L * night).toDF("n").repartition(3));
            tables.publish("nightly");
        }
        assertThat(dataFiles(root.resolve(TABLE.path()))).isEqualTo(9);

        WarehouseTables maintain = WarehouseTables.forRun(spark, warehouse, "20240704T050000Z-0004");
        List<String> done = maintain.maintain(Duration.ZERO);
        Publication published = maintain.publish("maintain");

        assertThat(done).hasSize(2).contains("metrics/theme_scores: retention 0 days, compacted (1 file(s) added, 3 removed), vacuumed");
        // One file left: the compacted current version; the superseded versions' files are gone.
        assertThat(dataFiles(root.resolve(TABLE.path()))).isEqualTo(1);
        WarehouseTables reader = WarehouseTables.reader(spark, warehouse);
        assertThat(reader.published()).isEqualTo(published);
        assertThat(reader.read(TABLE).count()).isEqualTo(90);
        assertThat(reader.undoUnpublished()).isEmpty();
        // Time travel ends at the retention: the first night's version cannot be read any more.
        assertThatThrownBy(() -> reader.readVersion(TABLE, 0).count()).isNotNull();
    }
}
