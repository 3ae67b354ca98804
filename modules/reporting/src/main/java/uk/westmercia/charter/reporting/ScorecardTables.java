package uk.westmercia.charter.reporting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** The Spark side of the scorecard: reads metric values at their published version, commits the reporting tables. */
public final class ScorecardTables {
    public static final TableName METRIC_VALUES = TableName.metrics("metric_values");
    public static final TableName SCORECARD = TableName.metrics("scorecard");
    public static final TableName AREA_COMPARISON = TableName.metrics("area_comparison");
    public static final TableName THEME_SCORES = TableName.metrics("theme_scores");
    public static final String SCORECARD_RUN_ID = "scorecard_run_id";

    private final SparkSession spark;
    private final WarehouseTables tables;

    public ScorecardTables(WarehouseTables tables) {
        this.tables = tables;
        this.spark = tables.spark();
    }

    /** The published metric_values, collected: bounded by metrics, areas and periods, not by input rows. */
    public List<MetricValue> readMetricValues() {
        return readMetricValues(tables.read(METRIC_VALUES));
    }

    /** metric_values as a given publication left them (a scorecard rebuilt from an earlier run's figures). */
    public List<MetricValue> readMetricValues(Publication publication) {
        return readMetricValues(tables.read(METRIC_VALUES, publication));
    }

    /** The version of metric_values this run committed, before it is published (the nightly's theme scores are drawn from it). */
    public List<MetricValue> readCommittedMetricValues() {
        return readMetricValues(tables.readCommitted(METRIC_VALUES));
    }

    private List<MetricValue> readMetricValues(Dataset<Row> table) {
        return table.collectAsList().stream().map(MetricValue::fromRow).toList();
    }

    /** The scorecard run ids and nightly run ids of the rows already published for a quarter (empty if none). */
    public List<Row> publishedQuarter(String quarter) {
        if (!tables.exists(SCORECARD)) {
            return List.of();
        }
        return tables.read(SCORECARD)
                .filter(col("quarter").equalTo(quarter))
                .select(SCORECARD_RUN_ID, "source_run_id").distinct().collectAsList();
    }

    /**
     * Commits a per-quarter table: the rows of the other quarters as published, plus this quarter's
     * rows. Returns the number of rows written.
     */
    public <T extends Record> long writeQuarterVersion(TableName table, String runId, String quarter, List<T> records, Class<T> type) {
        Dataset<Row> fresh = spark.createDataFrame(RecordRows.rows(records, type), RecordRows.schema(type))
                .withColumn(SCORECARD_RUN_ID, lit(runId));
        Dataset<Row> all = fresh;
        if (tables.exists(table)) {
            Dataset<Row> kept = tables.read(table).filter(col("quarter").notEqual(quarter));
            all = kept.unionByName(fresh, true);
        }
        Dataset<Row> cached = all.orderBy("quarter").cache();
        long count = cached.count();
        tables.overwrite(table, cached.coalesce(1));
        cached.unpersist();
        return count;
    }

    /** Commits a whole table from records built on the driver. Returns the number of rows written: the records'. */
    public <T extends Record> long writeVersion(TableName table, String runId, List<T> records, Class<T> type) {
        tables.overwrite(table, spark.createDataFrame(RecordRows.rows(records, type), RecordRows.schema(type))
                .withColumn("run_id", lit(runId)).coalesce(1));
        return records.size();
    }
}
