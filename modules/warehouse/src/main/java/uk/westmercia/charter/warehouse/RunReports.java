package uk.westmercia.charter.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes run reports: the JSON file by rename (never half-written) and a row in the Parquet table. */
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

    public static Path jsonPath(Warehouse warehouse, String runId) {
        return warehouse.runsPath().resolve(runId + ".json");
    }

    public static Path write(Warehouse warehouse, RunReport report, SparkSession spark) {
        Path target = jsonPath(warehouse, report.runId);
        String json;
        try {
            json = JSON.writeValueAsString(report);
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(temporary, json + System.lineSeparator());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write run report " + target + ": " + e.getMessage(), e);
        }
        if (spark != null) {
            Row row = RowFactory.create(report.runId, report.job, report.status, report.startedAt,
                    report.endedAt, report.error, json);
            spark.createDataFrame(List.of(row), SCHEMA).coalesce(1).write().mode(SaveMode.Append)
                    .parquet(warehouse.runsPath().resolve(TABLE).toString());
        }
        return target;
    }
}
