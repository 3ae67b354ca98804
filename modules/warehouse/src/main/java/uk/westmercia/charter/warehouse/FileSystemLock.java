package uk.westmercia.charter.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse lock on a Hadoop file system (HDFS, an object store), which has no OS locks: a file
 * {@code <warehouse>/_lock} created exclusively (HDFS creates atomically), holding the holder's note.
 * The holder touches it every {@link #HEARTBEAT}; a lock not touched for {@link #STALE_AFTER} is a
 * killed run's, and the next run takes it over.
 */
final class FileSystemLock {
    static final String FILE = "_lock";
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private FileSystemLock() {
    }

    static WarehouseLock acquire(Warehouse warehouse, String runId, String job, String action) {
        Path file = new Path(warehouse.root() + "/" + FILE);
        WarehouseLock.Holder holder = WarehouseLock.newHolder(runId, job);
        try {
            FileSystem fs = file.getFileSystem(CharterSpark.hadoopConfiguration());
            Optional<WarehouseLock.Holder> previous = Optional.empty();
            try {
                FileStatus status = fs.getFileStatus(file);
                Optional<WarehouseLock.Holder> note = read(fs, file);
                long idle = System.currentTimeMillis() - status.getModificationTime();
                if (idle < STALE_AFTER.toMillis()) {
                    String who = note.map(WarehouseLock.Holder::describe).orElse("another process (no note)");
                    throw new WarehouseLock.LockedException("Cannot " + action + ": warehouse " + warehouse.root() + " is locked by " + who, note);
                }
                // Not touched for longer than a live holder ever leaves it: its run died.
                previous = note;
                fs.delete(file, false);
            }
            catch (FileNotFoundException e) {
                // free
            }
            try (OutputStream out = fs.create(file, false)) {
                out.write(RunReports.JSON.writeValueAsBytes(holder));
            }
            catch (FileAlreadyExistsException e) {
                Optional<WarehouseLock.Holder> note = read(fs, file);
                throw new WarehouseLock.LockedException("Cannot " + action + ": warehouse " + warehouse.root() + " is locked by "
                        + note.map(WarehouseLock.Holder::describe).orElse("another process (no note)"), note);
            }
            ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "warehouse-lock-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            heartbeat.scheduleAtFixedRate(() -> {
                try {
                    fs.setTimes(file, System.currentTimeMillis(), -1);
                }
                catch (IOException | RuntimeException ignored) {
                    // the next beat tries again
                }
            }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            return new WarehouseLock(file.toString(), holder, previous, () -> {
                heartbeat.shutdownNow();
                try {
                    fs.delete(file, false);
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot release warehouse lock " + file + ": " + e.getMessage(), e);
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot lock warehouse " + warehouse.root() + " (" + file + "): " + e.getMessage(), e);
        }
    }

    static Optional<WarehouseLock.Holder> note(Warehouse warehouse) {
        Path file = new Path(warehouse.root() + "/" + FILE);
        try {
            return read(file.getFileSystem(CharterSpark.hadoopConfiguration()), file);
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<WarehouseLock.Holder> read(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            return WarehouseLock.parseNote(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
