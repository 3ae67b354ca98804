package uk.westmercia.charter.warehouse.logging;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A run's logging: puts the run id in the MDC of the calling thread and makes it the process's
 * current run id (so lines from Spark's own threads, which have no MDC, still carry it; see
 * {@link RunLogLayout}), and, under Logback, copies every log line of the process to the run's own
 * file, {@code runs/<run_id>.log} beside its run report. Close it when the run ends.
 */
public final class RunLog implements AutoCloseable {
    public static final String MDC_KEY = "run_id";
    /** A line for the run's log file only, never the console: a failure's stack trace, say, after its one-line message. */
    public static final Marker RUN_LOG_ONLY = MarkerFactory.getMarker("RUN_LOG_ONLY");
    private static volatile String current;
    /** Whether the current run copies its lines to its own file (so a line kept off the console is not lost). */
    private static volatile boolean currentHasFile;
    private static final AtomicLong keptOffConsole = new AtomicLong();

    private final String runId;
    private final Optional<Path> file;
    private final AutoCloseable detach;

    private RunLog(String runId, Optional<Path> file, AutoCloseable detach) {
        this.runId = runId;
        this.file = file;
        this.detach = detach;
    }

    /** The run the process is working on, if any. */
    public static Optional<String> currentRunId() {
        return Optional.ofNullable(current);
    }

    /** Whether a run is under way that writes its own log file: only then may a line be kept off the console. */
    public static boolean currentRunHasFile() {
        return current != null && currentHasFile;
    }

    /** Counts a line of the current run kept off the console (it is in the run's file). */
    static void keptOffConsole() {
        keptOffConsole.incrementAndGet();
    }

    public static RunLog start(String runId, Path logFile) {
        requireNonNull(runId, "runId is null");
        requireNonNull(logFile, "logFile is null");
        current = runId;
        keptOffConsole.set(0);
        MDC.put(MDC_KEY, runId);
        if ("ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            RunLog log = new RunLog(runId, Optional.of(logFile), LogbackRunFile.attach(logFile));
            currentHasFile = true;
            return log;
        }
        // Under spark-submit Spark's log4j is the binding: its own configuration decides where lines go.
        return new RunLog(runId, Optional.empty(), () -> { });
    }

    public String runId() {
        return runId;
    }

    /** The run's log file, when the logging backend lets us write one. */
    public Optional<Path> file() {
        return file;
    }

    /**
     * How many lines of other libraries' errors (Spark's) this run kept off the console and wrote to its
     * file only ({@link ConsoleFilter}).
     */
    public long linesKeptOffConsole() {
        return keptOffConsole.get();
    }

    @Override
    public void close() {
        try {
            detach.close();
        }
        catch (Exception e) {
            // Closing a log file must never hide the run's own outcome.
        }
        finally {
            MDC.remove(MDC_KEY);
            current = null;
            currentHasFile = false;
        }
    }
}
