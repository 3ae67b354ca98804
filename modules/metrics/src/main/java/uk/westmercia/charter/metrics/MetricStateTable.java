package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code metrics/_state}: one row, the {@link MetricState} behind the published metric_values. */
public final class MetricStateTable {
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("as_of", DataTypes.DateType, false),
            DataTypes.createStructField("code_version", DataTypes.StringType, false),
            DataTypes.createStructField("catalogue_sha256", DataTypes.StringType, false),
            DataTypes.createStructField("reference_sha256", DataTypes.StringType, false),
            DataTypes.createStructField("first_record_dates", DataTypes.createMapType(DataTypes.StringType, DataTypes.DateType, false), false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false)));

    private MetricStateTable() {
    }

    public static Dataset<Row> toDataset(SparkSession spark, MetricState state, String runId) {
        requireNonNull(state, "state is null");
        requireNonNull(runId, "runId is null");
        Row row = RowFactory.create(state.asOf(), state.codeVersion(), state.catalogueSha256(), state.referenceSha256(),
                scala.jdk.javaapi.CollectionConverters.asScala(state.firstRecordDates()), runId);
        return spark.createDataFrame(List.of(row), SCHEMA);
    }

    /** The state in a table written by {@link #toDataset}; empty if the table has no row. */
    public static Optional<MetricState> fromDataset(Dataset<Row> table) {
        List<Row> rows = table.select("as_of", "code_version", "catalogue_sha256", "reference_sha256", "first_record_dates").limit(2).collectAsList();
        if (rows.size() != 1) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        Map<String, LocalDate> dates = row.getJavaMap(4);
        return Optional.of(MetricState.of(row.getAs(0), row.getString(1), row.getString(2), row.getString(3), dates));
    }
}
