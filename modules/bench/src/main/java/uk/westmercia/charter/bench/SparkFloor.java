package uk.westmercia.charter.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.substring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The least any Spark job on this machine takes over a landing, for jobs/bench to set beside the DuckDB script: every
 * source folder's files read once with Spark's own CSV and JSON readers (every column as text, no rule of the
 * contract checked), each row given its file's name, each source written as Parquet (not Delta) and counted by
 * month of its date column. No validation, rejects, pseudonymisation, Delta log or metric. The landing's small files
 * are packed into partitions of up to 80 MiB, as Spark would not by default (it counts 4 MiB to open each file):
 * 60 s against 69 to 72 s at scale 1 in a trial. The time is the whole process's, as the nightly's and the DuckDB
 * script's are.
 */
public final class SparkFloor {

    /** The landing's data folders (data-contract section 2; reference/ left out), each with the date column its rows are counted by. */
    static final Map<String, String> SOURCES = sources();

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("crime", "recorded_date");
        sources.put("policeuk", "Month");
        sources.put("contacts", "received_at");
        sources.put("engagement", "date");
        sources.put("survey-public", "interview_date");
        sources.put("survey-parish", "response_date");
        sources.put("patrols", "started_at");
        sources.put("priorities", "event_date");
        sources.put("neighbourhood-matters", "month");
        return Collections.unmodifiableMap(sources);
    }

    private SparkFloor() {
    }

    /** {@code --landing DIR --out DIR}: prints one line per source and the rows read; exit 0. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("--landing") || !args[2].equals("--out")) {
            System.err.println("usage: SparkFloor --landing DIR --out DIR");
            System.exit(2);
            return;
        }
        Path landing = Paths.get(args[1]).toAbsolutePath();
        Path out = Paths.get(args[3]).toAbsolutePath();
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("spark-floor")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.openCostInBytes", "0")
                .config("spark.sql.files.maxPartitionBytes", Long.toString(80L << 20))
                .config("spark.sql.session.timeZone", "Europe/London")
                .getOrCreate();
        long rows = 0;
        for (Map.Entry<String, String> entry : SOURCES.entrySet()) {
            String source = entry.getKey();
            Path folder = landing.resolve(source);
            String first = firstFile(folder);
            if (first == null) {
                continue;
            }
            long began = System.nanoTime();
            Dataset<Row> read;
            if (first.endsWith(".jsonl") || first.endsWith(".jsonl.gz")) {
                // The schema of one file, so the JSON reader does not read every file twice to infer it.
                StructType schema = spark.read().json(folder.resolve(first).toString()).schema();
                read = spark.read().schema(schema).option("pathGlobFilter", "*.jsonl*").json(folder.toString());
            } else {
                read = spark.read().option("header", "true").option("pathGlobFilter", "*.csv*").csv(folder.toString());
            }
            // Counted by the first seven characters of its date column: the month, but for survey-parish's dd/MM/yyyy.
            read.withColumn("source_file", input_file_name()).withColumn("record_month", substring(col(entry.getValue()), 1, 7))
                    .write().mode("overwrite").parquet(out.resolve(source).toString());
            List<Row> months = spark.read().parquet(out.resolve(source).toString()).groupBy("record_month").count().collectAsList();
            long sourceRows = months.stream().mapToLong(row -> row.getLong(1)).sum();
            rows += sourceRows;
            System.out.printf(Locale.ROOT, "spark floor: %s: %d rows, %d months, %.1f s%n", source, sourceRows, months.size(),
                    (System.nanoTime() - began) / 1e9);
        }
        spark.stop();
        System.out.printf(Locale.ROOT, "spark floor: %d rows in %.3f s (in-process)%n", rows, (System.nanoTime() - start) / 1e9);
    }

    /** The first data file of a source folder by name, or null when it has none. */
    private static String firstFile(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches(".*\\.(csv|jsonl)(\\.gz)?"))
                    .sorted().findFirst().orElse(null);
        }
    }
}
