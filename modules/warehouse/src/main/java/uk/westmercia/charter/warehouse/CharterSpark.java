package uk.westmercia.charter.warehouse;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The one way this project builds a SparkSession, so jobs and tests run with the same settings.
 * Under spark-submit the master comes from the submit command; otherwise local mode on every core.
 */
public final class CharterSpark {
    private CharterSpark() {
    }

    public static SparkSession session(String appName, Optional<String> master) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        boolean submitted = System.getProperty("spark.master") != null;
        String effectiveMaster = master.orElse(submitted ? System.getProperty("spark.master") : "local[*]");
        builder.master(effectiveMaster);
        boolean local = effectiveMaster.startsWith("local");
        int cores = Runtime.getRuntime().availableProcessors();
        return builder
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
                .config("spark.ui.enabled", local ? "false" : "true")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.hadoop.parquet.summary.metadata.level", "NONE")
                .getOrCreate();
    }
}
