package uk.westmercia.charter.jobs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.RunReports;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;
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
        // The run's log: beside its report in a local warehouse; elsewhere written locally and copied there at the end.
        Path logFile = target.isLocal() ? target.localRoot().resolve("runs").resolve(runId + ".log") : localLogFile(runId);
        SparkSession spark = null;
        try (lock; RunLog log = RunLog.start(runId, logFile)) {
            LOG.info("Run {}: {} {}, warehouse {}; log {}", runId, job, String.join(" ", arguments), target.root(),
                    log.file().map(Path::toString).orElse("(Spark's logging)"));
            lock.previousUnreleased().ifPresent(previous -> LOG.warn(
                    "Previous {} ended without releasing the warehouse lock (killed?); its unpublished commits are undone", previous.describe()));
            spark = sessions.get();
            WarehouseTables tables = WarehouseTables.forRun(spark, target, runId);
            // A killed or failed run's commits that no published run lists, and a killed run's half-written files
            // (no commit references them): undone and removed before anything else.
            WarehouseTables.Repair repair = tables.repair(lock.previousUnreleased().map(WarehouseLock.Holder::startedAt));
            if (!repair.isEmpty()) {
                String warning = "Undid what an earlier run committed and never published: " + String.join("; ", repair.all());
                LOG.warn(warning);
                report.warnings.add(warning);
                report.repaired.addAll(repair.all());
            }
            try {
                List<String> results = work.run(spark, report);
                report.status = "succeeded";
                report.exitCode = 0;
                if (report.endedAt == null) {
                    report.endedAt = Instant.now();
                }
                String json = RunReports.write(target, report, spark);
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
                    WarehouseTables after = WarehouseTables.forRun(spark, target, runId);
                    after.keepRefusedRejects(runId);
                    // Nothing of a failed run stays committed (readers follow runs/published anyway, but a reader of a
                    // table's latest version, and the next run's merges, would see it), and what it wrote and never
                    // committed (a full disk's partial files, say) is removed now, not left to VACUUM.
                    WarehouseTables.Repair own = after.repair(Optional.of(started));
                    if (!own.undone().isEmpty()) {
                        report.warnings.add("Undid this run's own unpublished commits: " + String.join("; ", own.undone()));
                    }
                    if (!own.removed().isEmpty()) {
                        report.warnings.add("Removed this run's uncommitted files: " + String.join("; ", own.removed()));
                    }
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
        }
        finally {
            if (spark != null) {
                if (!target.isLocal()) {
                    copyLog(spark, logFile, target.runLogLocation(runId));
                }
                spark.stop();
            }
        }
    }

    private static Path localLogFile(String runId) {
        return Path.of(System.getProperty("java.io.tmpdir"), "charter-runs", runId + ".log");
    }

    private static void copyLog(SparkSession spark, Path local, String location) {
        try {
            if (java.nio.file.Files.isRegularFile(local)) {
                org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
                target.getFileSystem(spark.sparkContext().hadoopConfiguration())
                        .copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
            }
        }
        catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Cannot copy the run's log {} to {}: {}", local, location, e.getMessage());
        }
    }
}
