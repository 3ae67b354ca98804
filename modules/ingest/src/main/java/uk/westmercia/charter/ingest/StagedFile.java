package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One entry of the manifest of staged files ({@code staged/_files}): a landing file whose rows are in
 * the staged and rejects tables. A file whose name, size and modification time match an entry is not
 * read again; a file whose content checksum matches an entry is read but its rows are not staged again.
 */
public record StagedFile(String source, String file, String checksum, long size, long modifiedMillis, String duplicateOf, String runId)
        implements Serializable {
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("checksum", DataTypes.StringType, false),
            DataTypes.createStructField("size", DataTypes.LongType, false),
            DataTypes.createStructField("modified_millis", DataTypes.LongType, false),
            DataTypes.createStructField("duplicate_of", DataTypes.StringType, true),
            DataTypes.createStructField("run_id", DataTypes.StringType, true)));

    public StagedFile {
        requireNonNull(source, "source is null");
        requireNonNull(file, "file is null");
        requireNonNull(checksum, "checksum is null");
    }

    public static Dataset<Row> toDataset(SparkSession spark, List<StagedFile> files) {
        List<Row> rows = new ArrayList<>();
        for (StagedFile file : files) {
            rows.add(RowFactory.create(file.source, file.file, file.checksum, file.size, file.modifiedMillis, file.duplicateOf, file.runId));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    public static List<StagedFile> fromDataset(Dataset<Row> manifest) {
        List<StagedFile> files = new ArrayList<>();
        for (Row row : manifest.select("source", "file", "checksum", "size", "modified_millis", "duplicate_of", "run_id").collectAsList()) {
            files.add(new StagedFile(row.getString(0), row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                    row.getString(5), row.getString(6)));
        }
        return files;
    }
}
