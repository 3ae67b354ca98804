package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
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

    private final SparkSession spark;
    private final ReferenceLookup reference;
    private final Pseudonymiser pseudonymiser;

    public Stager(SparkSession spark, ReferenceLookup reference, Pseudonymiser pseudonymiser) {
        this.spark = requireNonNull(spark, "spark is null");
        this.reference = requireNonNull(reference, "reference is null");
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser is null");
    }

    /** The landing files of a source, in name order; empty when the folder is absent. */
    public static List<Path> landingFiles(Path landing, Source source) {
        Path folder = landing.resolve(source.folder());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String extension = source.isJsonLines() ? ".jsonl" : ".csv";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> LandingFiles.baseName(file.getFileName().toString()).toLowerCase(Locale.ROOT).endsWith(extension))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads the files; the caller writes {@link StagingResult#staged()} and {@link StagingResult#rejects()} and then calls {@link StagingResult#release()}. */
    public StagingResult stage(Source source, List<Path> files) {
        requireNonNull(source, "source is null");
        List<String> uris = files.stream().map(file -> file.toUri().toString()).toList();
        StructType outcomeSchema = outcomeSchema(source);
        RowValidator validator = new RowValidator(source, reference, pseudonymiser);
        int width = StagedSchemas.validatedFields(source).size();

        JavaRDD<Row> outcomes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(uris, Math.max(1, uris.size()))
                .mapPartitions(partition -> readFiles(source, validator, width, partition));
        Dataset<Row> all = spark.createDataFrame(outcomes, outcomeSchema).persist(StorageLevel.MEMORY_AND_DISK());

        List<Column> stagedColumns = new ArrayList<>();
        for (StructField field : StagedSchemas.schema(source).fields()) {
            stagedColumns.add(col(field.name()));
        }
        Dataset<Row> staged = newestPerKey(source, all.filter(col(KIND).equalTo(STAGED)).select(stagedColumns.toArray(Column[]::new)));
        Dataset<Row> rejects = all.filter(col(KIND).equalTo(REJECTED))
                .select(lit(source.folder()).as("source"), col(StagedSchemas.SOURCE_FILE).as("file"),
                        col(StagedSchemas.SOURCE_LINE).as("line"), col("_reason_code").as("reason_code"),
                        col("_column").as("column"), col("_reason").as("reason"));
        return new StagingResult(source, staged, rejects, all, () -> fileReports(source, all));
    }

    /** Across files the newer row replaces the older: crime by extracted_at, others by file order. */
    private static Dataset<Row> newestPerKey(Source source, Dataset<Row> staged) {
        String key = SourceSchemas.keyColumn(source);
        if (key == null) {
            return staged;
        }
        Column[] order = source == Source.CRIME
                ? new Column[] {desc("version_at"), desc(StagedSchemas.FILE_ORDER), desc(StagedSchemas.SOURCE_LINE)}
                : new Column[] {desc(StagedSchemas.FILE_ORDER), desc(StagedSchemas.SOURCE_LINE)};
        return staged.withColumn("_newest", row_number().over(Window.partitionBy(key).orderBy(order)))
                .filter(col("_newest").equalTo(1))
                .drop("_newest");
    }

    private static List<FileReport> fileReports(Source source, Dataset<Row> all) {
        Map<String, long[]> counts = new HashMap<>();
        // One row per file and kind: bounded by the number of files.
        for (Row row : all.filter(col(KIND).notEqual(FILE)).groupBy(StagedSchemas.SOURCE_FILE, KIND).agg(count(lit(1)).as("n")).collectAsList()) {
            long[] fileCounts = counts.computeIfAbsent(row.getString(0), file -> new long[2]);
            fileCounts[STAGED.equals(row.getString(1)) ? 0 : 1] += row.getLong(2);
        }
        List<FileReport> reports = new ArrayList<>();
        for (Row row : all.filter(col(KIND).equalTo(FILE))
                .select(StagedSchemas.SOURCE_FILE, "_checksum", "_rows_read", "_unknown_fields", "_refusal")
                .orderBy(StagedSchemas.SOURCE_FILE).collectAsList()) {
            long[] fileCounts = counts.getOrDefault(row.getString(0), new long[2]);
            reports.add(new FileReport(source.folder(), row.getString(0), row.getString(1), row.getLong(2),
                    fileCounts[0], fileCounts[1], row.getLong(3), row.getString(4)));
        }
        return reports;
    }

    private static Iterator<Row> readFiles(Source source, RowValidator validator, int width, Iterator<String> uris) throws IOException {
        List<Row> rows = new ArrayList<>();
        Configuration configuration = new Configuration();
        FileReader reader = new FileReader(source, validator);
        while (uris.hasNext()) {
            URI uri = URI.create(uris.next());
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
            String name = source.folder() + "/" + path.getName();
            String fileOrder = FileNames.extractDate(path.getName()).map(LocalDate::toString).orElse("0000-00-00") + "|" + path.getName();
            FileSystem fileSystem = path.getFileSystem(configuration);
            FileReader.FileSummary summary;
            try (InputStream input = fileSystem.open(path)) {
                summary = reader.read(name, input, (line, outcome) -> rows.add(outcomeRow(outcome, name, line, fileOrder, width)));
            }
            Object[] values = new Object[width + 10];
            values[width] = name;
            values[width + 1] = 0L;
            values[width + 2] = fileOrder;
            values[width + 3] = FILE;
            values[width + 7] = summary.checksum();
            values[width + 8] = summary.rowsRead();
            values[width + 9] = summary.unknownFields();
            rows.add(withRefusal(values, summary.refusal(), width));
        }
        return rows.iterator();
    }

    private static Row withRefusal(Object[] values, String refusal, int width) {
        Object[] all = java.util.Arrays.copyOf(values, width + 11);
        all[width + 10] = refusal;
        return RowFactory.create(all);
    }

    private static Row outcomeRow(RowOutcome outcome, String file, long line, String fileOrder, int width) {
        Object[] values = new Object[width + 11];
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
        return DataTypes.createStructType(fields);
    }
}
