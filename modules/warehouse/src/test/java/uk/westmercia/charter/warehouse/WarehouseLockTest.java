package uk.westmercia.charter.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseLockTest {
    @TempDir
    Path dir;

    @Test
    void a_second_holder_in_the_same_jvm_is_refused_and_told_who_holds_it() {
        Warehouse warehouse = new Warehouse(dir.resolve("wh"));
        try (WarehouseLock first = WarehouseLock.acquire(warehouse, "20250101T020000Z-aaaa", "nightly", "run nightly")) {
            assertThat(Files.isRegularFile(warehouse.localRoot().resolve(WarehouseLock.FILE))).isTrue();
            assertThat(WarehouseLock.note(warehouse)).get().extracting(WarehouseLock.Holder::runId).isEqualTo("20250101T020000Z-aaaa");
            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, "20250101T020100Z-bbbb", "nightly", "run nightly"))
                    .isInstanceOf(WarehouseLock.LockedException.class)
                    .hasMessageStartingWith("Cannot run nightly: warehouse " + warehouse.localRoot() + " is locked by run 20250101T020000Z-aaaa (pid "
                            + ProcessHandle.current().pid() + ", since ");
        }
        // Released cleanly: the note is gone, the next run takes the lock and finds no unreleased run.
        assertThat(WarehouseLock.note(warehouse)).isEmpty();
        try (WarehouseLock next = WarehouseLock.acquire(warehouse, "20250101T020200Z-cccc", "nightly", "run nightly")) {
            assertThat(next.previousUnreleased()).isEmpty();
        }
    }

    @Test
    void a_stale_note_without_a_lock_does_not_block_and_is_overwritten() throws Exception {
        Warehouse warehouse = new Warehouse(dir.resolve("wh"));
        Files.createDirectories(warehouse.localRoot());
        WarehouseLock.Holder dead = new WarehouseLock.Holder("20240101T020000Z-dead", "nightly", 999_999, "elsewhere", Instant.parse("2024-01-01T02:00:00Z"));
        Files.write(warehouse.localRoot().resolve(WarehouseLock.FILE), RunReports.JSON.writeValueAsBytes(dead));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "20250101T020000Z-aaaa", "nightly", "run nightly")) {
            assertThat(lock.previousUnreleased()).contains(dead);
            assertThat(WarehouseLock.note(warehouse)).get().extracting(WarehouseLock.Holder::runId).isEqualTo("20250101T020000Z-aaaa");
        }
    }

    @Test
    void a_live_process_blocks_and_its_lock_dies_with_it_under_kill_9() throws Exception {
        Warehouse warehouse = new Warehouse(dir.resolve("wh"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), warehouse.localRoot().toString(), "20250101T020000Z-kill"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isEqualTo("locked " + holder.pid());

            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, "20250101T020100Z-next", "nightly", "run nightly"))
                    .isInstanceOf(WarehouseLock.LockedException.class)
                    .hasMessageContaining("is locked by run 20250101T020000Z-kill (pid " + holder.pid() + ", since ");

            holder.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean release
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "20250101T020200Z-after", "nightly", "run nightly")) {
                assertThat(lock.previousUnreleased()).get().extracting(WarehouseLock.Holder::runId).isEqualTo("20250101T020000Z-kill");
                assertThat(lock.previousUnreleased().get().pid()).isEqualTo(holder.pid());
            }
        }
        finally {
            holder.destroyForcibly();
        }
    }
}
