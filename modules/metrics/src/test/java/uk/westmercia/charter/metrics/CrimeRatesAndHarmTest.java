package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.CRIME;
import static uk.westmercia.charter.metrics.MetricTestSupport.ENGAGEMENT;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class CrimeRatesAndHarmTest {
    private static Row crime(String ref, String date, String category, String snt, String location, String status) {
        return row(ref, d(date), category, snt, snt.equals("S3") ? "NWO" : "HER", location, null, null, false, false, null, status);
    }

    static Dataset<Row> crimes(SparkSession spark) {
        return table(spark, CRIME,
                crime("c1", "2023-04-03", "Burglary", "S1", null, "recorded"),
                crime("c2", "2023-04-04", "Violence and sexual offences", "S1", null, "recorded"),
                crime("c3", "2023-04-05", "Anti-social behaviour", "S1", null, "recorded"),
                // Cancelled: counts nowhere.
                crime("c4", "2023-04-06", "Violence and sexual offences", "S1", null, "cancelled"));
    }

    @Test
    void recordedCrimeAsbAndHarmRatesPerThousand(SparkSession spark) {
        // PRV-04: c1, c2 -> S1 2 per 1,000 (population 1,000); HER 2 / 3,000; force 2 / 6,000.
        Map<String, Row> crime = compute(spark, "PRV-04", d("2023-06-30"), Source.CRIME, crimes(spark));
        assertThat(value(crime, "snt/S1/2023-04")).isCloseTo(2.0, within(1e-9));
        assertThat(value(crime, "lpa/HER/2023-04")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(value(crime, "force/WM/2023-24 Q1")).isCloseTo(2.0 / 6, within(1e-9));
        // A period without crimes is a rate of 0, not missing: S3 0 per 1,000.
        assertThat(value(crime, "snt/S3/2023-04")).isCloseTo(0.0, within(1e-9));
        // PRV-05: c3 -> 1 per 1,000 in S1.
        Map<String, Row> asb = compute(spark, "PRV-05", d("2023-06-30"), Source.CRIME, crimes(spark));
        assertThat(value(asb, "snt/S1/2023-04")).isCloseTo(1.0, within(1e-9));
        // VUL-02: harm 10 (burglary) + 20 (violence) = 30 in S1 -> 30 per 1,000; force 30 / 6,000 * 1,000 = 5.
        // The ASB record (weight 0.5) and the cancelled violence (20) are out.
        Map<String, Row> harm = compute(spark, "VUL-02", d("2023-06-30"), Source.CRIME, crimes(spark));
        assertThat(numerator(harm, "snt/S1/2023-04")).isCloseTo(30.0, within(1e-9));
        assertThat(value(harm, "snt/S1/2023-04")).isCloseTo(30.0, within(1e-9));
        assertThat(value(harm, "force/WM/2023-24 Q1")).isCloseTo(5.0, within(1e-9));
        // Compound Poisson: sum(q^2) = 100 + 400 = 500, n* = 30^2 / 500 = 1.8 effective events, not 2 crimes.
        assertThat((Double) harm.get("snt/S1/2023-04").getAs("effective_base")).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void harmConcentrationInTheTopFivePercentOfLocations(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        // S1: L1 two violence crimes (harm 40), L2 one burglary (10), L3..L21 one shoplifting each (19 x 1).
        rows.add(crime("a1", "2023-04-03", "Violence and sexual offences", "S1", "L1", "recorded"));
        rows.add(crime("a2", "2023-04-04", "Violence and sexual offences", "S1", "L1", "recorded"));
        rows.add(crime("a3", "2023-04-05", "Burglary", "S1", "L2", "recorded"));
        for (int i = 3; i <= 21; i++) {
            rows.add(crime("s" + i, "2023-04-06", "Shoplifting", "S1", "L" + i, "recorded"));
        }
        // No location: out. ASB at L3: not a crime, out. Cancelled violence at L3: out.
        rows.add(crime("x1", "2023-04-07", "Burglary", "S1", null, "recorded"));
        rows.add(crime("x2", "2023-04-07", "Anti-social behaviour", "S1", "L3", "recorded"));
        rows.add(crime("x3", "2023-04-07", "Violence and sexual offences", "S1", "L3", "cancelled"));
        // S3: one shoplifting at L99.
        rows.add(crime("b1", "2023-04-08", "Shoplifting", "S3", "L99", "recorded"));
        Map<String, Row> values = compute(spark, "VUL-03", d("2023-06-30"), Source.CRIME,
                spark.createDataFrame(rows, StructType.fromDDL(CRIME)));
        // S1: 21 locations -> k = ceil(1.05) = 2: L1 + L2 = 50 of 69 -> 72.46%.
        assertThat(numerator(values, "snt/S1/2023-24 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(denominator(values, "snt/S1/2023-24 Q1")).isCloseTo(69.0, within(1e-9));
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(100.0 * 50 / 69, within(1e-9));
        // S3: 1 location -> k = 1 -> 100%.
        assertThat(value(values, "snt/S3/2023-24 Q1")).isCloseTo(100.0, within(1e-9));
        // Force: 22 locations -> k = ceil(1.1) = 2: 50 of 70 -> 71.43%.
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(100.0 * 50 / 70, within(1e-9));
        // S2: no crimes -> no_data.
        assertThat(status(values, "snt/S2/2023-24 Q1")).isEqualTo("no_data");
    }

    private static Row engagement(String id, String date, String type, String snt, String status, boolean seldomHeard, Double hours) {
        return row(id, d(date), type, snt.equals("S3") ? "NWO" : "HER", snt, null, status, null, seldomHeard, null, hours);
    }

    @Test
    void volunteerHoursAndSeldomHeardEngagement(SparkSession spark) {
        Dataset<Row> rows = table(spark, ENGAGEMENT,
                engagement("e1", "2023-04-03", "public_event", "S1", "held", true, 4.5),
                engagement("e2", "2023-04-04", "drop_in", "S1", "attended", false, 1.5),
                // Cancelled: neither hours nor engagement count.
                engagement("e3", "2023-04-05", "public_event", "S1", "cancelled", true, 10.0),
                // Community message and partnership meeting: not community engagement; their hours count.
                engagement("e4", "2023-04-06", "community_message", "S3", "held", true, 3.0),
                engagement("e5", "2023-04-07", "partnership_meeting", "S3", "attended", false, null),
                engagement("e6", "2023-04-08", "youth_engagement", "S3", "held", false, null));
        // REL-05: S1 4.5 + 1.5 = 6 hours per 1,000 -> 6.0; S3 3 / 3,000 * 1,000 = 1.0; force 9 / 6,000 * 1,000 = 1.5.
        Map<String, Row> hours = compute(spark, "REL-05", d("2023-06-30"), Source.ENGAGEMENT, rows);
        assertThat(value(hours, "snt/S1/2023-24 Q1")).isCloseTo(6.0, within(1e-9));
        assertThat(value(hours, "snt/S3/2023-24 Q1")).isCloseTo(1.0, within(1e-9));
        assertThat(value(hours, "force/WM/2023-24 Q1")).isCloseTo(1.5, within(1e-9));
        // RSP-06: e1 (seldom heard), e2, e6 -> 1/3.
        Map<String, Row> seldom = compute(spark, "RSP-06", d("2023-06-30"), Source.ENGAGEMENT, rows);
        assertThat(numerator(seldom, "force/WM/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(seldom, "force/WM/2023-24 Q1")).isEqualTo(3.0);
        assertThat(value(seldom, "snt/S3/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
    }
}
