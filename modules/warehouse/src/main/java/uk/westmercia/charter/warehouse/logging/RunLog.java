package uk.westmercia.charter.warehouse.logging;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A run's logging: puts the run id in the MDC of the calling thread and makes it the process's
 * current run id (so lines from Spark's own threads, which have no MDC, still carry it; see
 * {@link RunLogLayout}), and, under Logback, copies every log line of the process to the run's own
 * file, {@code runs/<run_id>.log} beside its run report. Close it when the run ends.
 */
public final class RunLog implements AutoCloseable {
    public static final String MDC_KEY = "run_id";
    private static volatile String current;

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

    public static RunLog start(String runId, Path logFile) {
        requireNonNull(runId, "runId is null");
        requireNonNull(logFile, "logFile is null");
        current = runId;
        MDC.put(MDC_KEY, runId);
        if ("ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            return new RunLog(runId, Optional.of(logFile), LogbackRunFile.attach(logFile));
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
        }
    }
}
