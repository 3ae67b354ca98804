package uk.westmercia.charter.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import uk.westmercia.charter.calendar.LondonTime;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GenerationSummary;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;
import uk.westmercia.charter.landing.InputRefusedException;
import uk.westmercia.charter.reporting.ScorecardJob;
import uk.westmercia.charter.reporting.ScorecardTables;
import uk.westmercia.charter.warehouse.CharterSpark;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.ingest.LandingFolder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code jobs/charter}: the one entry point, the same under {@code java -jar} and {@code spark-submit}.
 * Exit codes: 0 success, 2 bad command line, 3 input refused, 1 anything else. Every failure prints
 * one line saying what and where before any stack trace.
 */
@Command(name = "jobs/charter", mixinStandardHelpOptions = true, versionProvider = CharterCli.Version.class,
        description = "Charter metrics: measures the West Mercia Local Policing Charter's promises.",
        subcommands = {CharterCli.Nightly.class, CharterCli.Export.class, CharterCli.Scorecard.class, CharterCli.Maintain.class, CharterCli.Generate.class})
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
            // The command's full name as typed: "jobs/charter" or "jobs/charter nightly" (never "jobs/charter charter").
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
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

    /**
     * Refuses (exit 2) a --warehouse that is a file, or under a file, before anything else: else the
     * lock or Spark fails later with a message that does not say what is wrong.
     */
    static void requireWarehouseFolder(String what, String warehouse) {
        String location = Warehouse.normalise(warehouse);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        try {
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(FileSystems.configuration());
            for (org.apache.hadoop.fs.Path at = path; at != null; at = at.getParent()) {
                org.apache.hadoop.fs.FileStatus status;
                try {
                    status = fs.getFileStatus(at);
                }
                catch (java.io.FileNotFoundException e) {
                    continue;
                }
                if (!status.isDirectory()) {
                    throw new JobFailure(ExitCode.BAD_COMMAND_LINE, at.equals(path)
                            ? what + ": --warehouse " + shown(path) + " is a file, not a folder; give the warehouse folder (a new folder is created)"
                            : what + ": --warehouse " + shown(path) + " cannot be a folder: " + shown(at) + " is a file, not a folder");
                }
                return;
            }
        }
        catch (java.io.IOException e) {
            throw new JobFailure(ExitCode.FAILURE, what + ": cannot look at --warehouse " + location + ": " + e.getMessage());
        }
    }

    /** A location as an operator typed it: a local path as a path, anything else as its URI. */
    private static String shown(org.apache.hadoop.fs.Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
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
        return FailureMessage.oneLine(exception);
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
        @Option(names = "--landing", defaultValue = "data-samples",
                description = "Landing folder: a path or Hadoop file system URI, e.g. hdfs://nn/landing (default: ${DEFAULT-VALUE}).")
        String landing;

        @Option(names = "--warehouse", defaultValue = "warehouse",
                description = "Warehouse folder: a path or Hadoop file system URI, e.g. s3a://bucket/warehouse (default: ${DEFAULT-VALUE}).")
        String warehouse;

        @Option(names = "--as-of", description = "Last date to compute (default: yesterday, London time).")
        LocalDate asOf;

        @Option(names = "--pseudo-key-file", description = "File holding the pseudonymisation key (else CHARTER_PSEUDO_KEY).")
        Path pseudoKeyFile;

        @Option(names = "--reject-threshold", defaultValue = "0.05",
                description = "Largest share of a source's rows that may be rejected before the run is refused (default: ${DEFAULT-VALUE}).")
        double rejectThreshold;

        @Option(names = "--allow-future-as-of",
                description = "Accept an --as-of after today (London time): without it a future --as-of is refused as a mistyped date.")
        boolean allowFutureAsOf;

        @Option(names = "--recompute-all",
                description = "Recompute every period of every metric, not only those the new rows reach (after deploying changed metric code).")
        boolean recomputeAll;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            requireWarehouseFolder("Cannot run nightly", warehouse);
            LocalDate today = LondonTime.londonDate(Clock.systemUTC().instant());
            if (asOf != null && asOf.isAfter(today) && !allowFutureAsOf) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run nightly: --as-of " + asOf + " is in the future (today is " + today
                        + ", London time); give --allow-future-as-of as well if that is meant");
            }
            LocalDate effectiveAsOf = asOf != null ? asOf : today.minusDays(1);
            if (!(rejectThreshold >= 0 && rejectThreshold <= 1)) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run nightly: --reject-threshold must be a share between 0 and 1, was " + rejectThreshold);
            }
            LandingFolder landingFolder = new LandingFolder(FileSystems.configuration(), landing);
            if (!landingFolder.exists()) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run nightly: landing folder " + Warehouse.display(landingFolder.root()) + " does not exist");
            }
            PseudonymisationKey key = PseudonymisationKey.resolve(Optional.ofNullable(pseudoKeyFile), System.getenv(), landingFolder.root());
            Warehouse target = new Warehouse(warehouse);
            return WarehouseRun.execute(target, "nightly", spec.commandLine().getParseResult().originalArgs(), () -> session("nightly"),
                    (spark, report) -> {
                        new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, effectiveAsOf, key, rejectThreshold, recomputeAll), report).run();
                        List<String> lines = new ArrayList<>();
                        // What an analyst checks first: what came in tonight and what was turned away, per source.
                        report.sources.forEach((source, summary) -> lines.add(String.format("%-16s %,d row(s) staged, %,d rejected%s",
                                source + ":", summary.rowsStaged(), summary.rowsRejected(),
                                summary.rowsRejected() > 0 ? " (jobs/charter export --table rejects/" + source + ")" : "")));
                        lines.add("metric values:   " + target.location(NightlyJob.METRIC_VALUES) + " (Delta version "
                                + report.publishedVersions.get(NightlyJob.METRIC_VALUES.path()) + ")");
                        lines.add("staged:          " + target.root() + "/staged");
                        lines.add("rejects:         " + target.root() + "/rejects");
                        lines.add("read them:       jobs/charter export --table metric_values --format csv");
                        return lines;
                    });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a published warehouse table (or the version a given run published) as CSV, JSON Lines or one Parquet file.")
    static final class Export extends SparkOptions implements Callable<Integer> {
        @Option(names = "--table", required = true, description = "Table: metric_values, theme_scores, scorecard, area_comparison, staged/<source>, rejects/<source>, rejects (every source), runs, published.")
        String table;

        @Option(names = "--format", defaultValue = "csv", description = "csv, json or parquet (one plain Parquet file; needs --out) (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", description = "Output file (default: standard output).")
        Path out;

        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder: a path or Hadoop file system URI (default: ${DEFAULT-VALUE}).")
        String warehouse;

        @Option(names = "--run", description = "The table as this run published it (time travel), e.g. 20261120T231500Z-3fa2.")
        String run;

        @Override
        public Integer call() throws Exception {
            requireWarehouseFolder("Cannot export", warehouse);
            TableExport.Format parsed = TableExport.Format.parse(format);
            if (parsed == TableExport.Format.PARQUET && out == null) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot export as Parquet to standard output: give --out FILE");
            }
            SparkSession spark = session("export");
            try {
                Dataset<Row> rows_ = TableExport.resolve(WarehouseTables.reader(spark, new Warehouse(warehouse)), table, Optional.ofNullable(run));
                long rows = parsed == TableExport.Format.PARQUET
                        ? TableExport.exportParquet(spark, rows_, out.toString())
                        : TableExport.export(rows_, parsed, Optional.ofNullable(out));
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

        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder: a path or Hadoop file system URI (default: ${DEFAULT-VALUE}).")
        String warehouse;

        @Option(names = "--out", defaultValue = "scorecard", description = "Folder for the CSV and HTML (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--from-run", description = "Build from metric_values as this nightly run published them (rebuild an earlier scorecard exactly).")
        String fromRun;

        @Option(names = "--force", description = "Replace a published quarter whose figures a later nightly has recomputed (published quarters are snapshots).")
        boolean force;

        @Option(names = "--landing", description = "Landing folder whose reference/spc-baselines.csv lists SPC change points (optional; "
                + "without it, or without that file, no change points).")
        String landing;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            requireWarehouseFolder("Cannot run scorecard", warehouse);
            Period period;
            try {
                period = Period.parse(PeriodType.QUARTER, quarter);
            }
            catch (IllegalArgumentException e) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run scorecard: --quarter '" + quarter
                        + "' is not a financial quarter; expected yyyy-yy Qn, e.g. 2025-26 Q1");
            }
            Warehouse target = new Warehouse(warehouse);
            if (!FileSystems.isDirectory(target.root())) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run scorecard: warehouse folder " + Warehouse.display(target.root())
                        + " does not exist; run 'jobs/charter nightly' first");
            }
            Catalogue catalogue = Catalogue.bundled();
            return WarehouseRun.execute(target, "scorecard", spec.commandLine().getParseResult().originalArgs(), () -> session("scorecard"),
                    (spark, report) -> {
                        ScorecardJob.Result result;
                        try {
                            List<uk.westmercia.charter.reference.SpcBaseline> changePoints = landing == null ? List.of()
                                    : uk.westmercia.charter.reference.ReferenceDataReader.readSpcBaselines(
                                            new LandingFolder(spark.sparkContext().hadoopConfiguration(), landing).reference());
                            result = new ScorecardJob(spark, new ScorecardJob.Options(period, warehouse, out, force, Optional.ofNullable(fromRun),
                                    changePoints), report,
                                    catalogue).run();
                        }
                        catch (ScorecardJob.AlreadyPublishedException | ScorecardJob.QuarterNotAvailableException e) {
                            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, e.getMessage(), e);
                        }
                        List<String> lines = new ArrayList<>();
                        lines.add("scorecard " + period.label() + " from nightly run " + String.join(", ", result.sourceRunIds()));
                        lines.add("scorecard:       " + target.location(ScorecardTables.SCORECARD) + " (" + result.rows() + " rows for the quarter)");
                        lines.add("area comparison: " + target.location(ScorecardTables.AREA_COMPARISON) + " (" + result.comparisons() + " rows for the quarter)");
                        if (result.themeScoresWritten()) {
                            lines.add("theme scores:    " + target.location(ScorecardTables.THEME_SCORES));
                        }
                        lines.add("CSV:             " + result.csv().toAbsolutePath());
                        lines.add("HTML:            " + result.html().toAbsolutePath());
                        return lines;
                    });
        }
    }

    @Command(name = "maintain", mixinStandardHelpOptions = true,
            description = "Weekly table maintenance: compacts small files and deletes those no version within the retention period needs.")
    static final class Maintain extends SparkOptions implements Callable<Integer> {
        @Option(names = "--warehouse", defaultValue = "warehouse", description = "Warehouse folder: a path or Hadoop file system URI (default: ${DEFAULT-VALUE}).")
        String warehouse;

        @Option(names = "--retention-days", defaultValue = "7",
                description = "Days a superseded version stays readable (time travel, readers mid-scan) before its files are deleted (default: ${DEFAULT-VALUE}).")
        long retentionDays;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (retentionDays < 0) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot maintain: --retention-days must not be negative, was " + retentionDays);
            }
            Warehouse target = new Warehouse(warehouse);
            if (!FileSystems.isDirectory(target.root())) {
                throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot maintain: warehouse folder " + Warehouse.display(target.root()) + " does not exist");
            }
            return WarehouseRun.execute(target, "maintain", spec.commandLine().getParseResult().originalArgs(), () -> session("maintain"),
                    (spark, report) -> {
                        WarehouseTables tables = WarehouseTables.forRun(spark, target, report.runId);
                        List<String> done = tables.maintain(java.time.Duration.ofDays(retentionDays));
                        report.publishedVersions = tables.publish("maintain").versions();
                        report.warnings.addAll(List.of());
                        List<String> lines = new ArrayList<>();
                        lines.add(done.size() + " table(s) compacted and vacuumed; versions older than " + retentionDays + " days can no longer be read");
                        return lines;
                    });
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

}
