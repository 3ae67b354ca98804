package uk.westmercia.charter.warehouse.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** During a run with its own log file, Spark's error lines go there and not to the console; the job's own lines always show. */
class ConsoleFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final ConsoleFilter filter = new ConsoleFilter();

    @TempDir
    Path runs;

    private FilterReply decide(String logger, Level level, String message, Throwable throwable) {
        return filter.decide(new LoggingEvent(getClass().getName(), context.getLogger(logger), level, message, throwable, null));
    }

    @Test
    void sparksErrorLinesOfARunGoToItsLogFileOnlyAndAreCounted() {
        try (RunLog log = RunLog.start("r1", runs.resolve("r1.log"))) {
            assertThat(decide("org.apache.spark.executor.Executor", Level.ERROR, "Exception in task 0.0 in stage 41.0 (TID 97)",
                    new java.io.IOException("No space left on device"))).isEqualTo(FilterReply.DENY);
            assertThat(decide("org.apache.spark.scheduler.TaskSetManager", Level.ERROR, "Task 0 in stage 41.0 failed 1 times; aborting job", null))
                    .isEqualTo(FilterReply.DENY);
            // Spark's "Lost task" warning carries the task's stack trace as text.
            assertThat(decide("org.apache.spark.scheduler.TaskSetManager", Level.WARN,
                    "Lost task 0.0 in stage 41.0 (TID 97): java.io.IOException: No space left on device\n\tat java.base/java.io.FileOutputStream.writeBytes",
                    null)).isEqualTo(FilterReply.DENY);
            // And a task killed as its stage is cancelled, one line at WARN.
            assertThat(decide("org.apache.spark.scheduler.TaskSetManager", Level.WARN, "Lost task 0.0 in stage 8.0 (TID 18) (192.0.2.2 executor "
                    + "driver): TaskKilled (Stage cancelled: [TASK_WRITE_FAILED] Task failed while writing rows to file:/w/x. SQLSTATE: 58030)", null))
                    .isEqualTo(FilterReply.DENY);
            assertThat(log.linesKeptOffConsole()).isEqualTo(4);

            // A single-line warning of Spark's, and every line of the job's own, still show.
            assertThat(decide("org.apache.spark.sql.SparkSession", Level.WARN, "Using an existing Spark session", null)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(decide("uk.westmercia.charter.jobs.WarehouseRun", Level.ERROR, "Run r1 failed: No space left on device writing /w", null))
                    .isEqualTo(FilterReply.NEUTRAL);
            assertThat(log.linesKeptOffConsole()).isEqualTo(4);
        }
        // Outside a run nothing is held back.
        assertThat(decide("org.apache.spark.executor.Executor", Level.ERROR, "Exception in task", null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void aLineMarkedForTheRunLogNeverReachesTheConsole() {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("uk.westmercia.charter.jobs.WarehouseRun"), Level.ERROR,
                "Run r1 failed", new IllegalStateException("x"), null);
        event.addMarker(RunLog.RUN_LOG_ONLY);
        assertThat(filter.decide(event)).isEqualTo(FilterReply.DENY);
    }
}
