package uk.westmercia.charter.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GenerationSummary;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.westmercia.charter.calendar.LondonTime;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.landing.InputRefusedException;
import uk.westmercia.charter.warehouse.CharterSpark;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.RunReports;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseLock;
import uk.westmercia.charter.warehouse.logging.RunLog;

/**
 * {@code jobs/charter}: the one entry point, the same under {@code java -jar} and {@code spark-submit}.
 * Exit codes: 0 success, 2 bad command line, 3 input refused, 1 anything else. Every failure prints
 * one line saying what and where before any stack trace.
 */
@Command(name = "charter", mixinStandardHelpOptions = true, versionProvider = CharterCli.Version.class,
        description = "Charter metrics: measures the West Mercia Local Policing Charter's promises.",
        subcommands = {CharterCli.Nightly.class, CharterCli.Export.class, CharterCli.Scorecard.class, CharterCli.Generate.class})
public final class CharterCli {
    private static final Logger LOG = LoggerFactory.getLogger(CharterCli.class);

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this rather than main). */
    public static int run(String... args) {
        args = resolvePreviousQuarter(args, LondonTime.londonDate(Clock.systemUTC().instant()));
        CommandLine commandLine = new CommandLine(new CharterCli());
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("charter: " + exception.getMessage());
            err.println("Try 'jobs/charter " + exception.getCommandLine().getCommandName() + " --help'.");
            return ExitCode.BAD_COMMAND_LINE.code();
        });
        commandLine.setExecutionExceptionHandler((exception, parsed, result) -> {
            ExitCode code = exitCodeOf(exception);
            System.err.println("charter: " + oneLine(exception));
            // A JobFailure's one line says it all; anything else is unexpected and gets its stack trace.
            if (code == ExitCode.FAILURE && !(exception instanceof JobFailure)) {
                exception.printStackTrace();
            }
            return code.code();
        });
        return commandLine.execute(args);
    }

    /**
     * {@code scorecard --quarter previous}: the financial quarter before the one {@code today} is in,
     * so a schedule can name "last quarter" without date arithmetic (cron, Kubernetes, Airflow).
     */
    static String[] resolvePreviousQuarter(String[] args, LocalDate today) {
        if (args.length == 0 || !args[0].equals("scorecard")) {
            return args;
        }
        LocalDate lastDayOfPrevious = Period.containing(PeriodType.QUARTER, today).start().minusDays(1);
        String label = Period.containing(PeriodType.QUARTER, lastDayOfPrevious).label();
        String[] resolved = args.clone();
        for (int i = 1; i < resolved.length; i++) {
            if (resolved[i].equals("--quarter") && i + 1 < resolved.length && resolved[i + 1].equalsIgnoreCase("previous")) {
                resolved[i + 1] = label;
            }
            else if (resolved[i].equalsIgnoreCase("--quarter=previous")) {
                resolved[i] = "--quarter=" + label;
            }
        }
        return resolved;
    }

    static ExitCode exitCodeOf(Throwable exception) {
        if (exception instanceof JobFailure failure) {
            return failure.exitCode();
        }
        if (exception instanceof InputRefusedException) {
            return ExitCode.INPUT_REFUSED;
        }
        return ExitCode.FAILURE;
    }

    static String oneLine(Throwable exception) {
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"charter-metrics " + codeVersion()};
        }
    }

    static String codeVersion() {
        String version = CharterCli.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static class SparkOptions {
        @Option(names = "--master", description = "Spark master URL (default: local[*], or the one spark-submit gives).")
        String master;

        SparkSession session(String job) {
            return CharterSpark.session("charter-" + job, Optional.ofNullable(master));
        }
    }

    @Command(name = "nightly", mixinStandardHelpOptions = true,
            description = "Ingest what is new and recompute every metric for every period up to --as-of.")
    static final class Nightly extends SparkOptions implements Callable<Integer> {
        @Option(names = "--landing", defaultValue = "data-samples", description = "Landing folder (default: ${DEFAULT-VALUE}).")
        Path landing;

        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder (default: ${DEFAULT-VALUE}).")
        Path warehouse;

        @Option(names = "--as-of", description = "Last date to compute (default: yesterday, London time).")
        LocalDate asOf;

        @Option(names = "--pseudo-key-file", description = "File holding the pseudonymisation key (else CHARTER_PSEUDO_KEY).")
        Path pseudoKeyFile;

        @Option(names = "--reject-threshold", defaultValue = "0.05",
                description = "Largest share of a source's rows that may be rejected before the run is refused (default: ${DEFAULT-VALUE}).")
        double rejectThreshold;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LocalDate effectiveAsOf = asOf != null ? asOf : LondonTime.londonDate(Clock.systemUTC().instant()).minusDays(1);
            if (!java.nio.file.Files.isDirectory(landing)) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run nightly: landing folder " + landing.toAbsolutePath() + " does not exist");
            }
            PseudonymisationKey key = PseudonymisationKey.resolve(Optional.ofNullable(pseudoKeyFile), System.getenv(), landing);
            Instant started = Instant.now();
            String runId = RunIds.next(started);
            RunReport report = new RunReport(runId, "nightly", spec.commandLine().getParseResult().originalArgs(), codeVersion(), started);
            Warehouse target = new Warehouse(warehouse);
            WarehouseLock lock;
            try {
                lock = WarehouseLock.acquire(target, runId, "nightly", "run nightly");
            }
            catch (WarehouseLock.LockedException e) {
                throw new JobFailure(ExitCode.FAILURE, e.getMessage());
            }
            try (lock; RunLog log = RunLog.start(runId, target.runsPath().resolve(runId + ".log"))) {
                LOG.info("Run {}: nightly, landing {}, warehouse {}, as of {}; log {}", runId, landing.toAbsolutePath(), target.root(),
                        effectiveAsOf, log.file().map(Path::toString).orElse("(Spark's logging)"));
                lock.previousUnreleased().ifPresent(previous -> LOG.warn(
                        "Previous {} ended without releasing the warehouse lock (killed?); the tables it did not publish are ignored", previous.describe()));
                List<TableName> rolledForward = target.completeInterruptedPublication();
                if (!rolledForward.isEmpty()) {
                    LOG.warn("Completed an interrupted publication: switched {} to the newest published run", rolledForward);
                }
                return runLocked(runId, effectiveAsOf, key, report, target);
            }
        }

        private Integer runLocked(String runId, LocalDate effectiveAsOf, PseudonymisationKey key, RunReport report, Warehouse target) {
            SparkSession spark = session("nightly");
            try {
                new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, effectiveAsOf, key, rejectThreshold), report).run();
                report.status = "succeeded";
                report.exitCode = 0;
                Path json = RunReports.write(target, report, spark);
                System.out.println("Run " + runId + " succeeded.");
                System.out.println("  metric values: " + target.tablePath(NightlyJob.METRIC_VALUES));
                System.out.println("  staged:        " + target.root().resolve("staged"));
                System.out.println("  rejects:       " + target.root().resolve("rejects"));
                System.out.println("  run report:    " + json);
                System.out.println("  read them:     jobs/charter export --table metric_values --format csv");
                return 0;
            }
            catch (RuntimeException e) {
                LOG.error("Run {} failed: {}", runId, oneLine(e));
                report.status = "failed";
                report.exitCode = exitCodeOf(e).code();
                report.error = oneLine(e);
                report.endedAt = Instant.now();
                try {
                    RunReports.write(target, report, spark);
                }
                catch (RuntimeException reportFailure) {
                    e.addSuppressed(reportFailure);
                }
                throw e;
            }
            finally {
                spark.stop();
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a warehouse table as CSV or JSON Lines.")
    static final class Export extends SparkOptions implements Callable<Integer> {
        @Option(names = "--table", required = true, description = "Table: metric_values, theme_scores, scorecard, area_comparison, staged/<source>, rejects/<source>, runs.")
        String table;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", description = "Output file (default: standard output).")
        Path out;

        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder (default: ${DEFAULT-VALUE}).")
        Path warehouse;

        @Override
        public Integer call() throws Exception {
            TableExport.Format parsed = TableExport.Format.parse(format);
            Path path = TableExport.resolve(new Warehouse(warehouse), table);
            SparkSession spark = session("export");
            try {
                long rows = TableExport.export(spark, path, parsed, Optional.ofNullable(out));
                if (out != null) {
                    System.err.println("Exported " + rows + " row(s) of " + table + " to " + out);
                }
                return 0;
            }
            finally {
                spark.stop();
            }
        }
    }

    @Command(name = "scorecard", mixinStandardHelpOptions = true,
            description = "The quarterly charter scorecard: Parquet tables scorecard, area_comparison (and theme_scores), a CSV and a self-contained HTML report.")
    static final class Scorecard extends SparkOptions implements Callable<Integer> {
        @Option(names = "--quarter", required = true, description = "Financial quarter, e.g. \"2025-26 Q1\".")
        String quarter;

        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder (default: ${DEFAULT-VALUE}).")
        Path warehouse;

        @Option(names = "--out", defaultValue = "scorecard", description = "Folder for the CSV and HTML (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--force", description = "Replace a quarter already published (published quarters are snapshots).")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            uk.westmercia.charter.calendar.Period period;
            try {
                period = uk.westmercia.charter.calendar.Period.parse(uk.westmercia.charter.calendar.PeriodType.QUARTER, quarter);
            }
            catch (IllegalArgumentException e) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run scorecard: --quarter '" + quarter
                        + "' is not a financial quarter; expected yyyy-yy Qn, e.g. 2025-26 Q1");
            }
            if (!java.nio.file.Files.isDirectory(warehouse)) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run scorecard: warehouse folder " + warehouse.toAbsolutePath()
                        + " does not exist; run 'jobs/charter nightly' first");
            }
            Instant started = Instant.now();
            String runId = RunIds.next(started);
            RunReport report = new RunReport(runId, "scorecard", spec.commandLine().getParseResult().originalArgs(), codeVersion(), started);
            Warehouse target = new Warehouse(warehouse);
            uk.westmercia.charter.catalogue.Catalogue catalogue = uk.westmercia.charter.catalogue.Catalogue.bundled();
            SparkSession spark = session("scorecard");
            try {
                uk.westmercia.charter.reporting.ScorecardJob.Result result = new uk.westmercia.charter.reporting.ScorecardJob(spark,
                        new uk.westmercia.charter.reporting.ScorecardJob.Options(period, warehouse, out, force), report, catalogue).run();
                report.status = "succeeded";
                report.exitCode = 0;
                report.endedAt = Instant.now();
                Path json = RunReports.write(target, report, spark);
                System.out.println("Run " + runId + " succeeded: scorecard " + period.label() + " from nightly run "
                        + String.join(", ", result.sourceRunIds()) + ".");
                System.out.println("  scorecard:       " + target.tablePath(uk.westmercia.charter.reporting.ScorecardTables.SCORECARD)
                        + " (" + result.rows() + " rows for the quarter)");
                System.out.println("  area comparison: " + target.tablePath(uk.westmercia.charter.reporting.ScorecardTables.AREA_COMPARISON)
                        + " (" + result.comparisons() + " rows for the quarter)");
                if (result.themeScoresWritten()) {
                    System.out.println("  theme scores:    " + target.tablePath(uk.westmercia.charter.reporting.ScorecardTables.THEME_SCORES));
                }
                System.out.println("  CSV:             " + result.csv().toAbsolutePath());
                System.out.println("  HTML:            " + result.html().toAbsolutePath());
                System.out.println("  run report:      " + json);
                return 0;
            }
            catch (RuntimeException e) {
                RuntimeException thrown = e instanceof uk.westmercia.charter.reporting.ScorecardJob.AlreadyPublishedException
                        || e instanceof uk.westmercia.charter.reporting.ScorecardJob.QuarterNotAvailableException
                        ? new JobFailure(ExitCode.BAD_COMMAND_LINE, e.getMessage(), e)
                        : e;
                report.status = "failed";
                report.exitCode = exitCodeOf(thrown).code();
                report.error = oneLine(thrown);
                report.endedAt = Instant.now();
                try {
                    RunReports.write(target, report, spark);
                }
                catch (RuntimeException reportFailure) {
                    thrown.addSuppressed(reportFailure);
                }
                throw thrown;
            }
            finally {
                spark.stop();
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Synthetic landing data of any size following the data contract, deterministic for a seed.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "Empty or new folder to write the landing into.")
        Path out;

        @Option(names = "--seed", defaultValue = "20240401", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "1", description = "1 = one West Mercia-sized force a year (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--from", defaultValue = "2024-04-01", description = "First day (default: ${DEFAULT-VALUE}).")
        LocalDate from;

        @Option(names = "--to", defaultValue = "2025-03-31", description = "Last day (default: ${DEFAULT-VALUE}).")
        LocalDate to;

        @Option(names = "--split", defaultValue = "day", description = "One file per source per day or month (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--no-bad-rows", description = "Leave out the few deliberately bad rows.")
        boolean noBadRows;

        @Override
        public Integer call() {
            GeneratorOptions options;
            try {
                options = new GeneratorOptions(out, seed, scale, from, to, FileSplit.parse(split)).withBadRows(!noBadRows);
            }
            catch (IllegalArgumentException e) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, e.getMessage());
            }
            GenerationSummary summary = LandingGenerator.generate(options);
            System.out.println("Generated landing " + out.toAbsolutePath() + ": " + summary.rows());
            return 0;
        }
    }

    static List<String> copy(List<String> values) {
        return new ArrayList<>(values);
    }
}
