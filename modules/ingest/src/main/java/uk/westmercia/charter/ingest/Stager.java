package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.SourceDefinition;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.landing.LandingFiles;

/**
 * Stages one source: each file is read once, in its own task, by {@link FileReader}; the outcome of
 * every row lands in one persisted dataset that is then split into staged rows, rejects and the
 * per-file reconciliation.
 */
public final class Stager {
    private static final Logger LOG = LoggerFactory.getLogger(Stager.class);

    private static final String KIND = "_kind";
    private static final String STAGED = "staged";
    private static final String REJECTED = "rejected";
    private static final String FILE = "file";
    /** Up to this many new rows, their keys are broadcast to find the earlier rows they restate. */
    private static final long BROADCAST_KEYS_UP_TO = 1_000_000;
    /** The outcome columns after the validated fields: where a row came from, its kind, and a rejection's or a file's details. */
    private static final int OUTCOME_FIELDS = 17;
    /** Strings in the order Spark and Parquet compare them: by their UTF-8 bytes, unsigned. */
    private static final Comparator<String> BYTE_ORDER = Comparator.comparing(value -> value.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private final SparkSession spark;
    private final ReferenceLookup reference;
    private final Pseudonymiser pseudonymiser;

    public Stager(SparkSession spark, ReferenceLookup reference, Pseudonymiser pseudonymiser) {
        this.spark = requireNonNull(spark, "spark is null");
        this.reference = requireNonNull(reference, "reference is null");
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser is null");
    }

    /** The landing files of a source in a local landing folder, in name order; empty when the folder is absent. */
    public static List<LandingFile> landingFiles(Path landing, Source source) {
        return landingFiles(new Configuration(), landing.toAbsolutePath().toUri().toString(), source).files();
    }

    /** What a source's landing folder holds: its data files in name order, and folders named like data files (skipped). */
    public record Listing(List<LandingFile> files, List<String> skippedFolders, List<String> refusedLinks) {
        public Listing {
            files = List.copyOf(files);
            skippedFolders = List.copyOf(skippedFolders);
            refusedLinks = List.copyOf(refusedLinks);
        }
    }

    /**
     * The landing files of a source, through Hadoop's file system (a local folder, HDFS, an object
     * store), in name order; empty when the folder is absent.
     */
    public static Listing landingFiles(Configuration configuration, String landing, Source source) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(landing.endsWith("/") ? landing + source.folder() : landing + "/" + source.folder());
        String extension = SourceDefinitions.of(source).format().extension();
        List<LandingFile> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<String> links = new ArrayList<>();
        try {
            FileSystem fs = folder.getFileSystem(configuration);
            FileStatus[] entries;
            try {
                entries = fs.listStatus(folder);
            }
            catch (java.io.FileNotFoundException e) {
                return new Listing(List.of(), List.of(), List.of());
            }
            for (FileStatus entry : entries) {
                String name = entry.getPath().getName();
                if (!LandingFiles.baseName(name).toLowerCase(Locale.ROOT).endsWith(extension)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    folders.add(source.folder() + "/" + name);
                    continue;
                }
                Optional<String> outside = linkOutside(landing, entry);
                if (outside.isPresent()) {
                    links.add(refusedLink(source, name, outside.get()));
                    continue;
                }
                files.add(new LandingFile(name, entry.getPath().toUri().toString(), entry.getLen(), entry.getModificationTime()));
            }
            if ("file".equals(folder.toUri().getScheme())) {
                // Hadoop's local listing leaves out a link whose target is gone: refused too, not dropped unsaid.
                try (var entries_ = java.nio.file.Files.newDirectoryStream(java.nio.file.Paths.get(folder.toUri()))) {
                    for (java.nio.file.Path entry : entries_) {
                        String name = entry.getFileName().toString();
                        if (java.nio.file.Files.isSymbolicLink(entry) && !java.nio.file.Files.exists(entry)
                                && LandingFiles.baseName(name).toLowerCase(Locale.ROOT).endsWith(extension)) {
                            links.add(refusedLink(source, name, localLinkOutside(landing, entry).orElseThrow()));
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(LandingFile::name));
        folders.sort(Comparator.naturalOrder());
        links.sort(Comparator.naturalOrder());
        return new Listing(files, folders, links);
    }

    /**
     * Where a landing entry that is a symbolic link leads, if that is outside the landing: an extract
     * is a file in the landing, and a link out of it could read any file the job may read. Links
     * within the landing are followed.
     */
    private static Optional<String> linkOutside(String landing, FileStatus entry) throws IOException {
        URI uri = entry.getPath().toUri();
        if (!"file".equals(uri.getScheme())) {
            // Hadoop's distributed file systems have no links unless enabled, and then report them.
            return entry.isSymlink() ? Optional.of(entry.getSymlink().toString()) : Optional.empty();
        }
        java.nio.file.Path link = java.nio.file.Paths.get(uri);
        return java.nio.file.Files.isSymbolicLink(link) ? localLinkOutside(landing, link) : Optional.empty();
    }

    /** Where a local link leads if that is outside the landing, or nowhere: the target, said so when it does not exist. */
    private static Optional<String> localLinkOutside(String landing, java.nio.file.Path link) throws IOException {
        java.nio.file.Path root = java.nio.file.Paths.get(URI.create(landing.endsWith("/") ? landing : landing + "/")).toRealPath();
        java.nio.file.Path target;
        try {
            target = link.toRealPath();
        }
        catch (java.nio.file.NoSuchFileException e) {
            return Optional.of(java.nio.file.Files.readSymbolicLink(link) + " (which does not exist)");
        }
        return target.startsWith(root) ? Optional.empty() : Optional.of(target.toString());
    }

    private static String refusedLink(Source source, String name, String target) {
        return "Cannot stage " + source.folder() + "/" + name + ": it is a symbolic link to " + target
                + ", outside the landing folder (an extract must be a file in the landing)";
    }

    /** What earlier runs staged for a source: its current staged and rejects tables (null if none) and its manifest entries. */
    public record Previous(Dataset<Row> staged, Dataset<Row> rejects, List<StagedFile> files) {
        public Previous {
            files = List.copyOf(requireNonNull(files, "files is null"));
        }

        public static Previous none() {
            return new Previous(null, null, List.of());
        }
    }

    /** Stages the files as a first run would: every file is read. */
    public StagingResult stage(Source source, List<LandingFile> files) {
        return stage(source, files, Previous.none(), null);
    }

    /**
     * Stages what is new. A file whose name, size and modification time match a manifest entry is not
     * read; every other file is read once, its checksum computed while reading; a file whose checksum
     * was staged before (under any name) adds no rows. The result's staged table is the previous
     * staged rows (less those of a file whose content changed) together with the new rows, newest per
     * key; its rejects likewise. A keyed source with a file whose content changed is staged again from all
     * its files instead, since the staged table keeps no older row for a key that file no longer holds. The caller writes the staged table with {@link StagedTableWriter}
     * (which rewrites only the months the changes reach, see {@link StagingResult#summariseChanges})
     * and {@link StagingResult#rejects()} (when {@link StagingResult#changed()}; the previous version's
     * files serve when {@link StagingResult#rejectsUnchanged()}), then calls {@link StagingResult#release()}.
     */
    public StagingResult stage(Source source, List<LandingFile> files, Previous previous, String runId) {
        requireNonNull(source, "source is null");
        requireNonNull(previous, "previous is null");
        Map<String, StagedFile> priorByName = new HashMap<>();
        previous.files().stream().filter(file -> file.source().equals(source.folder())).forEach(file -> priorByName.put(file.file(), file));

        List<FileReport> reports = new ArrayList<>();
        List<StagedFile> manifest = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        Map<String, long[]> stats = new HashMap<>();
        for (LandingFile file : files) {
            String name = source.folder() + "/" + file.name();
            long size = file.size();
            long modified = file.modifiedMillis();
            StagedFile prior = priorByName.get(name);
            if (prior != null && prior.size() == size && prior.modifiedMillis() == modified) {
                reports.add(new FileReport(source.folder(), name, prior.checksum(), size, FileReport.UNCHANGED, 0, 0, 0, 0, 0,
                        null, null, prior.duplicateOf(), null));
                manifest.add(prior);
                continue;
            }
            stats.put(name, new long[] {size, modified});
            uris.add(file.uri());
        }
        Set<String> reread = stats.keySet();
        // Checksums already staged by files this run does not read again.
        Map<String, String> known = new HashMap<>();
        previous.files().stream()
                .filter(file -> file.source().equals(source.folder()) && !reread.contains(file.file()) && file.duplicateOf() == null)
                .sorted(Comparator.comparing(StagedFile::file))
                .forEach(file -> known.putIfAbsent(file.checksum(), file.file()));

        StructType outcomeSchema = outcomeSchema(source);
        RowValidator validator = new RowValidator(source, reference, pseudonymiser);
        int width = StagedSchemas.validatedFields(source).size();
        // A few tasks per core, each reading several whole files in turn: one task per file made every
        // later step over the outcomes run as many tasks as there are files (365 a year of daily extracts).
        int tasks = Math.max(1, Math.min(uris.size(), spark.sparkContext().defaultParallelism() * 2));
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            numbered.add((i + 1) + " " + uris.get(i));
        }
        int total = uris.size();
        JavaRDD<Row> outcomes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(numbered, tasks)
                .mapPartitions(partition -> readFiles(source, validator, width, total, partition));
        Dataset<Row> all = spark.createDataFrame(outcomes, outcomeSchema).persist(StorageLevel.MEMORY_AND_DISK());

        // The files' own rows, one per file, each with the counts of what its task staged and rejected:
        // bounded by the number of files, and no shuffle. This reads every file, once.
        Set<String> dropped = new LinkedHashSet<>();
        List<String> replaced = new ArrayList<>();
        boolean changed = false;
        // What the files not dropped add: the rows and rejects the fresh filter below keeps, and the range of their keys.
        long freshRows = 0;
        long freshRejects = 0;
        String keyMin = null;
        String keyMax = null;
        List<Row> fileRows = new ArrayList<>(all.filter(col(KIND).equalTo(FILE))
                .select(StagedSchemas.SOURCE_FILE, "_checksum", "_rows_read", "_unknown_fields", "_refusal", "_staged", "_rejected",
                        "_no_location", "_out_of_force", "_key_min", "_key_max")
                .collectAsList());
        fileRows.sort(Comparator.comparing(row -> row.getString(0)));
        // Where rows may lie outside the force or nowhere (police.uk), the file report counts them.
        boolean placed = SourceDefinitions.of(source).placementColumn().isPresent();
        for (Row row : fileRows) {
            String name = row.getString(0);
            String checksum = row.getString(1);
            long read = row.getLong(2);
            long[] fileCounts = {row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)};
            long size = stats.get(name)[0];
            long modified = stats.get(name)[1];
            StagedFile prior = priorByName.get(name);
            Long noLocation = placed ? fileCounts[2] : null;
            Long outOfForce = placed ? fileCounts[3] : null;
            if (row.getString(4) != null) {
                reports.add(new FileReport(source.folder(), name, checksum, size, FileReport.REFUSED, read, 0, 0, 0, 0, null, null, null, row.getString(4)));
                if (prior != null) {
                    manifest.add(prior);
                }
            }
            else if (prior != null && prior.checksum().equals(checksum)) {
                // Touched but not changed: its rows are staged already.
                dropped.add(name);
                reports.add(new FileReport(source.folder(), name, checksum, size, FileReport.UNCHANGED, read, 0, 0, read, row.getLong(3),
                        null, null, prior.duplicateOf(), null));
                manifest.add(new StagedFile(prior.source(), name, checksum, size, modified, prior.duplicateOf(), prior.runId()));
            }
            else if (known.containsKey(checksum)) {
                dropped.add(name);
                String original = known.get(checksum);
                LOG.info("{} has the same content as {}: staged once", name, original);
                reports.add(new FileReport(source.folder(), name, checksum, size, FileReport.DUPLICATE, read, 0, 0, read, row.getLong(3),
                        null, null, original, null));
                manifest.add(new StagedFile(source.folder(), name, checksum, size, modified, original, runId));
                if (prior != null) {
                    replaced.add(name);
                }
            }
            else {
                known.put(checksum, name);
                changed = true;
                if (prior != null) {
                    replaced.add(name);
                }
                reports.add(new FileReport(source.folder(), name, checksum, size, FileReport.STAGED, read, fileCounts[0], fileCounts[1], 0,
                        row.getLong(3), noLocation, outOfForce, null, null));
                manifest.add(new StagedFile(source.folder(), name, checksum, size, modified, null, runId));
            }
            if (!dropped.contains(name)) {
                freshRows += fileCounts[0];
                freshRejects += fileCounts[1];
                keyMin = least(keyMin, row.getString(9));
                keyMax = greatest(keyMax, row.getString(10));
            }
        }
        changed |= !replaced.isEmpty();
        if (!replaced.isEmpty() && previous.staged() != null && !SourceDefinitions.of(source).keyColumns().isEmpty()) {
            // The staged table keeps only each key's newest row: where a changed file no longer holds a key, the
            // older file's row it had replaced is not there to fall back to. Rare (an extract sent again, changed),
            // so the source is staged again from all its files, as a first run would, and its metrics recomputed.
            LOG.info("{}: {} changed file(s) ({}); staging the source again from all {} file(s), so that each key keeps the newest row the files now hold",
                    source.folder(), replaced.size(), String.join(", ", replaced), files.size());
            all.unpersist();
            return stage(source, files, Previous.none(), runId);
        }
        reports.sort(Comparator.comparing(FileReport::file));

        List<Column> stagedColumns = new ArrayList<>();
        for (StructField field : StagedSchemas.schema(source).fields()) {
            stagedColumns.add(col(field.name()));
        }
        Column fresh = col(StagedSchemas.SOURCE_FILE).isin(dropped.toArray()).unary_$bang();
        Dataset<Row> newStaged = all.filter(col(KIND).equalTo(STAGED).and(fresh)).select(stagedColumns.toArray(Column[]::new));
        Dataset<Row> newRejects = all.filter(col(KIND).equalTo(REJECTED).and(fresh))
                .select(lit(source.folder()).as("source"), col(StagedSchemas.SOURCE_FILE).as("file"),
                        col(StagedSchemas.SOURCE_LINE).as("line"), col("_reason_code").as("reason_code"),
                        col("_column").as("column"), col("_reason").as("reason"));
        // What this run adds or takes away: its new rows, the rows of files whose content changed, and
        // older versions of the keys it restates. Metrics recompute only the periods these rows reach.
        Dataset<Row> changes = newStaged;
        Dataset<Row> newRows = newStaged;
        if (previous.staged() != null) {
            Dataset<Row> earlier = previous.staged().select(stagedColumns.toArray(Column[]::new));
            Dataset<Row> kept = earlier;
            if (!replaced.isEmpty()) {
                kept = earlier.filter(col(StagedSchemas.SOURCE_FILE).isin(replaced.toArray()).unary_$bang());
                changes = changes.unionByName(earlier.filter(col(StagedSchemas.SOURCE_FILE).isin(replaced.toArray())));
            }
            List<String> keyColumns = SourceDefinitions.of(source).keyColumns();
            if (!keyColumns.isEmpty() && keyMin != null) {
                // The range is of the first key column: a restated row has the same value there.
                String key = keyColumns.get(0);
                // No distinct: a semi join keeps each earlier row once however often its key is restated,
                // and a distinct is one more Spark job.
                Dataset<Row> keys = newStaged.select(keyColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
                // Only an earlier row in the new keys' range can be restated. Parquet skips the row groups
                // wholly outside it: where keys grow with time, most months are not read at all.
                Dataset<Row> candidates = kept.filter(col(key).between(keyMin, keyMax));
                changes = changes.unionByName(candidates.join(freshRows <= BROADCAST_KEYS_UP_TO ? broadcast(keys) : keys,
                        scala.jdk.javaapi.CollectionConverters.asScala(keyColumns).toSeq(), "left_semi"));
            }
            newStaged = kept.unionByName(newStaged);
        }
        Dataset<Row> freshRejectRows = newRejects;
        if (previous.rejects() != null) {
            newRejects = previous.rejects().filter(col("file").isin(replaced.toArray()).unary_$bang())
                    .select("source", "file", "line", "reason_code", "column", "reason").unionByName(newRejects);
        }
        return new StagingResult(source, newestPerKey(source, newStaged), newRejects, freshRejectRows, changes, all, reports, manifest, changed, newRows, replaced,
                previous.staged() != null, previous.rejects() != null && freshRejects == 0 && replaced.isEmpty());
    }

    /**
     * Across files the newer row replaces the older: by the source's version where it has one (crime's
     * extract time), then by file order.
     */
    static Dataset<Row> newestPerKey(Source source, Dataset<Row> staged) {
        SourceDefinition definition = SourceDefinitions.of(source);
        List<String> key = definition.keyColumns();
        if (key.isEmpty()) {
            return staged;
        }
        Column[] order = definition.version()
                .map(version -> new Column[] {desc(version.versionColumn()), desc(StagedSchemas.FILE_ORDER), desc(StagedSchemas.SOURCE_LINE)})
                .orElse(new Column[] {desc(StagedSchemas.FILE_ORDER), desc(StagedSchemas.SOURCE_LINE)});
        return staged.withColumn("_newest", row_number().over(Window.partitionBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).orderBy(order)))
                .filter(col("_newest").equalTo(1))
                .drop("_newest");
    }

    /**
     * Reads a task's files one after another, lazily: only the rows of the file being handed on are
     * held in memory, however many files the task has.
     */
    private static Iterator<Row> readFiles(Source source, RowValidator validator, int width, int total, Iterator<String> numberedUris) {
        Configuration configuration = new Configuration();
        FileReader reader = new FileReader(source, validator);
        SourceDefinition definition = SourceDefinitions.of(source);
        int placement = definition.placementColumn().map(StagedSchemas.columnNames(source)::indexOf).orElse(-1);
        List<String> keyColumns = definition.keyColumns();
        int key = keyColumns.isEmpty() ? -1 : StagedSchemas.columnNames(source).indexOf(keyColumns.get(0));
        // Progress while the files are read: every file of a small night, every 5% of a large first load.
        int step = Math.max(1, total / 20);
        return new Iterator<>() {
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && numberedUris.hasNext()) {
                    current = readFile(numberedUris.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }

            private List<Row> readFile(String numbered) {
                int space = numbered.indexOf(' ');
                int number = Integer.parseInt(numbered.substring(0, space));
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(numbered.substring(space + 1)));
                String name = source.folder() + "/" + path.getName();
                String fileOrder = FileNames.extractDate(path.getName()).map(LocalDate::toString).orElse("0000-00-00") + "|" + path.getName();
                List<Row> rows = new ArrayList<>();
                // Staged, rejected, and staged police.uk rows with no location or out of force; the least and greatest key staged.
                long[] counts = new long[4];
                String[] keys = new String[2];
                FileReader.FileSummary summary;
                try (InputStream input = path.getFileSystem(configuration).open(path)) {
                    summary = reader.read(name, input, (line, outcome) -> {
                        if (outcome instanceof RowOutcome.Staged staged) {
                            counts[0]++;
                            Object where = placement < 0 ? null : staged.values()[placement];
                            counts[2] += SourceDefinition.NO_LOCATION.equals(where) ? 1 : 0;
                            counts[3] += SourceDefinition.OUT_OF_FORCE.equals(where) ? 1 : 0;
                            if (key >= 0 && staged.values()[key] instanceof String value) {
                                keys[0] = least(keys[0], value);
                                keys[1] = greatest(keys[1], value);
                            }
                        }
                        else {
                            counts[1]++;
                        }
                        rows.add(outcomeRow(outcome, name, line, fileOrder, width));
                    });
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
                }
                rows.add(fileRow(name, fileOrder, summary, counts, keys, width));
                if (total <= 100 || number % step == 0 || number == total) {
                    LOG.info("{}: file {} of {} read: {} ({} rows)", source.folder(), number, total, name, summary.rowsRead());
                }
                return rows;
            }
        };
    }

    /** The lesser of two keys in {@link #BYTE_ORDER}; null stands for none. */
    private static String least(String a, String b) {
        return a == null || (b != null && BYTE_ORDER.compare(b, a) < 0) ? b : a;
    }

    /** The greater of two keys in {@link #BYTE_ORDER}; null stands for none. */
    private static String greatest(String a, String b) {
        return a == null || (b != null && BYTE_ORDER.compare(b, a) > 0) ? b : a;
    }

    /** A file's own row: its checksum, rows read, unknown fields and refusal, the counts of its rows' outcomes and its keys' range. */
    private static Row fileRow(String name, String fileOrder, FileReader.FileSummary summary, long[] counts, String[] keys, int width) {
        Object[] values = new Object[width + OUTCOME_FIELDS];
        values[width] = name;
        values[width + 1] = 0L;
        values[width + 2] = fileOrder;
        values[width + 3] = FILE;
        values[width + 7] = summary.checksum();
        values[width + 8] = summary.rowsRead();
        values[width + 9] = summary.unknownFields();
        values[width + 10] = summary.refusal();
        for (int i = 0; i < counts.length; i++) {
            values[width + 11 + i] = counts[i];
        }
        values[width + 15] = keys[0];
        values[width + 16] = keys[1];
        return RowFactory.create(values);
    }

    private static Row outcomeRow(RowOutcome outcome, String file, long line, String fileOrder, int width) {
        Object[] values = new Object[width + OUTCOME_FIELDS];
        values[width] = file;
        values[width + 1] = line;
        values[width + 2] = fileOrder;
        if (outcome instanceof RowOutcome.Staged staged) {
            Object[] typed = staged.values();
            for (int i = 0; i < width; i++) {
                // Spark's row encoder takes arrays, not java.util.List, for array columns.
                values[i] = typed[i] instanceof List<?> list ? list.toArray(String[]::new) : typed[i];
            }
            values[width + 3] = STAGED;
        }
        else {
            RowOutcome.Rejected rejected = (RowOutcome.Rejected) outcome;
            values[width + 3] = REJECTED;
            values[width + 4] = rejected.reason().name();
            values[width + 5] = rejected.column();
            values[width + 6] = rejected.message();
        }
        return RowFactory.create(values);
    }

    private static StructType outcomeSchema(Source source) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : StagedSchemas.validatedFields(source)) {
            fields.add(field.nullable() ? field : DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField(StagedSchemas.SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(StagedSchemas.SOURCE_LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(StagedSchemas.FILE_ORDER, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("_reason_code", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_column", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_reason", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_checksum", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_rows_read", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("_unknown_fields", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("_refusal", DataTypes.StringType, true));
        for (String count : List.of("_staged", "_rejected", "_no_location", "_out_of_force")) {
            fields.add(DataTypes.createStructField(count, DataTypes.LongType, true));
        }
        fields.add(DataTypes.createStructField("_key_min", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("_key_max", DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }
}
