package uk.westmercia.charter.jobs;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ChangeSummary;
import uk.westmercia.charter.ingest.FileReport;
import uk.westmercia.charter.ingest.Pseudonymiser;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.StagedFile;
import uk.westmercia.charter.ingest.StagedSchemas;
import uk.westmercia.charter.ingest.StagedTableWriter;
import uk.westmercia.charter.ingest.Stager;
import uk.westmercia.charter.ingest.StagingResult;
import uk.westmercia.charter.landing.InputRefusedException;
import uk.westmercia.charter.metrics.MetricContext;
import uk.westmercia.charter.metrics.MetricEngine;
import uk.westmercia.charter.metrics.MetricState;
import uk.westmercia.charter.metrics.MetricStateTable;
import uk.westmercia.charter.metrics.MetricValuesSchema;
import uk.westmercia.charter.metrics.RecomputePlan;
import uk.westmercia.charter.metrics.RecomputePlanner;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.reference.ReferenceDataReader;
import uk.westmercia.charter.reporting.ScorecardTables;
import uk.westmercia.charter.reporting.ThemeScore;
import uk.westmercia.charter.reporting.ThemeScores;
import uk.westmercia.charter.warehouse.HardLinks;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;

/**
 * The nightly run: stage every source, compute every metric, then publish all tables at once.
 * Nothing is published unless every step succeeded.
 */
