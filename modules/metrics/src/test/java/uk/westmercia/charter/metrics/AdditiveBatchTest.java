package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.CONTACTS;
import static uk.westmercia.charter.metrics.MetricTestSupport.POLICEUK;
import static uk.westmercia.charter.metrics.MetricTestSupport.computeTogether;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.t;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

/** Additive metrics of different sources share one batch: each keeps its own source's rows and periods. */
@ExtendWith(SharedSparkSession.class)
class AdditiveBatchTest {
    private static Row call(String id, String snt, String received, String answered) {
        return row(id, t(received), "999", "emergency", snt, "HER", answered == null ? null : t(answered), false, null, null);
    }

    @Test
    void metricsOfSourcesWithDifferentRangesComputedTogether(SparkSession spark) {
        Map<Source, Dataset<Row>> staged = new EnumMap<>(Source.class);
        // Crimes from 2023-04-03 only (the fixture of CrimeRatesAndHarmTest): c1, c2 recorded in S1, c3 ASB, c4 cancelled.
        staged.put(Source.CRIME, CrimeRatesAndHarmTest.crimes(spark));
        // 999 calls a year earlier than any crime, and in April 2023.
        staged.put(Source.CONTACTS, table(spark, CONTACTS,
                // April 2022: a1 answered in 5 s, a2 in 20 s -> 1/2.
                call("a1", "S1", "2022-04-10T10:00:00", "2022-04-10T10:00:05"),
                call("a2", "S1", "2022-04-11T10:00:00", "2022-04-11T10:00:20"),
                // April 2023: b1 in 10 s -> 1/1.
                call("b1", "S1", "2023-04-12T10:00:00", "2023-04-12T10:00:10")));

        Map<String, Row> values = computeTogether(spark, List.of("VIS-05", "PRV-04", "VUL-02"), d("2023-06-30"), staged);

        // VIS-05 reports from its own source's first record: April 2022, 1 of 2; April 2023, 1 of 1.
        assertThat(numerator(values, "VIS-05/force/WM/2022-04")).isEqualTo(1.0);
        assertThat(denominator(values, "VIS-05/force/WM/2022-04")).isEqualTo(2.0);
        assertThat(value(values, "VIS-05/snt/S1/2023-04")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "VIS-05/force/WM/2022-23")).isCloseTo(50.0, within(1e-9));
        // PRV-04 and VUL-02 report from April 2023, as computed alone: no period of the calls' year.
        assertThat(values).doesNotContainKeys("PRV-04/force/WM/2022-04", "PRV-04/force/WM/2022-23", "VUL-02/force/WM/2022-23");
        assertThat(value(values, "PRV-04/snt/S1/2023-04")).isCloseTo(2.0, within(1e-9));
        assertThat(value(values, "PRV-04/force/WM/2023-24 Q1")).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(value(values, "PRV-04/snt/S3/2023-04")).isCloseTo(0.0, within(1e-9));
        // VUL-02: harm 10 + 20 in S1 per 1,000 people; the calls add nothing to it.
        assertThat(value(values, "VUL-02/snt/S1/2023-04")).isCloseTo(30.0, within(1e-9));
        // Every cell of each metric's own grid, no more: 9 areas (the force, 5 LPAs, 3 SNTs) by the periods
        // from its source's first record to its last. VIS-05: April 2022 to April 2023, 13 months, 5 quarters
        // and 2 years. PRV-04: April 2023, 1 month, 1 quarter and 1 year.
        assertThat(values.keySet().stream().filter(key -> key.startsWith("VIS-05/")).count()).isEqualTo(9 * (13 + 5 + 2));
        assertThat(values.keySet().stream().filter(key -> key.startsWith("PRV-04/")).count()).isEqualTo(9 * (1 + 1 + 1));
    }

    @Test
    void policeUkRatesBesideContactsKeepDistrictPopulationsAndNoSnts(SparkSession spark) {
        Map<Source, Dataset<Row>> staged = new EnumMap<>(Source.class);
        // No force extract: PRV-04 reads police.uk street crimes, which have LPAs (by district) but no SNT.
        staged.put(Source.POLICEUK, table(spark, POLICEUK,
                row("u1", d("2023-04-01"), "Burglary", "HER", "Herefordshire", "E01", "L1", "lpa"),
                row("u2", d("2023-04-01"), "Burglary", "HER", "Herefordshire", "E01", "L2", "lpa"),
                row("u3", d("2023-04-01"), "Anti-social behaviour", "HER", "Herefordshire", "E01", "L3", "lpa")));
        staged.put(Source.CONTACTS, table(spark, CONTACTS, call("b1", "S1", "2023-04-12T10:00:00", "2023-04-12T10:00:10")));

        Map<String, Row> values = computeTogether(spark, List.of("VIS-05", "PRV-04"), d("2023-06-30"), staged);

        // PRV-04: u1, u2 (not the ASB) per 1,000 of the district population: HER 2 / 4,000, the force 2 / 12,000.
        assertThat(value(values, "PRV-04/lpa/HER/2023-04")).isCloseTo(0.5, within(1e-9));
        assertThat(value(values, "PRV-04/force/WM/2023-04")).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(values.keySet()).noneMatch(key -> key.startsWith("PRV-04/snt/"));
        // VIS-05 keeps its SNTs: b1 in S1, answered in 10 s.
        assertThat(value(values, "VIS-05/snt/S1/2023-04")).isCloseTo(100.0, within(1e-9));
    }
}
