package uk.westmercia.charter.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseVersionsTest {
    private static final TableName METRICS = TableName.metrics("metric_values");
    private static final TableName CRIME = TableName.staged("crime");

    @TempDir
    Path dir;

    private static void write(Warehouse warehouse, TableName table, String runId) throws IOException {
        Path version = warehouse.versionPath(table, runId);
        Files.createDirectories(version);
        Files.writeString(version.resolve("part-00000.parquet"), runId);
        Files.writeString(version.resolve("_SUCCESS"), "");
    }

    @Test
    void keeps_the_current_version_and_the_retained_ones_and_deletes_the_rest() throws IOException {
        Warehouse warehouse = new Warehouse(dir);
        for (String run : List.of("20250101T020000Z-0001", "20250102T020000Z-0002", "20250103T020000Z-0003", "20250104T020000Z-0004")) {
            write(warehouse, METRICS, run);
            warehouse.publish(METRICS, run);
            warehouse.removeOldVersions(METRICS);
        }
        assertThat(warehouse.currentVersion(METRICS)).contains("20250104T020000Z-0004");
        assertThat(warehouse.versions(METRICS)).hasSize(1 + Warehouse.RETAINED_VERSIONS)
                .containsExactly("20250104T020000Z-0004", "20250103T020000Z-0003", "20250102T020000Z-0002");
        assertThat(Files.readString(warehouse.tablePath(METRICS).resolve("part-00000.parquet"))).isEqualTo("20250104T020000Z-0004");
        assertThat(Files.readSymbolicLink(warehouse.tablePath(METRICS)).isAbsolute()).isFalse();
    }

    @Test
    void a_failed_runs_versions_are_discarded_and_never_crowd_out_a_published_one() throws IOException {
        Warehouse warehouse = new Warehouse(dir);
        for (String run : List.of("20250101T020000Z-0001", "20250102T020000Z-0002")) {
            write(warehouse, METRICS, run);
            write(warehouse, CRIME, run);
            warehouse.publish(METRICS, run);
            warehouse.publish(CRIME, run);
        }
        // Two refused runs wrote versions they never published.
        for (String failed : List.of("20250103T020000Z-0003", "20250104T020000Z-0004")) {
            write(warehouse, CRIME, failed);
            assertThat(warehouse.discardUnpublished(failed)).containsExactly(CRIME);
        }
        write(warehouse, CRIME, "20250105T020000Z-0005");
        warehouse.publish(CRIME, "20250105T020000Z-0005");
        warehouse.removeOldVersions(CRIME);

        // The version readers had a moment ago is still there.
        assertThat(warehouse.versions(CRIME)).containsExactly("20250105T020000Z-0005", "20250102T020000Z-0002", "20250101T020000Z-0001");
        // A published version is never discarded.
        assertThat(warehouse.discardUnpublished("20250105T020000Z-0005")).isEmpty();
        assertThat(warehouse.versions(METRICS)).containsExactly("20250102T020000Z-0002", "20250101T020000Z-0001");

        // A refused run's rejects are kept for the analyst, outside the versions.
        TableName rejects = TableName.rejects("contacts");
        write(warehouse, rejects, "20250106T020000Z-0006");
        assertThat(warehouse.discardUnpublished("20250106T020000Z-0006")).containsExactly(rejects);
        assertThat(warehouse.versions(rejects)).isEmpty();
        assertThat(warehouse.refusedRejectsPath("20250106T020000Z-0006", "contacts"))
                .isEqualTo(dir.resolve("runs/20250106T020000Z-0006-rejects/contacts"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("part-00000.parquet"));
    }

    @Test
    void rolls_forward_a_publication_cut_off_half_way() throws IOException {
        Warehouse warehouse = new Warehouse(dir);
        write(warehouse, METRICS, "20250101T020000Z-0001");
        write(warehouse, CRIME, "20250101T020000Z-0001");
        warehouse.publish(METRICS, "20250101T020000Z-0001");
        warehouse.publish(CRIME, "20250101T020000Z-0001");
        // The next run wrote both tables and was killed after switching only one.
        write(warehouse, METRICS, "20250102T020000Z-0002");
        write(warehouse, CRIME, "20250102T020000Z-0002");
        warehouse.publish(CRIME, "20250102T020000Z-0002");
        // A later run was killed while writing: its version is not whole and never published.
        Files.createDirectories(warehouse.versionPath(METRICS, "20250103T020000Z-0003").resolve("_temporary"));

        assertThat(warehouse.completeInterruptedPublication()).containsExactly(METRICS);
        assertThat(warehouse.currentVersion(METRICS)).contains("20250102T020000Z-0002");
        assertThat(warehouse.currentVersion(CRIME)).contains("20250102T020000Z-0002");
        assertThat(warehouse.completeInterruptedPublication()).isEmpty();
    }

    @Test
    void a_run_killed_before_publishing_changes_nothing() throws IOException {
        Warehouse warehouse = new Warehouse(dir);
        write(warehouse, METRICS, "20250101T020000Z-0001");
        warehouse.publish(METRICS, "20250101T020000Z-0001");
        write(warehouse, CRIME, "20250102T020000Z-0002");
        Files.createDirectories(warehouse.versionPath(METRICS, "20250102T020000Z-0002").resolve("_temporary"));
        assertThat(warehouse.completeInterruptedPublication()).isEmpty();
        assertThat(warehouse.currentVersion(METRICS)).contains("20250101T020000Z-0001");
        assertThat(warehouse.exists(CRIME)).isFalse();
    }

    @Test
    void carrying_a_table_over_links_the_current_versions_files_into_the_runs_version() throws IOException {
        TableName rejects = TableName.rejects("crime");
        Warehouse warehouse = new Warehouse(dir);
        write(warehouse, rejects, "20250101T020000Z-0001");
        warehouse.publish(rejects, "20250101T020000Z-0001");

        HardLinks.Linked linked = warehouse.carryOver(rejects, "20250102T020000Z-0002");
        assertThat(linked).isEqualTo(new HardLinks.Linked(2, 0));
        Path before = warehouse.versionPath(rejects, "20250101T020000Z-0001");
        Path after = warehouse.versionPath(rejects, "20250102T020000Z-0002");
        for (String file : List.of("part-00000.parquet", "_SUCCESS")) {
            assertThat(Files.isSameFile(after.resolve(file), before.resolve(file))).as(file).isTrue();
        }
        // Published and the old version deleted, as a run does: the carried-over files live on.
        warehouse.publish(rejects, "20250102T020000Z-0002");
        Warehouse.deleteRecursively(before);
        assertThat(Files.readString(warehouse.tablePath(rejects).resolve("part-00000.parquet"))).isEqualTo("20250101T020000Z-0001");
    }

    @Test
    void a_table_without_a_current_version_cannot_be_carried_over() {
        Warehouse warehouse = new Warehouse(dir);
        assertThatThrownBy(() -> warehouse.carryOver(CRIME, "20250102T020000Z-0002"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot carry staged/crime over: it has no current version");
    }
}