public final class NightlyJob {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);
    public static final TableName METRIC_VALUES = TableName.metrics("metric_values");
    /** The manifest of staged landing files, for incremental staging. */
    public static final TableName STAGED_FILES = TableName.staged("_files");
    /** What the published metric_values were computed from, for incremental recompute. */
    public static final TableName METRIC_STATE = TableName.metrics("_state");
    private static final List<String> METRIC_KEY = List.of("metric_id", "area_level", "area_code", "period_type", "period_label");

    /**
     * The run's settings.
     *
     * @param recomputeAll recompute every period of every metric, not only those the new rows reach
     */
    public record Options(Path landing, Path warehouse, LocalDate asOf, PseudonymisationKey key, double rejectThreshold,
            boolean recomputeAll) {
        public Options(Path landing, Path warehouse, LocalDate asOf, PseudonymisationKey key, double rejectThreshold) {
            this(landing, warehouse, asOf, key, rejectThreshold, false);
        }

        public Options {
            requireNonNull(landing, "landing is null");
            requireNonNull(warehouse, "warehouse is null");
            requireNonNull(asOf, "asOf is null");
            requireNonNull(key, "key is null");
            if (!(rejectThreshold >= 0 && rejectThreshold <= 1)) {
                throw new IllegalArgumentException("Cannot run nightly: reject threshold must be in [0, 1], was " + rejectThreshold);
            }
        }
    }

    private final SparkSession spark;
    private final Options options;
    private final RunReport report;

    public NightlyJob(SparkSession spark, Options options, RunReport report) {
        this.spark = requireNonNull(spark, "spark is null");
        this.options = requireNonNull(options, "options is null");
        this.report = requireNonNull(report, "report is null");
    }

    /**
     * A table's current version, read through its version folder: Spark takes a path whose last name
     * starts with "_" for a hidden file and warns on every read of {@code staged/_files} or {@code metrics/_state}.
     * With the schema it was written with: inferring it is a Spark job.
     */
    private Dataset<Row> readCurrent(Warehouse warehouse, TableName table, StructType schema) {
        String version = warehouse.currentVersion(table).orElseThrow(() -> new IllegalStateException("Cannot read " + table + ": it has no current version"));
        return spark.read().schema(schema).parquet(warehouse.versionPath(table, version).toString());
    }

    /** A staged table, read with the schema it is written with (the rejects likewise): inferring it is a Spark job per read. */
    private Dataset<Row> readStaged(Source source, Path table) {
        return spark.read().schema(StagedSchemas.partitionedSchema(source)).parquet(table.toString());
    }

    public void run() {
        Warehouse warehouse = new Warehouse(options.warehouse());
        String runId = report.runId;
        Catalogue catalogue = Catalogue.bundled();
        report.catalogueVersion = catalogue.version();
        report.catalogueSha256 = catalogue.sha256();
        report.asOf = options.asOf().toString();
        report.landing = options.landing().toString();
        report.warehouse = warehouse.root().toString();
        report.pseudonymisationKey = options.key().origin();
        if (options.key().development()) {
            String warning = "Pseudonymising with the published development key: acceptable only for the bundled data-samples";
            LOG.warn(warning);
            report.warnings.add(warning);
        }

        ReferenceData reference = ReferenceDataReader.read(options.landing());
        LOG.info("Reference data: {} SNTs, {} parishes, {} districts, {} targets",
                reference.snts().size(), reference.parishes().size(), reference.districts().size(), reference.targets().size());

        Stager stager = new Stager(spark, ReferenceLookup.of(reference), new Pseudonymiser(options.key().key()));
        MetricEngine engine = new MetricEngine(catalogue);
        // What the published metric_values were computed from; without it every period is recomputed.
        Optional<MetricState> previousState = !options.recomputeAll() && warehouse.exists(METRIC_STATE) && warehouse.exists(METRIC_VALUES)
                ? MetricStateTable.fromDataset(readCurrent(warehouse, METRIC_STATE, MetricStateTable.SCHEMA))
                : Optional.empty();
        Map<String, LocalDate> earliestChanges = new LinkedHashMap<>();
        List<TableName> written = new ArrayList<>();
        Map<Source, Dataset<Row>> staged = new EnumMap<>(Source.class);
        List<String> refusals = new ArrayList<>();
        List<String> overThreshold = new ArrayList<>();
        // Incremental staging: the manifest of files staged by earlier runs (staged/_files).
        List<StagedFile> previousManifest = warehouse.exists(STAGED_FILES)
                ? StagedFile.fromDataset(readCurrent(warehouse, STAGED_FILES, StagedFile.SCHEMA))
                : List.of();
        List<StagedFile> manifest = new ArrayList<>();
        for (Source source : Source.values()) {
            List<Path> files = Stager.landingFiles(options.landing(), source);
            TableName stagedTable = TableName.staged(source.folder());
            if (files.isEmpty()) {
                previousManifest.stream().filter(file -> file.source().equals(source.folder())).forEach(manifest::add);
                if (warehouse.exists(stagedTable) && !(source == Source.POLICEUK && staged.containsKey(Source.CRIME))) {
                    // Staged by earlier runs; the landing no longer holds its files.
                    staged.put(source, spark.read().parquet(warehouse.tablePath(stagedTable).toString()));
                    continue;
                }
                report.absentSources.add(source.folder());
                continue;
            }
            if (source == Source.POLICEUK && staged.containsKey(Source.CRIME)) {
                String note = "policeuk files ignored: the landing has crime/ extracts, and a landing uses one crime source";
                LOG.info(note);
                report.warnings.add(note);
                continue;
            }
            if (source == Source.POLICEUK && reference.districts().isEmpty()) {
                // Without it every police.uk row would be staged as out of force, silently.
                throw new InputRefusedException("Cannot stage policeuk: reference/districts.csv is missing from the landing folder, "
                        + "and police.uk rows are placed in LPAs through it");
            }
            LOG.info("Staging {}: {} file(s)", source.folder(), files.size());
            TableName rejectsTable = TableName.rejects(source.folder());
            Stager.Previous previous = new Stager.Previous(
                    warehouse.exists(stagedTable) ? readStaged(source, warehouse.tablePath(stagedTable)) : null,
                    warehouse.exists(rejectsTable) ? spark.read().schema(StagedSchemas.REJECTS).parquet(warehouse.tablePath(rejectsTable).toString()) : null,
                    warehouse.exists(stagedTable) ? previousManifest : List.of());
            StagingResult result = stager.stage(source, files, previous, runId);
            manifest.addAll(result.manifest());
            boolean changed = result.changed() || !warehouse.exists(stagedTable) || !warehouse.exists(rejectsTable);
            if (changed) {
                Optional<Path> previousVersion = warehouse.currentVersion(stagedTable).map(version -> warehouse.versionPath(stagedTable, version));
                StagedTableWriter writer = new StagedTableWriter(spark);
                if (result.changed() && previous.staged() != null) {
                    // One pass over the changes: the months to rewrite and, for an incremental recompute, the
                    // earliest date of each metric they reach. Before release: drawn from this run's read of the files.
                    Optional<MetricEngine.DateMinima> dating = previousState.map(state -> engine.dateMinima(source, result.changes(), options.asOf()));
                    ChangeSummary changes = result.summariseChanges(dating.map(MetricEngine.DateMinima::columns).orElse(List.of()));
                    dating.ifPresent(minima -> minima.earliest(changes.aggregates())
                            .forEach((metricId, date) -> earliestChanges.merge(metricId, date, (a, b) -> a.isBefore(b) ? a : b)));
                    writer.write(result, changes, warehouse.versionPath(stagedTable, runId), previousVersion);
                }
                else {
                    writer.write(result, warehouse.versionPath(stagedTable, runId), previousVersion);
                }
                if (result.rejectsUnchanged() && warehouse.currentVersion(rejectsTable).isPresent()) {
                    // No rejected row added or taken away: the previous version's files, not a Spark job.
                    HardLinks.Linked linked = warehouse.carryOver(rejectsTable, runId);
                    LOG.info("Wrote rejects {}: no row added or taken away, {} file(s) linked from the previous version ({} copied)",
                            source.folder(), linked.linked(), linked.copied());
                }
                else {
                    result.rejects().coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(warehouse.versionPath(rejectsTable, runId).toString());
                }
            }
            List<FileReport> files_ = result.fileReports();
            result.release();
            report.inputFiles.addAll(files_);
            long read = files_.stream().mapToLong(FileReport::rowsRead).sum();
            long rejected = files_.stream().mapToLong(FileReport::rowsRejected).sum();
            long stagedRows = files_.stream().mapToLong(FileReport::rowsStaged).sum();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("files", files_.size());
            summary.put("files_staged", result.filesStaged());
            summary.put("rows_read", read);
            summary.put("rows_staged", stagedRows);
            summary.put("rows_rejected", rejected);
            report.sources.put(source.folder(), summary);
            files_.stream().filter(file -> file.refused() != null).forEach(file -> refusals.add(file.refused()));
            files_.stream().filter(file -> !file.reconciles()).forEach(file ->
                    refusals.add(file.file() + ": rows read " + file.rowsRead() + " != staged " + file.rowsStaged() + " + rejected " + file.rowsRejected()));
            // Over the rows staged or rejected this run: a duplicate file's rows were judged when it was first staged.
            double rate = stagedRows + rejected == 0 ? 0 : (double) rejected / (stagedRows + rejected);
            LOG.info("Staged {}: {} file(s), {} row(s) read, {} staged, {} rejected ({}%)", source.folder(), files_.size(), read, stagedRows,
                    rejected, String.format("%.2f", 100 * rate));
            if (rate > options.rejectThreshold()) {
                String worst = files_.stream().max(java.util.Comparator.comparingLong(FileReport::rowsRejected)).map(FileReport::file).orElse("?");
                overThreshold.add(String.format("%s: %d of %d rows rejected (%.1f%%, threshold %.1f%%), most in %s; see %s",
                        source.folder(), rejected, stagedRows + rejected, 100 * rate, 100 * options.rejectThreshold(), worst, warehouse.refusedRejectsPath(runId, source.folder())));
            }
            if (changed) {
                written.add(stagedTable);
                written.add(rejectsTable);
                staged.put(source, readStaged(source, warehouse.versionPath(stagedTable, runId)));
            }
            else {
                LOG.info("Staged {}: {}, {} stays as it was", source.folder(), files_.stream().anyMatch(file -> file.refused() != null)
                        ? "nothing, as a file was refused (the run will be refused)" : "nothing new", stagedTable);
                staged.put(source, readStaged(source, warehouse.tablePath(stagedTable)));
            }
        }
        StagedFile.toDataset(spark, manifest).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(warehouse.versionPath(STAGED_FILES, runId).toString());
        written.add(STAGED_FILES);
        if (!refusals.isEmpty() || !overThreshold.isEmpty()) {
            // A refused run publishes nothing: what it read is staged by the next run that succeeds, and its report says so.
            report.inputFiles.replaceAll(file -> file instanceof FileReport read && FileReport.STAGED.equals(read.status())
                    ? read.withStatus(FileReport.NOT_PUBLISHED) : file);
            report.sources.values().forEach(summary -> {
                @SuppressWarnings("unchecked") Map<String, Object> counts = (Map<String, Object>) summary;
                Object read = counts.put("files_staged", 0L);
                counts.put("files_not_published", read);
            });
        }
        if (!refusals.isEmpty()) {
            throw new JobFailure(ExitCode.INPUT_REFUSED, refusals.get(0) + (refusals.size() > 1 ? " (and " + (refusals.size() - 1) + " more)" : ""));
        }
        if (!overThreshold.isEmpty()) {
            throw new JobFailure(ExitCode.INPUT_REFUSED, "Input refused, reject rate over threshold: " + String.join("; ", overThreshold));
        }

        MetricContext context = new MetricContext(spark, reference, options.asOf(), staged);
        MetricState state = MetricState.of(options.asOf(), report.codeVersion, catalogue.sha256(),
                ReferenceDataReader.sha256(options.landing()), context.firstRecordDates());
        RecomputePlan plan = options.recomputeAll()
                ? RecomputePlan.full("--recompute-all")
                : RecomputePlanner.plan(catalogue, previousState, state, earliestChanges);
        report.recompute = plan.describe();
        LOG.info("Recomputing {}", report.recompute);
        MetricEngine.Result metrics = engine.compute(context, plan, runId, LOG::info);
        report.metricsSkipped.putAll(metrics.skipped());
        Dataset<Row> values = metrics.metricValues();
        if (!plan.isFull()) {
            // Every row the plan did not recompute is carried over, with the id of the run that computed it.
            scala.collection.immutable.Seq<String> key = scala.jdk.javaapi.CollectionConverters.asScala(METRIC_KEY).toList();
            // With the contract's schema: inferring it from the files is one more Spark job.
            Dataset<Row> previousValues = spark.read().schema(MetricValuesSchema.SCHEMA).parquet(warehouse.tablePath(METRIC_VALUES).toString());
            values = previousValues.join(values.select(METRIC_KEY.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)),
                    key, "left_anti")
                    // The join puts the key first: keep the contract's column order.
                    .select(java.util.Arrays.stream(values.columns()).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                    .unionByName(values);
        }
        // One file, sorted in its one task: a global sort first samples every metric's rows to plan its ranges.
        values.coalesce(1)
                .sortWithinPartitions("metric_id", "area_level", "area_code", "period_type", "period_start")
                .write().mode(SaveMode.ErrorIfExists)
                .parquet(warehouse.versionPath(METRIC_VALUES, runId).toString());
        written.add(METRIC_VALUES);
        // Theme scores follow metric_values every night, counted as the scorecard counts them, from the version just written.
        ScorecardTables tables = new ScorecardTables(spark, warehouse);
        tables.writeVersion(ScorecardTables.THEME_SCORES, runId, ThemeScores.compute(tables.readMetricValues(runId)), ThemeScore.class);
        written.add(ScorecardTables.THEME_SCORES);
        MetricStateTable.toDataset(spark, state, runId).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(warehouse.versionPath(METRIC_STATE, runId).toString());
        written.add(METRIC_STATE);
        LOG.info("Computed {} metric(s): {}", metrics.computed().size(), String.join(", ", metrics.computed()));
        if (!metrics.unchanged().isEmpty()) {
            LOG.info("Carried over {} metric(s) with nothing to recompute: {}", metrics.unchanged().size(), String.join(", ", metrics.unchanged()));
        }

        // Every table is written: now, and only now, switch them all, one after another with nothing between.
        Map<TableName, Long> rowCounts = rowCounts(warehouse, written, runId);
        for (TableName table : written) {
            long rows = rowCounts.get(table);
            warehouse.publish(table, runId);
            report.tables.add(new RunReport.TableReport(table.path(), rows, runId));
            LOG.info("Published {} ({} rows) -> {}", table, rows, warehouse.tablePath(table));
        }
        for (TableName table : written) {
            warehouse.tidyOldVersions(table).ifPresent(warning -> {
                LOG.warn(warning);
                report.warnings.add(warning);
            });
        }
        report.endedAt = Instant.now();
    }

    /** The rows of each table version this run wrote, counted together: one scan of every table's files, one small shuffle. */
    private Map<TableName, Long> rowCounts(Warehouse warehouse, List<TableName> tables, String runId) {
        Dataset<Row> files = null;
        for (TableName table : tables) {
            // No column is read to count rows: an empty schema spares a Spark job inferring one.
            Dataset<Row> rows = spark.read().schema(new StructType()).parquet(warehouse.versionPath(table, runId).toString())
                    .select(lit(table.path()).as("table"));
            files = files == null ? rows : files.union(rows);
        }
        Map<String, Long> byPath = new java.util.HashMap<>();
        if (files != null) {
            // A row per table with rows.
            files.groupBy("table").count().collectAsList().forEach(row -> byPath.put(row.getString(0), row.getLong(1)));
        }
        Map<TableName, Long> rowCounts = new LinkedHashMap<>();
        tables.forEach(table -> rowCounts.put(table, byPath.getOrDefault(table.path(), 0L)));
        return rowCounts;
    }
}
