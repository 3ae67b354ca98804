package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.westmercia.charter.metrics.MetricTestSupport.CONTACTS;
import static uk.westmercia.charter.metrics.MetricTestSupport.CRIME;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class UnreadColumnsTest {
    private static final String LINEAGE = ", source_file string, source_line bigint, file_order string";

    @Test
    void leavesOutLineageAndTheIdentifiersNoMetricNames(SparkSession spark) {
        Dataset<Row> crime = table(spark, CRIME + LINEAGE);
        Dataset<Row> contacts = table(spark, CONTACTS + LINEAGE);
        MetricContext context = new MetricContext(spark, MetricTestSupport.reference(), MetricTestSupport.d("2024-06-30"),
                Map.of(Source.CRIME, crime, Source.CONTACTS, contacts));

        // Repeat shares count by victim, location and offender: the catalogue names those three keys.
        assertThat(new MetricEngine(Catalogue.bundled()).unread(context))
                .containsExactlyInAnyOrder("source_file", "source_line", "file_order", "crime_ref", "contact_id");
    }

    @Test
    void keepsAnIdentifierOnceAMetricNamesIt(SparkSession spark) {
        MetricContext context = new MetricContext(spark, MetricTestSupport.reference(), MetricTestSupport.d("2024-06-30"),
                Map.of(Source.CRIME, table(spark, CRIME)));
        Catalogue repeatsOnly = new Catalogue("test", "none", java.util.List.of(Catalogue.bundled().metric("PRV-01").orElseThrow()));

        // PRV-01 counts repeat victims: victim_id is read; the offender and location keys of PRV-02 and PRV-03 are not.
        assertThat(new MetricEngine(repeatsOnly).unread(context))
                .contains("crime_ref", "offender_id", "location_id")
                .doesNotContain("victim_id", "category", "recorded_date");
    }
}
