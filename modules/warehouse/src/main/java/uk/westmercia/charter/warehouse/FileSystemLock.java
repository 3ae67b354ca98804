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
 * {@code <warehouse>/_lock} created exclusively, holding the holder's note. HDFS creates atomically;
 * on S3 (s3a://) a plain create-if-absent is a check then an unconditional PUT, so two runs could both
 * win, and the lock asks for a conditional PUT ({@code If-None-Match: *}, {@link #CONDITIONAL_CREATE}),
 * which the store refuses for all but the first. The holder touches it every {@link #HEARTBEAT}; where
 * the file system ignores {@code setTimes} (s3a) it writes the note again instead. A lock not touched
 * for {@link #STALE_AFTER} is a killed run's, and the next run takes it over.
 */
final class FileSystemLock {
    static final String FILE = "_lock";
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);
    /**
     * Hadoop's create option for a conditional create-if-absent (Options.CreateFileOptionKeys, Hadoop 3.4.2+): S3A
     * then PUTs with {@code If-None-Match: *}. Given as an optional key, so other file systems ignore it.
     */
    static final String CONDITIONAL_CREATE = "fs.option.create.conditional.overwrite";

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
            byte[] json = RunReports.JSON.writeValueAsBytes(holder);
            try (OutputStream out = (OutputStream) fs.createFile(file).overwrite(false).recursive().opt(CONDITIONAL_CREATE, true).build()) {
                out.write(json);
            }
            catch (IOException e) {
                // Created meanwhile by another run: FileAlreadyExistsException, or on S3 the refused conditional PUT (HTTP 412).
                if (!(e instanceof FileAlreadyExistsException) && !fs.exists(file)) {
                    throw e;
                }
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
                    touch(fs, file, json);
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

    /**
     * Marks the lock as held now: its modification time set to now, or, where the file system ignores
     * {@code setTimes} (S3A, whose objects' time is when they were written), the note written again.
     */
    static void touch(FileSystem fs, Path file, byte[] note) throws IOException {
        long now = System.currentTimeMillis();
        fs.setTimes(file, now, -1);
        if (fs.getFileStatus(file).getModificationTime() < now - HEARTBEAT.toMillis() / 2) {
            try (OutputStream out = fs.create(file, true)) {
                out.write(note);
            }
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
