package uk.westmercia.charter.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes run reports: the JSON file by rename (never half-written) and a row in the Delta table {@code runs/run_reports}. */
public final class RunReports {
    public static final String TABLE = "run_reports";
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("job", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("ended_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true),
            DataTypes.createStructField("report_json", DataTypes.StringType, false)));

    private RunReports() {
    }

    public static String jsonLocation(Warehouse warehouse, String runId) {
        return warehouse.runReportLocation(runId);
    }

    /**
     * Writes the JSON report through the warehouse's file system (written beside, then renamed into
     * place) and appends its row to {@code runs/run_reports}, a Delta table. Returns the JSON's location.
     */
    public static String write(Warehouse warehouse, RunReport report, SparkSession spark) {
        String target = jsonLocation(warehouse, report.runId);
        String json;
        try {
            json = JSON.writeValueAsString(report);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write run report " + target + ": " + e.getMessage(), e);
        }
        Configuration configuration = spark != null ? spark.sparkContext().hadoopConfiguration() : new Configuration();
        writeText(configuration, target, json + System.lineSeparator());
        if (spark != null) {
            Row row = RowFactory.create(report.runId, report.job, report.status, report.startedAt,
                    report.endedAt, report.error, json);
            spark.createDataFrame(List.of(row), SCHEMA).coalesce(1).write().format("delta").mode(SaveMode.Append)
                    .option("userMetadata", report.runId)
                    .save(warehouse.location(WarehouseTables.RUN_REPORTS));
        }
        return target;
    }

    /** Writes a small text file through Hadoop's file system: beside the target, then renamed over it. */
    public static void writeText(Configuration configuration, String location, String text) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
        org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".tmp");
        try {
            FileSystem fs = target.getFileSystem(configuration);
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(target, false);
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename of " + temporary + " refused");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + location + ": " + e.getMessage(), e);
        }
    }

    /** Reads a small text file through Hadoop's file system. */
    public static String readText(Configuration configuration, String location) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        try (InputStream in = path.getFileSystem(configuration).open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
