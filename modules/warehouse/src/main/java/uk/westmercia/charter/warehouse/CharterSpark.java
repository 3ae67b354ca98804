package uk.westmercia.charter.warehouse;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this project builds a SparkSession, so jobs and tests run with the same settings.
 * Under spark-submit the master comes from the submit command; otherwise local mode on every core.
 */
public final class CharterSpark {
    private static final Logger LOG = LoggerFactory.getLogger(CharterSpark.class);
    /** The jar a standalone cluster's executors load this project's code from, when not run by spark-submit. */
    public static final String APP_JAR_PROPERTY = "charter.app.jar";
    public static final String CLUSTER_JAR = "charter-jobs-cluster.jar";
    private static final String PAGE_SIZE = "spark.buffer.pageSize";

    private CharterSpark() {
    }

    public static SparkSession session(String appName, Optional<String> master) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        boolean submitted = System.getProperty("spark.master") != null;
        String effectiveMaster = master.orElse(submitted ? System.getProperty("spark.master") : "local[*]");
        builder.master(effectiveMaster);
        boolean local = effectiveMaster.startsWith("local");
        int cores = Runtime.getRuntime().availableProcessors();
        if (!local && System.getProperty("spark.jars") == null) {
            // Started by jobs/charter with --master spark://...: ship the code to the executors ourselves.
            // (Spark itself adds the JVM module options Java 17 needs to spark.executor.extraJavaOptions.)
            Optional<Path> jar = applicationJar();
            if (jar.isPresent()) {
                LOG.info("Shipping {} to the executors of {}", jar.get(), effectiveMaster);
                builder.config("spark.jars", jar.get().toUri().toString());
            }
            else {
                LOG.warn("No application jar found for {}: set -D{}=<charter-jobs-cluster.jar> unless the executors have this project's classes",
                        effectiveMaster, APP_JAR_PROPERTY);
            }
        }
        if (local && System.getProperty(PAGE_SIZE) == null) {
            // Spark sizes memory pages from heap and cores: 64 MiB here, and every broadcast join's hash
            // table takes a whole page, even for a grid of a dozen rows. A nightly builds some two hundred.
            builder.config(PAGE_SIZE, "2m");
        }
        return builder
                // Every warehouse table is a Delta table, read and written by path: no catalog service.
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // A table's state is rebuilt from its log in a Spark job on every first read: 50 partitions by
                // default, each a task, for logs of a few dozen commits. Two are plenty locally.
                .config("spark.databricks.delta.snapshotPartitions", local ? "2" : "16")
                // After each commit Delta rebuilt the whole table state in a Spark job to check the one it derived
                // from the commit: a second or more per commit on 2 cores, for a check of Delta's own bookkeeping.
                .config("spark.databricks.delta.incremental.commit.verify", "false")
                // Nor rebuild it before a commit to validate the version checksum every few commits.
                .config("spark.databricks.delta.versionChecksum.forcedValidationInterval", "-1")
                // Events are London dates; timestamps are instants shown in London time.
                .config("spark.sql.session.timeZone", "Europe/London")
                .config("spark.sql.datetime.java8API.enabled", "true")
                // Readable by any Parquet tool: no INT96 timestamps.
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                // A few partitions per core locally; adaptive execution coalesces on a cluster too.
                .config("spark.sql.shuffle.partitions", local ? Integer.toString(Math.max(4, cores * 2)) : "64")
                .config("spark.sql.autoBroadcastJoinThreshold", Long.toString(32L << 20))
                // A union of co-partitioned children (each metric's repeat window, say) would otherwise run
                // every child's partition in one task, each sort holding memory at once: out of memory at scale 1.
                .config("spark.sql.unionOutputPartitioning", "false")
                .config("spark.ui.enabled", local ? "false" : "true")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.hadoop.parquet.summary.metadata.level", "NONE")
                // Partition values stay strings: record_month=2024-05 is a month label, not a date to guess at.
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                // A staged table has a folder per month: listing them on the driver takes milliseconds, a Spark job for it up to a second.
                .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024")
                // Delta's VACUUM lists a table's folders in a Spark job of this many tasks (10,000 by default):
                // minutes of empty tasks on 2 cores for a table of a few dozen folders.
                .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", local ? Integer.toString(Math.max(2, cores)) : "200")
                // Stages whose generated code is the same but for their number share one compiled class:
                // a nightly compiles about 16% fewer classes (BENCHMARKS.md).
                .config("spark.sql.codegen.useIdInClassName", "false")
                .getOrCreate();
    }

    /**
     * Hadoop settings as a Spark session would have them, for file system access before one exists:
     * core-site.xml and the {@code spark.hadoop.*} properties spark-submit sets.
     */
    public static org.apache.hadoop.conf.Configuration hadoopConfiguration() {
        org.apache.hadoop.conf.Configuration configuration = new org.apache.hadoop.conf.Configuration();
        for (java.util.Map.Entry<Object, Object> entry : System.getProperties().entrySet()) {
            String key = entry.getKey().toString();
            if (key.startsWith("spark.hadoop.")) {
                configuration.set(key.substring("spark.hadoop.".length()), entry.getValue().toString());
            }
        }
        return configuration;
    }

    /**
     * The jar executors need: {@code -Dcharter.app.jar}, else the cluster jar beside the runnable jar
     * (this class then lives in {@code target/lib/}), else the jar this class was loaded from.
     */
    static Optional<Path> applicationJar() {
        String property = System.getProperty(APP_JAR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath());
        }
        try {
            var source = CharterSpark.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            Path parent = location.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("lib")) {
                Path cluster = parent.resolveSibling(CLUSTER_JAR);
                if (Files.isRegularFile(cluster)) {
                    return Optional.of(cluster);
                }
                return Optional.empty();
            }
            return Optional.of(location);
        }
        catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
