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
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ChangeSummary;
import uk.westmercia.charter.ingest.FileReport;
import uk.westmercia.charter.ingest.LandingFile;
import uk.westmercia.charter.ingest.LandingFolder;
import uk.westmercia.charter.ingest.Pseudonymiser;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.StagedFile;
import uk.westmercia.charter.ingest.StagedSchemas;
import uk.westmercia.charter.ingest.StagedTableWriter;
import uk.westmercia.charter.ingest.Stager;
import uk.westmercia.charter.ingest.StagingResult;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.landing.InputRefusedException;
import uk.westmercia.charter.metrics.MetricContext;
import uk.westmercia.charter.metrics.MetricEngine;
import uk.westmercia.charter.metrics.MetricState;
import uk.westmercia.charter.metrics.MetricStateTable;
import uk.westmercia.charter.metrics.RecomputePlan;
import uk.westmercia.charter.metrics.RecomputePlanner;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.reference.ReferenceDataReader;
import uk.westmercia.charter.reporting.ScorecardTables;
import uk.westmercia.charter.reporting.ThemeScore;
import uk.westmercia.charter.reporting.ThemeScores;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

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
    public record Options(String landing, String warehouse, LocalDate asOf, PseudonymisationKey key, double rejectThreshold,
            boolean recomputeAll) {
        public Options(Path landing, Path warehouse, LocalDate asOf, PseudonymisationKey key, double rejectThreshold) {
            this(landing, warehouse, asOf, key, rejectThreshold, false);
        }

        public Options(Path landing, Path warehouse, LocalDate asOf, PseudonymisationKey key, double rejectThreshold, boolean recomputeAll) {
            this(landing.toString(), warehouse.toString(), asOf, key, rejectThreshold, recomputeAll);
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

    /** A staged table, read with the schema it is written with. */
    private static Dataset<Row> staged(Source source, Dataset<Row> table) {
        return table.select(java.util.Arrays.stream(StagedSchemas.partitionedSchema(source).fieldNames())
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
    }

    /** What every step of a night shares: where it reads and writes, the catalogue and reference data, and what was published before. */
    private record Night(Warehouse warehouse, WarehouseTables tables, LandingFolder landing, Catalogue catalogue, ReferenceData reference,
            MetricEngine engine, Optional<MetricState> previousState) {
    }

    /** What staging every source leaves for the metrics: the staged tables, the first date each metric's changes reach, and what refuses the run. */
    private static final class Staging {
        final Map<Source, Dataset<Row>> staged = new EnumMap<>(Source.class);
        final Map<String, LocalDate> earliestChanges = new LinkedHashMap<>();
        // Sources whose staged table this run wrote: none, and the metrics read what the published run read.
        final java.util.Set<Source> restaged = java.util.EnumSet.noneOf(Source.class);
        final List<StagedFile> manifest = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();
        final List<String> overThreshold = new ArrayList<>();
        // What the run report says of the files and of each source, added to it in source order.
        final List<FileReport> inputFiles = new ArrayList<>();
        final Map<String, RunReport.SourceSummary> sources = new LinkedHashMap<>();

        boolean refused() {
            return !refusals.isEmpty() || !overThreshold.isEmpty();
        }

        /** One source's staging added to the run's. */
        void add(Staging source) {
            staged.putAll(source.staged);
            restaged.addAll(source.restaged);
            source.earliestChanges.forEach((metricId, date) -> earliestChanges.merge(metricId, date, (a, b) -> a.isBefore(b) ? a : b));
            manifest.addAll(source.manifest);
            refusals.addAll(source.refusals);
            overThreshold.addAll(source.overThreshold);
            inputFiles.addAll(source.inputFiles);
            sources.putAll(source.sources);
        }
    }

    /** The night: stage what is new, refuse bad input, compute what it moves, then publish every table at once. */
    public void run() {
        Night night = prepare();
        Staging staging = stageSources(night);
        refuseIfAsked(night, staging);
        computeMetrics(night, staging);
        publish(night);
    }

    /** The run's report header, the pseudonymisation key checked against the warehouse's, and the reference data. */
    private Night prepare() {
        Warehouse warehouse = new Warehouse(options.warehouse());
        WarehouseTables tables = WarehouseTables.forRun(spark, warehouse, report.runId);
        LandingFolder landing = new LandingFolder(spark.sparkContext().hadoopConfiguration(), options.landing());
        Catalogue catalogue = Catalogue.bundled();
        report.catalogueVersion = catalogue.version();
        report.catalogueSha256 = catalogue.sha256();
        report.asOf = options.asOf().toString();
        report.landing = landing.root();
        report.warehouse = warehouse.root();
        report.pseudonymisationKey = options.key().origin();
        if (options.key().development()) {
            String warning = "Pseudonymising with the published development key: acceptable only for the bundled data-samples";
            LOG.warn(warning);
            report.warnings.add(warning);
        }

        // Pseudonyms of two keys must never meet in one table: repeat and concentration figures would be wrong, silently.
        String fingerprint = options.key().fingerprint();
        String stagedWith = tables.published().keyFingerprint();
        if (stagedWith != null && !stagedWith.equals(fingerprint)) {
            throw new JobFailure(ExitCode.BAD_COMMAND_LINE, "Cannot run nightly: the pseudonymisation key (" + options.key().origin()
                    + ", fingerprint " + fingerprint + ") is not the one warehouse " + warehouse.root() + " was staged with (fingerprint "
                    + stagedWith + "); use that key, or re-stage the whole landing with the new key into a new --warehouse");
        }
        tables.keyFingerprint(fingerprint);

        ReferenceData reference = ReferenceDataReader.read(landing.reference());
        LOG.info("Reference data: {} SNTs, {} parishes, {} districts, {} targets",
                reference.snts().size(), reference.parishes().size(), reference.districts().size(), reference.targets().size());
        // What the published metric_values were computed from; without it every period is recomputed.
        Optional<MetricState> previousState = !options.recomputeAll() && tables.exists(METRIC_STATE) && tables.exists(METRIC_VALUES)
                ? MetricStateTable.fromDataset(tables.read(METRIC_STATE))
                : Optional.empty();
        return new Night(warehouse, tables, landing, catalogue, reference, new MetricEngine(catalogue), previousState);
    }

    /**
     * Every source's new files staged (or its earlier staged table kept), a few sources at a time, and the
     * manifest of staged files committed. What each source leaves is added to the run's in source order,
     * so the report, the manifest and the first refusal named do not depend on which finished first.
     */
    private Staging stageSources(Night night) {
        WarehouseTables tables = night.tables();
        ReferenceLookup lookup = ReferenceLookup.of(night.reference());
        Stager stager = new Stager(spark, lookup, new Pseudonymiser(options.key().key()));
        // Incremental staging: the manifest of files staged by earlier runs (staged/_files).
        List<StagedFile> previousManifest = tables.exists(STAGED_FILES)
                ? StagedFile.fromDataset(tables.read(STAGED_FILES))
                : List.of();
        Map<Source, Staging> bySource = new EnumMap<>(Source.class);
        Map<Source, List<LandingFile>> toStage = new EnumMap<>(Source.class);
        // In declaration order: a source that stands in for another (police.uk for crime) comes after it.
        for (Source source : Source.values()) {
            Staging partial = new Staging();
            bySource.put(source, partial);
            Stager.Listing listing = night.landing().files(source);
            for (String folder : listing.skippedFolders()) {
                String warning = "Skipped " + folder + ": a folder named like a data file (an extract is a file in the landing)";
                LOG.warn(warning);
                report.warnings.add(warning);
            }
            // Refused: the run fails naming them, before anything is published.
            partial.refusals.addAll(listing.refusedLinks());
            List<LandingFile> files = listing.files();
            TableName stagedTable = TableName.staged(source.folder());
            // A landing uses one crime source: with the force's own, police.uk's stand-in rows are not read.
            Optional<Source> displacedBy = source.standsInFor().filter(other -> toStage.containsKey(other) || bySource.get(other).staged.containsKey(other));
            if (files.isEmpty()) {
                previousManifest.stream().filter(file -> file.source().equals(source.folder())).forEach(partial.manifest::add);
                if (tables.exists(stagedTable) && displacedBy.isEmpty()) {
                    // Staged by earlier runs; the landing no longer holds its files.
                    partial.staged.put(source, staged(source, tables.read(stagedTable)));
                    continue;
                }
                report.absentSources.add(source.folder());
                continue;
            }
            if (displacedBy.isPresent()) {
                String note = source.folder() + " files ignored: the landing has " + displacedBy.get().folder() + "/ extracts, and a landing uses one "
                        + displacedBy.get().folder() + " source";
                LOG.info(note);
                report.warnings.add(note);
                continue;
            }
            Optional<String> missingReference = SourceDefinitions.of(source).missingReference(lookup);
            if (missingReference.isPresent()) {
                throw new InputRefusedException("Cannot stage " + source.folder() + ": " + missingReference.get());
            }
            toStage.put(source, files);
        }
        // Side by side: a small source's staging is mostly the driver's planning and Delta's commits, which
        // leave the cores idle; as many at once as there are cores, so a large source's rows do not crowd memory.
        SideBySide.run(toStage.keySet(), spark.sparkContext().defaultParallelism(),
                source -> stageSource(night, stager, source, toStage.get(source), previousManifest, bySource.get(source)));
        Staging staging = new Staging();
        bySource.values().forEach(staging::add);
        report.inputFiles.addAll(staging.inputFiles);
        report.sources.putAll(staging.sources);
        if (tables.exists(STAGED_FILES) && java.util.Set.copyOf(previousManifest).equals(java.util.Set.copyOf(staging.manifest))) {
            LOG.info("Staged files: the manifest {} stays as it was", STAGED_FILES);
        }
        else {
            tables.overwrite(STAGED_FILES, StagedFile.toDataset(spark, staging.manifest).coalesce(1));
        }
        return staging;
    }

    /** One source's new files: staged and merged, its rejects appended, its rows reconciled and its reject rate checked. */
    private void stageSource(Night night, Stager stager, Source source, List<LandingFile> files, List<StagedFile> previousManifest,
            Staging staging) {
        WarehouseTables tables = night.tables();
        TableName stagedTable = TableName.staged(source.folder());
        TableName rejectsTable = TableName.rejects(source.folder());
        LOG.info("Staging {}: {} file(s)", source.folder(), files.size());
        Stager.Previous previous = new Stager.Previous(
                tables.exists(stagedTable) ? staged(source, tables.read(stagedTable)) : null,
                tables.exists(rejectsTable) ? tables.read(rejectsTable) : null,
                tables.exists(stagedTable) ? previousManifest : List.of());
        StagingResult result = stager.stage(source, files, previous, report.runId);
        staging.manifest.addAll(result.manifest());
        boolean changed = result.changed() || !tables.exists(stagedTable) || !tables.exists(rejectsTable);
        if (changed) {
            if (result.changed() || previous.staged() == null) {
                staging.restaged.add(source);
            }
            if (result.changed() && previous.staged() != null && night.previousState().isPresent()) {
                // One pass over the changes: for an incremental recompute, the earliest date of each metric they reach.
                // Before release: drawn from this run's read of the files.
                MetricEngine.DateMinima dating = night.engine().dateMinima(source, result.changes(), options.asOf());
                ChangeSummary changes = result.summariseChanges(dating.columns());
                dating.earliest(changes.aggregates())
                        .forEach((metricId, date) -> staging.earliestChanges.merge(metricId, date, (a, b) -> a.isBefore(b) ? a : b));
            }
            StagedTableWriter writer = new StagedTableWriter(tables);
            writer.writeStaged(result, stagedTable);
            if (writer.writeRejects(result, rejectsTable) < 0) {
                LOG.info("Rejects {}: no row added or taken away, the table stays as it was", source.folder());
            }
        }
        List<FileReport> fileReports = result.fileReports();
        result.release();
        staging.inputFiles.addAll(fileReports);
        long read = fileReports.stream().mapToLong(FileReport::rowsRead).sum();
        long rejected = fileReports.stream().mapToLong(FileReport::rowsRejected).sum();
        long stagedRows = fileReports.stream().mapToLong(FileReport::rowsStaged).sum();
        staging.sources.put(source.folder(), RunReport.SourceSummary.of(fileReports.size(), result.filesStaged(), read, stagedRows, rejected));
        fileReports.stream().filter(file -> file.refused() != null).forEach(file -> staging.refusals.add(file.refused()));
        fileReports.stream().filter(file -> !file.reconciles()).forEach(file -> staging.refusals.add(
                file.file() + ": rows read " + file.rowsRead() + " != staged " + file.rowsStaged() + " + rejected " + file.rowsRejected()));
        // Over the rows staged or rejected this run: a duplicate file's rows were judged when it was first staged.
        double rate = stagedRows + rejected == 0 ? 0 : (double) rejected / (stagedRows + rejected);
        LOG.info("Staged {}: {} file(s), {} row(s) read, {} staged, {} rejected ({}%)", source.folder(), fileReports.size(), read, stagedRows,
                rejected, String.format("%.2f", 100 * rate));
        if (rate > options.rejectThreshold()) {
            String worst = fileReports.stream().max(java.util.Comparator.comparingLong(FileReport::rowsRejected)).map(FileReport::file).orElse("?");
            staging.overThreshold.add(String.format("%s: %d of %d rows rejected (%.1f%%, threshold %.1f%%), most in %s; see %s",
                    source.folder(), rejected, stagedRows + rejected, 100 * rate, 100 * options.rejectThreshold(), worst,
                    night.warehouse().refusedRejectsLocation(report.runId, source.folder())));
        }
        if (changed) {
            staging.staged.put(source, staged(source, tables.readCommitted(stagedTable)));
        }
        else {
            LOG.info("Staged {}: {}, {} stays as it was", source.folder(), fileReports.stream().anyMatch(file -> file.refused() != null)
                    ? "nothing, as a file was refused (the run will be refused)" : "nothing new", stagedTable);
            staging.staged.put(source, staged(source, tables.read(stagedTable)));
        }
    }

    /** A refused run publishes nothing: its rejects are kept for the analyst, its commits undone, and it fails naming why. */
    private void refuseIfAsked(Night night, Staging staging) {
        if (!staging.refused()) {
            return;
        }
        WarehouseTables tables = night.tables();
        // What it read is staged by the next run that succeeds, and its report says so.
        report.inputFiles.replaceAll(file -> FileReport.STAGED.equals(file.status()) ? file.withStatus(FileReport.NOT_PUBLISHED) : file);
        report.sources.replaceAll((source, summary) -> summary.notPublished());
        List<String> kept = tables.keepRefusedRejects(report.runId);
        if (!tables.undoUnpublished().isEmpty() && !tables.published().isNone()) {
            // The restores hold the published rows: published, the tables' latest versions are the published ones again.
            // (Job 'refused', not 'repair': a run publishes once per job name, and it may have repaired an earlier run.)
            tables.publish("refused");
        }
        LOG.info("Refused: the run's rejects are kept in {}; its commits are undone", kept);
        if (!staging.refusals.isEmpty()) {
            throw new JobFailure(ExitCode.INPUT_REFUSED, staging.refusals.get(0)
                    + (staging.refusals.size() > 1 ? " (and " + (staging.refusals.size() - 1) + " more)" : ""));
        }
        throw new JobFailure(ExitCode.INPUT_REFUSED, "Input refused, reject rate over threshold: " + String.join("; ", staging.overThreshold));
    }

    /** The periods the night's changes reach recomputed, the rest carried over; metric_values, theme scores and state committed. */
    private void computeMetrics(Night night, Staging staging) {
        WarehouseTables tables = night.tables();
        String runId = report.runId;
        MetricContext context = new MetricContext(spark, night.reference(), options.asOf(), staging.staged);
        // No staged table written: the sources' first record dates are those the published run found.
        Map<String, LocalDate> firstRecordDates = staging.restaged.isEmpty() && night.previousState().isPresent()
                ? night.previousState().get().firstRecordDates()
                : context.firstRecordDates();
        MetricState state = MetricState.of(options.asOf(), report.codeVersion, night.catalogue().sha256(),
                ReferenceDataReader.sha256(night.landing().reference()), firstRecordDates);
        RecomputePlan plan = options.recomputeAll()
                ? RecomputePlan.full("--recompute-all")
                : RecomputePlanner.plan(night.catalogue(), night.previousState(), state, staging.earliestChanges);
        report.recompute = plan.describe();
        LOG.info("Recomputing {}", report.recompute);
        MetricEngine.Result metrics = night.engine().compute(context, plan, runId, LOG::info);
        report.metricsSkipped.putAll(metrics.skipped());
        if (metrics.computed().isEmpty() && night.previousState().equals(Optional.of(state)) && tables.exists(ScorecardTables.THEME_SCORES)) {
            // Nothing to recompute from the same state: the published metric_values, theme scores and state stand as they are.
            metrics.metricValues().unpersist(false);
            LOG.info("Carried over all {} metric(s): {}, {} and {} stay as they were", metrics.unchanged().size(), METRIC_VALUES,
                    ScorecardTables.THEME_SCORES, METRIC_STATE);
            return;
        }
        Dataset<Row> computed = metrics.metricValues();
        Dataset<Row> values = plan.isFull() ? computed : withCarriedOver(tables, computed);
        // One file, sorted in its one task: a global sort first samples every metric's rows to plan its ranges.
        tables.overwrite(METRIC_VALUES, values.coalesce(1)
                .sortWithinPartitions("metric_id", "area_level", "area_code", "period_type", "period_start"));
        // Theme scores follow metric_values every night, counted as the scorecard counts them, from the version just committed.
        ScorecardTables scorecardTables = new ScorecardTables(tables);
        scorecardTables.writeVersion(ScorecardTables.THEME_SCORES, runId, ThemeScores.compute(scorecardTables.readCommittedMetricValues()), ThemeScore.class);
        tables.overwrite(METRIC_STATE, MetricStateTable.toDataset(spark, state, runId).coalesce(1));
        LOG.info("Computed {} metric(s): {}", metrics.computed().size(), String.join(", ", metrics.computed()));
        if (!metrics.unchanged().isEmpty()) {
            LOG.info("Carried over {} metric(s) with nothing to recompute: {}", metrics.unchanged().size(), String.join(", ", metrics.unchanged()));
        }
    }

    /** Every published row the plan did not recompute, with the id of the run that computed it, beside the recomputed ones. */
    private static Dataset<Row> withCarriedOver(WarehouseTables tables, Dataset<Row> computed) {
        scala.collection.immutable.Seq<String> key = scala.jdk.javaapi.CollectionConverters.asScala(METRIC_KEY).toList();
        Dataset<Row> previousValues = tables.read(METRIC_VALUES);
        List<String> previousColumns = List.of(previousValues.columns());
        Dataset<Row> carried = previousValues.join(computed.select(METRIC_KEY.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)), key, "left_anti");
        // The contract's column order (the join puts the key first); a column added since those rows were
        // published (effective_base) is null in them.
        return carried.select(java.util.Arrays.stream(computed.columns())
                        .map(column -> previousColumns.contains(column) ? org.apache.spark.sql.functions.col(column)
                                : lit(null).cast(computed.schema().apply(column).dataType()).as(column))
                        .toArray(org.apache.spark.sql.Column[]::new))
                .unionByName(computed);
    }

    /** Every table is committed: now, and only now, publish them all in one row of runs/published. */
    private void publish(Night night) {
        WarehouseTables tables = night.tables();
        Map<String, Long> rowCounts = rowCounts(tables);
        Publication publication = tables.publish("nightly");
        report.publishedVersions = publication.versions();
        tables.committed().forEach((table, version) -> {
            long rows = rowCounts.getOrDefault(table, 0L);
            report.tables.add(new RunReport.TableReport(table, rows, version));
            LOG.info("Published {} ({} rows, Delta version {})", table, rows, version);
        });
        report.endedAt = Instant.now();
    }

    /** The rows of each table this run committed, counted together: one Spark job, one small shuffle. */
    private static Map<String, Long> rowCounts(WarehouseTables tables) {
        Dataset<Row> all = null;
        for (String table : tables.committed().keySet()) {
            Dataset<Row> rows = tables.readCommitted(new TableName(table)).select(lit(table).as("table"));
            all = all == null ? rows : all.union(rows);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (all != null) {
            // A row per table with rows.
            all.groupBy("table").count().collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        }
        return counts;
    }
}
