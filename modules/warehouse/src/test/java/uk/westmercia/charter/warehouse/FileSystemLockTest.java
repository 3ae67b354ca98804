package uk.westmercia.charter.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock of a warehouse on a Hadoop file system (HDFS, an object store), here exercised through
 * Hadoop's local file system: exclusive creation, a clear refusal naming the holder, and a dead
 * holder's lock taken over once it is stale; the heartbeat also where setTimes does nothing (S3A).
 */
class FileSystemLockTest {
    @TempDir
    Path dir;

    @Test
    void a_second_run_is_refused_naming_the_holder_and_the_lock_is_free_after_release() {
        Warehouse warehouse = new Warehouse(dir.resolve("wh"));
        try (WarehouseLock first = FileSystemLock.acquire(warehouse, "20250101T020000Z-aaaa", "nightly", "run nightly")) {
            assertThat(dir.resolve("wh").resolve(FileSystemLock.FILE)).isRegularFile();
            assertThat(FileSystemLock.note(warehouse)).get().extracting(WarehouseLock.Holder::runId).isEqualTo("20250101T020000Z-aaaa");
            assertThatThrownBy(() -> FileSystemLock.acquire(warehouse, "20250101T020100Z-bbbb", "nightly", "run nightly"))
                    .isInstanceOf(WarehouseLock.LockedException.class)
                    .hasMessageStartingWith("Cannot run nightly: warehouse " + warehouse.root() + " is locked by run 20250101T020000Z-aaaa (pid "
                            + ProcessHandle.current().pid() + ", since ");
        }
        assertThat(dir.resolve("wh").resolve(FileSystemLock.FILE)).doesNotExist();
        try (WarehouseLock next = FileSystemLock.acquire(warehouse, "20250101T020200Z-cccc", "nightly", "run nightly")) {
            assertThat(next.previousUnreleased()).isEmpty();
        }
    }

    @Test
    void a_killed_runs_lock_is_taken_over_once_nobody_has_touched_it_for_the_stale_period() throws Exception {
        Warehouse warehouse = new Warehouse(dir.resolve("wh"));
        WarehouseLock.Holder dead = new WarehouseLock.Holder("20240101T020000Z-dead", "nightly", 999_999, "elsewhere", Instant.parse("2024-01-01T02:00:00Z"));
        Path file = Files.createDirectories(dir.resolve("wh")).resolve(FileSystemLock.FILE);
        Files.write(file, RunReports.JSON.writeValueAsBytes(dead));
        // Touched a minute ago: a live run's.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        assertThatThrownBy(() -> FileSystemLock.acquire(warehouse, "20250101T020000Z-aaaa", "nightly", "run nightly"))
                .isInstanceOf(WarehouseLock.LockedException.class);
        // Untouched for longer than the stale period: its run died.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(FileSystemLock.STALE_AFTER).minusSeconds(1)));
        try (WarehouseLock lock = FileSystemLock.acquire(warehouse, "20250101T020000Z-aaaa", "nightly", "run nightly")) {
            assertThat(lock.previousUnreleased()).contains(dead);
        }
    }

    @Test
    void the_heartbeat_sets_the_time_and_where_the_file_system_ignores_set_times_writes_the_note_again() throws Exception {
        Path file = Files.createDirectories(dir.resolve("wh")).resolve(FileSystemLock.FILE);
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(file.toUri());
        byte[] note = "{\"run_id\":\"20250101T020000Z-aaaa\"}".getBytes(StandardCharsets.UTF_8);

        // HDFS, a local file system: setTimes moves the time, the note is left alone.
        Files.writeString(file, "as written");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
        try (RawLocalFileSystem fs = new RawLocalFileSystem()) {
            fs.initialize(URI.create("file:///"), new Configuration());
            FileSystemLock.touch(fs, lock, note);
        }
        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(Instant.now().minusSeconds(10));
        assertThat(Files.readString(file)).isEqualTo("as written");

        // S3A: setTimes does nothing (an object's time is when it was written), so the note is written again.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
        try (RawLocalFileSystem fs = new RawLocalFileSystem() {
            @Override
            public void setTimes(org.apache.hadoop.fs.Path p, long mtime, long atime) {
                // ignored, as S3A does
            }
        }) {
            fs.initialize(URI.create("file:///"), new Configuration());
            FileSystemLock.touch(fs, lock, note);
        }
        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(Instant.now().minusSeconds(10));
        assertThat(Files.readAllBytes(file)).isEqualTo(note);
    }
}
