package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.westmercia.charter.metrics.MetricTestSupport.CRIME;
import static uk.westmercia.charter.metrics.MetricTestSupport.ENGAGEMENT;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.reference;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

/** The first and last record dates, read from the end months of a table partitioned by record month. */
@ExtendWith(SharedSparkSession.class)
class RecordRangeTest {
    private static Row crime(String ref, String date, String status) {
        return row(ref, d(date), "Burglary", "S1", "HER", null, null, null, false, false, null, status);
    }

    private static Dataset<Row> partitioned(SparkSession spark, Path folder, Row... crimes) {
        table(spark, CRIME, crimes).withColumn("record_month", date_format(col("recorded_date"), "yyyy-MM"))
                .write().partitionBy("record_month").parquet(folder.toString());
        return spark.read().parquet(folder.toString());
    }

    /** The rows metrics count, with their record date, as the context holds them. */
    private static Dataset<Row> counted(Dataset<Row> staged) {
        return staged.filter(col("status").equalTo("recorded")).withColumn("_record_date", col("recorded_date"));
    }

    @Test
    void rangeComesFromTheFirstAndLastMonths(SparkSession spark, @TempDir Path folder) {
        Dataset<Row> staged = partitioned(spark, folder.resolve("crime"),
                crime("c1", "2024-01-20", "recorded"), crime("c2", "2024-01-09", "recorded"),
                crime("c3", "2024-02-15", "recorded"), crime("c4", "2024-03-02", "recorded"), crime("c5", "2024-03-30", "recorded"));
        MetricContext context = new MetricContext(spark, reference(), d("2024-12-31"), Map.of(Source.CRIME, staged));
        assertThat(context.range(Source.CRIME)).hasValueSatisfying(range ->
                assertThat(range).containsExactly(LocalDate.of(2024, 1, 9), LocalDate.of(2024, 3, 30)));
        // Read from January and March only.
        assertThat(MetricContext.rangeFromEndMonths(counted(staged))).isPresent();
    }

    @Test
    void aFirstMonthOfCancelledCrimesOnlyFallsBackToEveryMonth(SparkSession spark, @TempDir Path folder) {
        // January holds only a cancelled crime, which counts nowhere: the range starts in February.
        Dataset<Row> staged = partitioned(spark, folder.resolve("crime"),
                crime("c1", "2024-01-20", "cancelled"), crime("c2", "2024-02-15", "recorded"), crime("c3", "2024-03-02", "recorded"));
        MetricContext context = new MetricContext(spark, reference(), d("2024-12-31"), Map.of(Source.CRIME, staged));
        assertThat(context.range(Source.CRIME)).hasValueSatisfying(range ->
                assertThat(range).containsExactly(LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 2)));
        assertThat(MetricContext.rangeFromEndMonths(counted(staged))).isEmpty();
    }

    @Test
    void everySourcesRangeAtOnceFallingBackWhereTheEndMonthsGiveNone(SparkSession spark, @TempDir Path folder) {
        // Crime's first month holds only a cancelled crime: its range is read from every month.
        Dataset<Row> crime = partitioned(spark, folder.resolve("crime"),
                crime("c1", "2024-01-20", "cancelled"), crime("c2", "2024-02-15", "recorded"), crime("c3", "2024-03-02", "recorded"));
        String engagementFolder = folder.resolve("engagement").toString();
        table(spark, ENGAGEMENT,
                row("e1", d("2023-11-05"), "meeting", "HER", "S1", null, "held", null, false, null, 0.0),
                row("e2", d("2023-11-01"), "meeting", "HER", "S1", null, "held", null, false, null, 0.0),
                row("e3", d("2024-04-30"), "meeting", "HER", "S1", null, "held", null, false, null, 0.0))
                .withColumn("record_month", date_format(col("date"), "yyyy-MM"))
                .write().partitionBy("record_month").parquet(engagementFolder);
        MetricContext context = new MetricContext(spark, reference(), d("2024-12-31"),
                Map.of(Source.CRIME, crime, Source.ENGAGEMENT, spark.read().parquet(engagementFolder)));
        assertThat(context.firstRecordDates()).containsExactly(
                Map.entry("crime", LocalDate.of(2024, 2, 15)), Map.entry("engagement", LocalDate.of(2023, 11, 1)));
        assertThat(context.range(Source.CRIME)).hasValueSatisfying(range ->
                assertThat(range).containsExactly(LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 2)));
        assertThat(context.range(Source.ENGAGEMENT)).hasValueSatisfying(range ->
                assertThat(range).containsExactly(LocalDate.of(2023, 11, 1), LocalDate.of(2024, 4, 30)));
    }
}
