package uk.westmercia.charter.jobs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.RunReports;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseLock;
import uk.westmercia.charter.warehouse.logging.RunLog;

/**
 * What every job that writes the warehouse does around its work: holds the warehouse lock, writes a
 * log file beside the run report, finishes a publication a killed run left half done, and writes the
 * run report whether the work succeeds or fails.
 */
final class WarehouseRun {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseRun.class);

    /** The job's work; returns the lines that tell the operator where its results are. */
    interface Work {
        List<String> run(SparkSession spark, RunReport report);
    }

    private WarehouseRun() {
    }

    static int execute(Warehouse target, String job, List<String> arguments, Supplier<SparkSession> sessions, Work work) {
        requireNonNull(work, "work is null");
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        RunReport report = new RunReport(runId, job, arguments, CharterCli.codeVersion(), started);
        WarehouseLock lock;
        try {
            lock = WarehouseLock.acquire(target, runId, job, "run " + job);
        }
        catch (WarehouseLock.LockedException e) {
            throw new JobFailure(ExitCode.FAILURE, e.getMessage());
        }
        try (lock; RunLog log = RunLog.start(runId, target.runsPath().resolve(runId + ".log"))) {
            LOG.info("Run {}: {} {}, warehouse {}; log {}", runId, job, String.join(" ", arguments), target.root(),
                    log.file().map(Path::toString).orElse("(Spark's logging)"));
            lock.previousUnreleased().ifPresent(previous -> LOG.warn(
                    "Previous {} ended without releasing the warehouse lock (killed?); the tables it did not publish are ignored", previous.describe()));
            List<TableName> rolledForward = target.completeInterruptedPublication();
            if (!rolledForward.isEmpty()) {
                LOG.warn("Completed an interrupted publication: switched {} to the newest published run", rolledForward);
            }
            lock.previousUnreleased().ifPresent(previous -> {
                List<TableName> discarded = target.discardUnpublished(previous.runId());
                if (!discarded.isEmpty()) {
                    LOG.info("Deleted the unpublished versions run {} left of {}", previous.runId(), discarded);
                }
            });
            SparkSession spark = sessions.get();
            try {
                List<String> results = work.run(spark, report);
                report.status = "succeeded";
                report.exitCode = 0;
                if (report.endedAt == null) {
                    report.endedAt = Instant.now();
                }
                Path json = RunReports.write(target, report, spark);
                System.out.println("Run " + runId + " (" + job + ") succeeded.");
                results.forEach(line -> System.out.println("  " + line));
                System.out.println("  run report:      " + json);
                if (log.linesKeptOffConsole() > 0) {
                    System.out.println("  spark errors:    " + log.linesKeptOffConsole() + " line(s), in " + log.file().map(Path::toString).orElse("the run's log"));
                }
                return ExitCode.SUCCESS.code();
            }
            catch (Exception e) {
                // Exception, not RuntimeException: Spark throws its checked SparkException (a failed write, say) unannounced,
                // and such a run must still be reported failed and its unpublished versions removed.
                String line = CharterCli.oneLine(e);
                // The cause first, on one line; the stack trace and Spark's own error lines in the run's log only (ConsoleFilter).
                LOG.error("Run {} failed: {}", runId, line);
                LOG.error(RunLog.RUN_LOG_ONLY, "Run {} failed", runId, e);
                if (log.linesKeptOffConsole() > 0) {
                    LOG.warn("Spark's own error lines ({}) are in the run's log {}", log.linesKeptOffConsole(), log.file().map(Path::toString).orElse(""));
                }
                report.status = "failed";
                report.exitCode = CharterCli.exitCodeOf(e).code();
                report.error = line;
                report.endedAt = Instant.now();
                try {
                    // Never published: kept, they would count among the versions kept for readers.
                    target.discardUnpublished(runId);
                }
                catch (RuntimeException cleanupFailure) {
                    e.addSuppressed(cleanupFailure);
                }
                try {
                    RunReports.write(target, report, spark);
                }
                catch (RuntimeException reportFailure) {
                    e.addSuppressed(reportFailure);
                }
                if (FailureMessage.isDiskFull(e) && !(e instanceof JobFailure)) {
                    // The job reports this failure itself: its one line says it all, the details are in the run's log.
                    throw new JobFailure(ExitCode.FAILURE, line + log.file().map(file -> " (details: " + file + ")").orElse(""), e);
                }
                throw e;
            }
            finally {
                spark.stop();
            }
        }
    }
}
