package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse's Delta tables: reads at the published versions, one run's commits, and its
 * publication. Open-source Delta commits one table at a time, so a run commits each table it writes
 * (with its run id in the commit's {@code userMetadata}, and idempotently: a retried commit of the
 * same run is skipped), then publishes by appending one row to {@code runs/published} naming the
 * version of every table. Readers follow that row, never a table's latest version: they never see a
 * half-written run, and a failed or killed run's commits are undone by {@link #undoUnpublished()}.
 */
public final class WarehouseTables {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseTables.class);
    public static final TableName PUBLISHED = new TableName("runs/published");
    public static final TableName RUN_REPORTS = new TableName("runs/run_reports");
    /** Days a superseded version's files are kept for time travel and for readers mid-scan (Delta's own default). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    static final StructType PUBLISHED_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("job", DataTypes.StringType, false),
            DataTypes.createStructField("published_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("tables", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false),
            DataTypes.createStructField("key_fingerprint", DataTypes.StringType, true)));
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
    private static final String TXN_APP_ID = "spark.databricks.delta.write.txnAppId";
    private static final String TXN_VERSION = "spark.databricks.delta.write.txnVersion";
    private static final String LOG_FOLDER = "_delta_log";

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    // Sources are staged side by side: their commits are recorded from several threads.
    private final Map<String, Long> committed = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Long> restored = new LinkedHashMap<>();
    private Publication published;
    private String keyFingerprint;

    private WarehouseTables(SparkSession spark, Warehouse warehouse, String runId) {
        this.spark = requireNonNull(spark, "spark is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.runId = runId;
    }

    /** For reading the published state only. */
    public static WarehouseTables reader(SparkSession spark, Warehouse warehouse) {
        return new WarehouseTables(spark, warehouse, null);
    }

    /** For a run that commits and publishes; every commit it makes carries its run id. */
    public static WarehouseTables forRun(SparkSession spark, Warehouse warehouse, String runId) {
        requireNonNull(runId, "runId is null");
        spark.conf().set(USER_METADATA, runId);
        return new WarehouseTables(spark, warehouse, runId);
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public SparkSession spark() {
        return spark;
    }

    public FileSystem fileSystem() {
        return fileSystem(spark.sparkContext().hadoopConfiguration(), warehouse.root());
    }

    public static FileSystem fileSystem(Configuration configuration, String location) {
        try {
            return new org.apache.hadoop.fs.Path(location).getFileSystem(configuration);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open file system of " + location + ": " + e.getMessage(), e);
        }
    }

    // ---- the published state ----

    /** The latest row of {@code runs/published}; {@link Publication#NONE} before the first publication. */
    public Publication published() {
        if (published == null) {
            published = fromCommits().or(() -> latestPublication(null)).orElse(Publication.NONE);
        }
        return published;
    }

    /**
     * The latest publication from the commits of {@code runs/published}, newest first: each append
     * carries its row as JSON in the commit's metadata, so the published state is one small file read
     * on the driver, not a Spark job. Empty when the log holds no such commit any more (then the
     * table is read).
     */
    private Optional<Publication> fromCommits() {
        OptionalLong latest = latestVersion(PUBLISHED);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        for (long version = latest.getAsLong(); version >= 0 && version > latest.getAsLong() - 20; version--) {
            Optional<String> metadata = committedBy(PUBLISHED, version);
            if (metadata.isPresent() && metadata.get().startsWith("{")) {
                try {
                    return Optional.of(RunReports.JSON.readValue(metadata.get(), Publication.class));
                }
                catch (IOException e) {
                    // not a publication's commit: look further back
                }
            }
        }
        return Optional.empty();
    }

    /** The state a given run published, if it did. */
    public Optional<Publication> publishedBy(String run) {
        requireNonNull(run, "run is null");
        return latestPublication(run);
    }

    private Optional<Publication> latestPublication(String run) {
        if (latestVersion(PUBLISHED).isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> rows = spark.read().format("delta").load(warehouse.location(PUBLISHED));
        if (run != null) {
            rows = rows.filter(col("run_id").equalTo(run));
        }
        // One row: the newest.
        List<Row> newest = rows.orderBy(col("published_at").desc(), col("run_id").desc()).limit(1).collectAsList();
        // (key_fingerprint read by name below: the table may predate the column.)
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Row row = newest.get(0);
        Map<String, Long> versions = new TreeMap<>(row.<String, Long>getJavaMap(3));
        Object at = row.get(2);
        Instant instant = at instanceof Instant i ? i : ((java.sql.Timestamp) at).toInstant();
        String fingerprint = List.of(row.schema().fieldNames()).contains("key_fingerprint") ? row.getAs("key_fingerprint") : null;
        return Optional.of(new Publication(row.getString(0), row.getString(1), instant, versions, fingerprint));
    }

    /** Whether the published state holds a table. */
    public boolean exists(TableName table) {
        return published().contains(table);
    }

    /** A table of the warehouse at {@code location} as the latest published run left it: what any reader sees. */
    public static Dataset<Row> readPublished(SparkSession spark, String location, String table) {
        return reader(spark, new Warehouse(location)).read(new TableName(table));
    }

    /** A table as the latest published run left it. */
    public Dataset<Row> read(TableName table) {
        return read(table, published());
    }

    /** A table as a given publication left it (time travel). */
    public Dataset<Row> read(TableName table, Publication publication) {
        long version = publication.version(table).orElseThrow(() -> new IllegalStateException(
                "Cannot read " + table + ": " + (publication.isNone() ? "nothing is published in " + warehouse.root()
                        : "run " + publication.runId() + " published no version of it")));
        return readVersion(table, version);
    }

    public Dataset<Row> readVersion(TableName table, long version) {
        OptionalLong latest = latestVersion(table);
        if (latest.isPresent() && latest.getAsLong() == version) {
            // The latest version (the usual case: every run leaves latest and published equal): Delta reuses the
            // table state it holds, where a time-travel read would rebuild the version's state in a Spark job.
            return spark.read().format("delta").load(warehouse.location(table));
        }
        return spark.read().format("delta").option("versionAsOf", version).load(warehouse.location(table));
    }

    /** The version of a table this run committed, before it is published (theme scores are drawn from metric_values so). */
    public Dataset<Row> readCommitted(TableName table) {
        Long version = committed.get(table.path());
        if (version == null) {
            throw new IllegalStateException("Cannot read " + table + " as run " + runId + " wrote it: the run did not commit it");
        }
        return readVersion(table, version);
    }

    /** The run that committed a version of a table, from the commit's {@code userMetadata}. */
    public Optional<String> committedBy(TableName table, long version) {
        // The commit's own file holds its commitInfo: read on the driver, no Spark job (history() is one per call).
        org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(warehouse.location(table) + "/" + LOG_FOLDER + "/"
                + String.format("%020d.json", version));
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(fileSystem().open(commit),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                com.fasterxml.jackson.databind.JsonNode info = RunReports.JSON.readTree(line).get("commitInfo");
                if (info != null) {
                    com.fasterxml.jackson.databind.JsonNode user = info.get("userMetadata");
                    return user == null || user.isNull() ? Optional.empty() : Optional.of(user.asText());
                }
            }
            return Optional.empty();
        }
        catch (FileNotFoundException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read commit " + commit + ": " + e.getMessage(), e);
        }
    }

    /** The run that committed the published version of a table. */
    public Optional<String> publishedCommitOf(TableName table) {
        return published().version(table).flatMap(version -> committedBy(table, version));
    }

    // ---- a run's commits ----

    /** Replaces a table's rows (and schema) in one commit. Returns the version committed. */
    public long overwrite(TableName table, Dataset<Row> rows, String... partitionBy) {
        return write(table, rows, SaveMode.Overwrite, partitionBy);
    }

    /** Appends rows in one commit. Returns the version committed. */
    public long append(TableName table, Dataset<Row> rows, String... partitionBy) {
        return write(table, rows, SaveMode.Append, partitionBy);
    }

    private long write(TableName table, Dataset<Row> rows, SaveMode mode, String... partitionBy) {
        requireRun(table);
        DataFrameWriter<Row> writer = rows.write().format("delta").mode(mode)
                .option("userMetadata", runId)
                // A retried commit of this run is skipped by Delta, not applied twice.
                .option("txnAppId", txnAppId())
                .option("txnVersion", 0L);
        if (mode == SaveMode.Overwrite) {
            writer = writer.option("overwriteSchema", "true");
        }
        if (partitionBy.length > 0) {
            writer = writer.partitionBy(partitionBy);
        }
        writer.save(warehouse.location(table));
        return recordCommit(table);
    }

    /**
     * Runs a Delta operation (a MERGE, say) on a table as this run's one commit of it, with the run's
     * id and idempotence settings in force. Returns the version committed.
     */
    public long commit(TableName table, Consumer<DeltaTable> operation) {
        requireRun(table);
        spark.conf().set(TXN_APP_ID, txnAppId());
        spark.conf().set(TXN_VERSION, "0");
        try {
            operation.accept(DeltaTable.forPath(spark, warehouse.location(table)));
        }
        finally {
            spark.conf().unset(TXN_APP_ID);
            spark.conf().unset(TXN_VERSION);
        }
        return recordCommit(table);
    }

    /** The fingerprint of the key this run's staged rows are pseudonymised with, for its publication. */
    public void keyFingerprint(String fingerprint) {
        this.keyFingerprint = requireNonNull(fingerprint, "fingerprint is null");
    }

    private void requireRun(TableName table) {
        if (runId == null) {
            throw new IllegalStateException("Cannot write " + table + ": this warehouse handle only reads");
        }
        if (committed.containsKey(table.path())) {
            throw new IllegalStateException("Cannot write " + table + " twice in run " + runId + ": a run commits each table once");
        }
    }

    private String txnAppId() {
        return "charter-metrics/" + runId;
    }

    private long recordCommit(TableName table) {
        long version = latestVersion(table).orElseThrow(() -> new IllegalStateException("Cannot find the commit of " + table + " just made"));
        committed.put(table.path(), version);
        return version;
    }

    /** The tables this run committed, with their versions, in commit order. */
    public Map<String, Long> committed() {
        synchronized (committed) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(committed));
        }
    }

    /**
     * Publishes the run: one row appended to {@code runs/published} naming every table's version, the
     * published ones this run did not touch and those it committed. Returns the new published state.
     */
    public Publication publish(String job) {
        requireNonNull(job, "job is null");
        if (runId == null) {
            throw new IllegalStateException("Cannot publish: this warehouse handle only reads");
        }
        Map<String, Long> versions = new TreeMap<>(published().versions());
        versions.putAll(restored);
        versions.putAll(committed());
        String fingerprint = keyFingerprint != null ? keyFingerprint : published().keyFingerprint();
        Publication publication = new Publication(runId, job, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), versions, fingerprint);
        Row row = RowFactory.create(runId, job, java.sql.Timestamp.from(publication.publishedAt()),
                scala.jdk.javaapi.CollectionConverters.asScala(versions), fingerprint);
        String metadata;
        try {
            metadata = RunReports.JSON.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(publication);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot publish run " + runId + ": " + e.getMessage(), e);
        }
        spark.createDataFrame(List.of(row), PUBLISHED_SCHEMA).coalesce(1).write().format("delta").mode(SaveMode.Append)
                // The row again, for readers of the published state that read the log, not the table.
                .option("userMetadata", metadata)
                // One publication per job of a run: its repair of an earlier run's commits, then its own.
                .option("txnAppId", txnAppId() + "/" + job)
                .option("txnVersion", 0L)
                .save(warehouse.location(PUBLISHED));
        published = publication;
        return publication;
    }

    // ---- repairs and retention ----

    /**
     * Undoes every commit no published run lists: a table whose latest version is newer than the
     * published one is restored to it (a new commit with the published rows); a table never published
     * is removed. For a failed run's tables, and first thing in every run for a killed one's. A run
     * handle then publishes the restores ({@link #publish} with job {@code repair}): the same rows as
     * published, so that every table's latest version is its published one again. Returns what it
     * did, a line per table.
     */
    public List<String> undoUnpublished() {
        List<String> repaired = new ArrayList<>();
        Publication state = published();
        for (TableName table : tables()) {
            if (table.equals(PUBLISHED) || table.equals(RUN_REPORTS)) {
                continue;
            }
            OptionalLong latest = latestVersion(table);
            Optional<Long> version = state.version(table);
            if (version.isEmpty()) {
                delete(warehouse.location(table));
                repaired.add(table + ": removed (never published)");
            }
            else if (latest.isPresent() && latest.getAsLong() > version.get()) {
                DeltaTable.forPath(spark, warehouse.location(table)).restoreToVersion(version.get());
                repaired.add(table + ": restored to published version " + version.get() + " (was " + latest.getAsLong() + ")");
                // The restore's commit holds the published rows: publishing it makes it the version readers follow.
                restored.put(table.path(), latestVersion(table).getAsLong());
            }
        }
        repaired.forEach(line -> LOG.info("Undid an unpublished commit: {}", line));
        return repaired;
    }

    /** What {@link #repair} did: the commits it undid and the uncommitted files it removed, a line per table. */
    public record Repair(List<String> undone, List<String> removed) {
        public Repair {
            undone = List.copyOf(undone);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return undone.isEmpty() && removed.isEmpty();
        }

        public List<String> all() {
            return java.util.stream.Stream.concat(undone.stream(), removed.stream()).toList();
        }
    }

    /**
     * Leaves the warehouse as the last published run left it: undoes every unpublished commit
     * ({@link #undoUnpublished}), publishes the restores (job {@code repair}) if there were any, and
     * removes the data files written since {@code uncommittedSince} that no commit references
     * ({@link #removeUncommittedFiles}). Done first by every run for a killed one, and by a failed
     * run for itself.
     */
    public Repair repair(Optional<Instant> uncommittedSince) {
        requireNonNull(uncommittedSince, "uncommittedSince is null");
        List<String> undone = undoUnpublished();
        if (!undone.isEmpty()) {
            // Same rows as published: readers see no change, and every table's latest version is its published one again.
            publish("repair");
        }
        List<String> removed = uncommittedSince.map(this::removeUncommittedFiles).orElse(List.of());
        return new Repair(undone, removed);
    }

    /**
     * Deletes the data files a run wrote from {@code since} on that no commit of their table
     * references: the partial output of a run that failed or was killed mid-write (a full disk's
     * half-written files among them). Delta never reads them, and VACUUM would delete them only
     * after the retention period; a folder whose first write never committed has no log at all.
     * Only Parquet files written since {@code since} are looked at, so a file an older commit
     * references, whose log entry may have been cleaned up, is never touched. Returns a line per
     * table with files deleted.
     */
    public List<String> removeUncommittedFiles(Instant since) {
        requireNonNull(since, "since is null");
        FileSystem fs = fileSystem();
        long from = since.toEpochMilli();
        List<String> removed = new ArrayList<>();
        for (FileStatus area : list(fs, new org.apache.hadoop.fs.Path(warehouse.root()))) {
            if (!area.isDirectory() || area.getPath().getName().startsWith("_")) {
                continue;
            }
            for (FileStatus folder : list(fs, area.getPath())) {
                if (!folder.isDirectory()) {
                    continue;
                }
                try {
                    int deleted = removeUncommitted(fs, folder.getPath(), from);
                    if (deleted > 0) {
                        String line = area.getPath().getName() + "/" + folder.getPath().getName() + ": " + deleted
                                + " uncommitted data file(s) of a failed run deleted";
                        LOG.info("Removed {}", line);
                        removed.add(line);
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot remove the uncommitted files of " + folder.getPath() + ": " + e.getMessage(), e);
                }
            }
        }
        return removed;
    }

    private static int removeUncommitted(FileSystem fs, org.apache.hadoop.fs.Path table, long from) throws IOException {
        // Every file a commit since `from` adds: a committed file written since then is in one of those commits.
        java.util.Set<String> referenced = new java.util.HashSet<>();
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(table, LOG_FOLDER);
        for (FileStatus commit : list(fs, log)) {
            if (commit.getPath().getName().endsWith(".json") && commit.getModificationTime() >= from) {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(commit.getPath()), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        com.fasterxml.jackson.databind.JsonNode add = JSON.readTree(line).path("add");
                        if (add.hasNonNull("path")) {
                            referenced.add(java.net.URI.create(add.get("path").asText()).getPath());
                        }
                    }
                }
            }
        }
        String root = table.toUri().getPath();
        int deleted = 0;
        org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files;
        try {
            files = fs.listFiles(table, true);
        }
        catch (FileNotFoundException e) {
            return 0;
        }
        List<org.apache.hadoop.fs.Path> orphans = new ArrayList<>();
        while (files.hasNext()) {
            org.apache.hadoop.fs.LocatedFileStatus file = files.next();
            String relative = file.getPath().toUri().getPath().substring(root.length() + 1);
            if (relative.startsWith(LOG_FOLDER + "/") || !file.getPath().getName().endsWith(".parquet")
                    || file.getPath().getName().startsWith(".") || file.getModificationTime() < from || referenced.contains(relative)) {
                continue;
            }
            orphans.add(file.getPath());
        }
        for (org.apache.hadoop.fs.Path orphan : orphans) {
            fs.delete(orphan, false);
            // The local file system's checksum beside it.
            fs.delete(new org.apache.hadoop.fs.Path(orphan.getParent(), "." + orphan.getName() + ".crc"), false);
            deleted++;
        }
        return deleted;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Retention and compaction of every table, as one run: each table's retention property set to
     * {@code retention} (Delta's vacuum reads it there), its small files compacted (OPTIMIZE: the
     * nightly's appends and merges leave many), and the files no version within the retention needs
     * deleted (VACUUM). Versions older than the retention can no longer be read (time travel ends
     * there). Returns a line per table saying what was done; the caller publishes.
     */
    public List<String> maintain(Duration retention) {
        requireNonNull(retention, "retention is null");
        if (runId == null) {
            throw new IllegalStateException("Cannot maintain the tables: this warehouse handle only reads");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("Cannot maintain the tables: retention must not be negative, was " + retention);
        }
        if (retention.compareTo(DEFAULT_RETENTION) < 0) {
            spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
        }
        List<String> done = new ArrayList<>();
        for (TableName table : tables()) {
            String location = warehouse.location(table);
            boolean published = published().contains(table);
            if (!published && !table.path().startsWith("runs/")) {
                continue;
            }
            String days = "interval " + retention.toDays() + " days";
            spark.sql("ALTER TABLE delta.`" + location + "` SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = '" + days
                    + "', 'delta.logRetentionDuration' = '" + (retention.toDays() < 30 ? "interval 30 days" : days) + "')");
            Row metrics = DeltaTable.forPath(spark, location).optimize().executeCompaction().first().getStruct(1);
            DeltaTable.forPath(spark, location).vacuum();
            String line = table + ": retention " + retention.toDays() + " days, compacted (" + metrics.getAs("numFilesAdded") + " file(s) added, "
                    + metrics.getAs("numFilesRemoved") + " removed), vacuumed";
            LOG.info("Maintained {}", line);
            done.add(line);
            if (published) {
                committed.put(table.path(), latestVersion(table).getAsLong());
            }
        }
        return done;
    }

    /**
     * Copies the rejects a refused run committed and will not publish to
     * {@code runs/<run_id>-rejects/<source>/}, where the analyst acts on them, before they are undone.
     * Returns the locations written.
     */
    public List<String> keepRefusedRejects(String refusedRunId) {
        List<String> kept = new ArrayList<>();
        for (TableName table : tables()) {
            if (!table.path().startsWith("rejects/")) {
                continue;
            }
            OptionalLong latest = latestVersion(table);
            Optional<Long> version = published().version(table);
            if (latest.isPresent() && (version.isEmpty() || latest.getAsLong() > version.get())) {
                String location = warehouse.refusedRejectsLocation(refusedRunId, table.path().substring("rejects/".length()));
                readVersion(table, latest.getAsLong()).coalesce(1).write().format("delta").mode(SaveMode.Overwrite).save(location);
                kept.add(location);
            }
        }
        return kept;
    }

    /** Every Delta table under the warehouse root ({@code <area>/<table>/_delta_log}), by path. */
    public List<TableName> tables() {
        List<TableName> tables = new ArrayList<>();
        FileSystem fs = fileSystem();
        for (FileStatus area : list(fs, new org.apache.hadoop.fs.Path(warehouse.root()))) {
            if (!area.isDirectory()) {
                continue;
            }
            for (FileStatus table : list(fs, area.getPath())) {
                String path = area.getPath().getName() + "/" + table.getPath().getName();
                try {
                    if (table.isDirectory() && fs.exists(new org.apache.hadoop.fs.Path(table.getPath(), LOG_FOLDER))) {
                        tables.add(new TableName(path));
                    }
                }
                catch (IllegalArgumentException e) {
                    // not a table's folder
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot look at " + table.getPath() + ": " + e.getMessage(), e);
                }
            }
        }
        tables.sort(java.util.Comparator.comparing(TableName::path));
        return tables;
    }

    /** A table's latest committed version, from its log's file names (no Spark job); empty if it is no Delta table. */
    public OptionalLong latestVersion(TableName table) {
        FileSystem fs = fileSystem();
        long latest = -1;
        for (FileStatus file : list(fs, new org.apache.hadoop.fs.Path(warehouse.location(table), LOG_FOLDER))) {
            String name = file.getPath().getName();
            if (name.endsWith(".json") && name.length() == 25 && Character.isDigit(name.charAt(0))) {
                latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
            }
        }
        return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    }

    private static List<FileStatus> list(FileSystem fs, org.apache.hadoop.fs.Path folder) {
        try {
            return List.of(fs.listStatus(folder));
        }
        catch (FileNotFoundException e) {
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private void delete(String location) {
        try {
            fileSystem().delete(new org.apache.hadoop.fs.Path(location), true);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + location + ": " + e.getMessage(), e);
        }
    }
}
