package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time on a warehouse: an exclusive OS file lock on {@code <warehouse>/.lock}, held
 * for the whole run, plus a small JSON note in the same file saying who holds it (run id, job, pid,
 * host, start time) so a refused run can name the holder.
 *
 * <p>The OS releases the lock when its process dies, however it dies (kill -9 included), so a
 * lock left by a dead run never blocks: the next run takes the lock and overwrites the stale note.
 * The note is only ever read for messages; the lock itself is the truth.
 *
 * <p>Local and POSIX (NFSv4) file systems honour these locks across processes and hosts; a
 * warehouse on an object store would need another mechanism.
 */
public final class WarehouseLock implements AutoCloseable {
    public static final String FILE = ".lock";

    /** Who holds (or last held) the lock. */
    public record Holder(
            @JsonProperty("run_id") String runId,
            @JsonProperty("job") String job,
            @JsonProperty("pid") long pid,
            @JsonProperty("host") String host,
            @JsonProperty("started_at") Instant startedAt) {

        public String describe() {
            return "run " + runId + " (pid " + pid + ", since " + startedAt + ")"
                    + (host == null ? "" : " on host " + host) + (job == null ? "" : ", job " + job);
        }
    }

    /** Thrown when another live process holds the lock. */
    public static final class LockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Holder> holder;

        LockedException(String message, Optional<Holder> holder) {
            super(message);
            this.holder = holder;
        }

        public Optional<Holder> holder() {
            return holder;
        }
    }

    private final String file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;
    private final Optional<Holder> previous;
    /** Set for a lock on a Hadoop file system (no OS lock there): releases it. */
    private final Runnable remoteRelease;

    private WarehouseLock(String file, FileChannel channel, FileLock lock, Holder holder, Optional<Holder> previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.previous = previous;
        this.remoteRelease = null;
    }

    WarehouseLock(String file, Holder holder, Optional<Holder> previous, Runnable release) {
        this.file = file;
        this.channel = null;
        this.lock = null;
        this.holder = holder;
        this.previous = previous;
        this.remoteRelease = requireNonNull(release, "release is null");
    }

    static Holder newHolder(String runId, String job) {
        return new Holder(runId, job, ProcessHandle.current().pid(), hostName(), Instant.now());
    }

    /**
     * Takes the warehouse's lock for a run, at once or not at all.
     *
     * @param action what the caller wants to do, for the message, e.g. {@code "run nightly"}
     * @throws LockedException if another process holds it; the message names the holder
     */
    public static WarehouseLock acquire(Warehouse warehouse, String runId, String job, String action) {
        requireNonNull(warehouse, "warehouse is null");
        if (!warehouse.isLocal()) {
            return FileSystemLock.acquire(warehouse, runId, job, action);
        }
        Path root = warehouse.localRoot();
        Path file = root.resolve(FILE);
        FileChannel channel = null;
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalArgumentException("Cannot " + action + ": warehouse " + root + " is a file, not a folder");
            }
            Files.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                // Held by this very JVM (another thread or an unclosed lock): as locked as can be.
                lock = null;
            }
            Optional<Holder> note = readNote(channel);
            if (lock == null) {
                channel.close();
                String who = note.map(Holder::describe).orElse("another process (no note)");
                throw new LockedException("Cannot " + action + ": warehouse " + root + " is locked by " + who, note);
            }
            Holder holder = newHolder(runId, job);
            byte[] json = RunReports.JSON.writeValueAsBytes(holder);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(json), 0);
            channel.force(true);
            return new WarehouseLock(file.toString(), channel, lock, holder, note);
        }
        catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock warehouse " + root + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** The holder's note as it stands, if any: for messages only. */
    public static Optional<Holder> note(Warehouse warehouse) {
        if (!warehouse.isLocal()) {
            return FileSystemLock.note(warehouse);
        }
        Path file = warehouse.localRoot().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readNote(channel);
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    public Holder holder() {
        return holder;
    }

    /**
     * The note found when the lock was taken: a run that did not release the lock cleanly (it was
     * killed, or its machine died). Empty after a clean release.
     */
    public Optional<Holder> previousUnreleased() {
        return previous;
    }

    public String file() {
        return file;
    }

    /** Clears the note and releases the lock. The file stays: deleting it would race with a waiting run. */
    @Override
    public void close() {
        if (remoteRelease != null) {
            remoteRelease.run();
            return;
        }
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                channel.force(true);
                lock.release();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot release warehouse lock " + file + ": " + e.getMessage(), e);
        }
        finally {
            closeQuietly(channel);
        }
    }

    static Optional<Holder> parseNote(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunReports.JSON.readValue(text.strip(), Holder.class));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Holder> readNote(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 64 * 1024) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read it all
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunReports.JSON.readValue(text, Holder.class));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
