package uk.westmercia.charter.reporting;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.reference.SpcBaseline;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/**
 * {@code jobs/charter scorecard}: one quarter's scorecard and area comparison (and theme scores
 * when the nightly run has not written them), published through version folders, plus a CSV and an
 * HTML report. A published quarter is a snapshot: it is replaced only when forced.
 */
public final class ScorecardJob {
    private static final Logger LOG = LoggerFactory.getLogger(ScorecardJob.class);

    /**
     * @param warehouse a path or Hadoop file system URI
     * @param fromRun build from metric_values as this nightly run published them, not the latest
     * @param changePoints SPC change points from reference/spc-baselines.csv (empty when none are given)
     */
    public record Options(Period quarter, String warehouse, Path out, boolean force, Optional<String> fromRun, List<SpcBaseline> changePoints) {
        public Options {
            requireNonNull(quarter, "quarter is null");
            requireNonNull(warehouse, "warehouse is null");
            requireNonNull(out, "out is null");
            requireNonNull(fromRun, "fromRun is null");
            changePoints = List.copyOf(requireNonNull(changePoints, "changePoints is null"));
        }

        public Options(Period quarter, String warehouse, Path out, boolean force, Optional<String> fromRun) {
            this(quarter, warehouse, out, force, fromRun, List.of());
        }

        public Options(Period quarter, Path warehouse, Path out, boolean force, List<SpcBaseline> changePoints) {
            this(quarter, warehouse.toString(), out, force, Optional.empty(), changePoints);
        }

        public Options(Period quarter, Path warehouse, Path out, boolean force) {
            this(quarter, warehouse.toString(), out, force, Optional.empty(), List.of());
        }
    }

    public record Result(Path csv, Path html, List<String> sourceRunIds, int rows, int comparisons, boolean themeScoresWritten) {
    }

    /** The quarter is already published and the run was not forced: a bad command line, not a failure. */
    public static final class AlreadyPublishedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyPublishedException(String message) {
            super(message);
        }
    }

    /** metric_values holds no figure for the quarter asked for. */
    public static final class QuarterNotAvailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuarterNotAvailableException(String message) {
            super(message);
        }
    }

    private final SparkSession spark;
    private final Options options;
    private final RunReport report;
    private final Catalogue catalogue;

    public ScorecardJob(SparkSession spark, Options options, RunReport report, Catalogue catalogue) {
        this.spark = requireNonNull(spark, "spark is null");
        this.options = requireNonNull(options, "options is null");
        this.report = requireNonNull(report, "report is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    public Result run() {
        Warehouse warehouse = new Warehouse(options.warehouse());
        String runId = report.runId;
        String quarter = options.quarter().label();
        report.warehouse = warehouse.root();
        report.catalogueVersion = catalogue.version();
        report.catalogueSha256 = catalogue.sha256();
        WarehouseTables delta = WarehouseTables.forRun(spark, warehouse, runId);
        if (!delta.exists(ScorecardTables.METRIC_VALUES)) {
            throw new IllegalStateException("Cannot build scorecard: no metric values published at " + warehouse.location(ScorecardTables.METRIC_VALUES)
                    + "; run 'jobs/charter nightly' first");
        }
        Publication source = options.fromRun().map(run -> delta.publishedBy(run).orElseThrow(() -> new IllegalArgumentException(
                "Cannot build scorecard from run " + run + ": no such run published in " + warehouse.root()))).orElse(delta.published());
        if (!source.contains(ScorecardTables.METRIC_VALUES)) {
            throw new IllegalArgumentException("Cannot build scorecard from run " + source.runId() + ": it published no metric_values");
        }
        ScorecardTables tables = new ScorecardTables(delta);
        List<MetricValue> values = tables.readMetricValues(source);
        boolean hasQuarter = values.stream().anyMatch(v -> "quarter".equals(v.periodType()) && quarter.equals(v.periodLabel()));
        if (!hasQuarter) {
            TreeSet<String> available = new TreeSet<>();
            values.stream().filter(v -> "quarter".equals(v.periodType())).forEach(v -> available.add(v.periodLabel()));
            throw new QuarterNotAvailableException("Cannot build scorecard: metric_values holds no figures for " + quarter
                    + (available.isEmpty() ? "" : "; it holds " + available.first() + " to " + available.last()));
        }
        ScorecardReport scorecard = new ScorecardBuilder(catalogue, options.changePoints()).build(options.quarter(), values);
        checkSnapshot(tables.publishedQuarter(quarter), scorecard);
        Optional<Long> metricValuesVersion = source.version(ScorecardTables.METRIC_VALUES);
        report.read = new RunReport.TableRead(ScorecardTables.METRIC_VALUES.path(), metricValuesVersion.orElse(null), source.runId(),
                scorecard.sourceRunIds(), quarter, values.size());
        LOG.info("Scorecard {} from nightly run(s) {}: {} rows, {} comparisons", quarter, scorecard.sourceRunIds(),
                scorecard.rows().size(), scorecard.comparisons().size());

        long scorecardRows = tables.writeQuarterVersion(ScorecardTables.SCORECARD, runId, quarter, scorecard.rows(), ScorecardRow.class);
        report.tables.add(new RunReport.TableReport(ScorecardTables.SCORECARD.path(), scorecardRows, null));
        long comparisonRows = tables.writeQuarterVersion(ScorecardTables.AREA_COMPARISON, runId, quarter, scorecard.comparisons(),
                AreaComparisonRow.class);
        report.tables.add(new RunReport.TableReport(ScorecardTables.AREA_COMPARISON.path(), comparisonRows, null));
        // The nightly that published these metric_values published its theme scores with them.
        boolean nightlyWroteThemeScores = options.fromRun().isEmpty() && source.contains(ScorecardTables.THEME_SCORES)
                && delta.publishedCommitOf(ScorecardTables.THEME_SCORES).equals(delta.publishedCommitOf(ScorecardTables.METRIC_VALUES));
        if (!nightlyWroteThemeScores) {
            List<ThemeScore> themeScores = ThemeScores.compute(values);
            long themeRows = tables.writeVersion(ScorecardTables.THEME_SCORES, runId, themeScores, ThemeScore.class);
            report.tables.add(new RunReport.TableReport(ScorecardTables.THEME_SCORES.path(), themeRows, null));
        }
        // The CSV and HTML before any table is switched: if they cannot be written, the run fails with the tables as they were.
        Path csv = options.out().resolve("charter-scorecard-" + fileLabel(quarter) + ".csv");
        Path html = options.out().resolve("charter-scorecard-" + fileLabel(quarter) + ".html");
        writeAtomically(csv, writer -> ScorecardCsv.write(scorecard, writer));
        String page = ScorecardHtml.render(scorecard);
        writeAtomically(html, writer -> writer.write(page));

        // Every table of the run is committed: only now publish them, in one row of runs/published.
        Publication published = delta.publish("scorecard");
        report.publishedVersions = published.versions();
        report.tables.replaceAll(table -> new RunReport.TableReport(table.table(), table.rows(), delta.committed().get(table.table())));

        return new Result(csv, html, scorecard.sourceRunIds(), scorecard.rows().size(), scorecard.comparisons().size(),
                !nightlyWroteThemeScores);
    }

    /**
     * A published quarter is a snapshot: built again from the same nightly runs it has the same
     * figures and is rebuilt; once a nightly has recomputed its figures it is replaced only with --force.
     */
    private void checkSnapshot(List<Row> published, ScorecardReport scorecard) {
        if (published.isEmpty()) {
            return;
        }
        String quarter = scorecard.quarter();
        String from = published.stream().map(row -> "scorecard run " + row.getString(0) + " from nightly run " + row.getString(1))
                .distinct().sorted().reduce((a, b) -> a + "; " + b).orElse("");
        Set<String> publishedSources = published.stream().map(row -> row.getString(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> currentSources = scorecard.rows().stream().map(ScorecardRow::sourceRunId).collect(Collectors.toCollection(TreeSet::new));
        if (publishedSources.equals(currentSources)) {
            LOG.info("Rebuilding the published scorecard for {} ({}) from the same nightly run(s): the same figures", quarter, from);
            return;
        }
        if (!options.force()) {
            throw new AlreadyPublishedException("Scorecard for " + quarter + " is already published (" + from + ") and metric_values now holds "
                    + "its figures from nightly run(s) " + String.join(", ", currentSources) + "; published quarters are snapshots, use --force to replace it");
        }
        report.warnings.add("Replacing the published scorecard for " + quarter + " (" + from + ") as --force was given");
    }

    /** "2024-25 Q3" as "2024-25-Q3": no space in file names. */
    public static String fileLabel(String quarter) {
        return quarter.replace(' ', '-');
    }

    private interface WriterBody {
        void write(java.io.Writer writer) throws IOException;
    }

    private static void writeAtomically(Path target, WriterBody body) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = parent.resolve("." + target.getFileName() + ".tmp");
            try (java.io.Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                body.write(writer);
            }
            Files.move(temporary, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
