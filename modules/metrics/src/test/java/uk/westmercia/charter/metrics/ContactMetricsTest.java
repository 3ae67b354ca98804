package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.CONTACTS;
import static uk.westmercia.charter.metrics.MetricTestSupport.baseN;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.t;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class ContactMetricsTest {
    private static Row letter(String id, String type, String received, String due, String responded) {
        return row(id, t(received), "email", type, "S1", "HER", null, false, due == null ? null : t(due), responded == null ? null : t(responded));
    }

    private static Row call(String id, String channel, String snt, String received, String answered, boolean abandoned) {
        String lpa = snt == null ? null : snt.equals("S3") ? "NWO" : "HER";
        return row(id, t(received), channel, channel.equals("999") ? "emergency" : "non_emergency", snt, lpa,
                answered == null ? null : t(answered), abandoned, null, null);
    }

    static Dataset<Row> correspondence(SparkSession spark) {
        return table(spark, CONTACTS,
                // k1: 1.0 day to reply; due 2023-04-05, replied 2023-04-02: on time.
                letter("k1", "correspondence", "2023-04-01T09:00:00", "2023-04-05T17:00:00", "2023-04-02T09:00:00"),
                // k2: 3.5 days; due 2023-04-03 17:00, replied 2023-04-04 21:00: late.
                letter("k2", "correspondence", "2023-04-01T09:00:00", "2023-04-03T17:00:00", "2023-04-04T21:00:00"),
                // k3 (feedback): 2.0 days; replied exactly at the due time: on time.
                letter("k3", "feedback", "2023-04-10T00:00:00", "2023-04-12T00:00:00", "2023-04-12T00:00:00"),
                // k4: 11 days, replied in May; due 2023-05-10: on time (May).
                letter("k4", "correspondence", "2023-04-20T12:00:00", "2023-05-10T12:00:00", "2023-05-01T12:00:00"),
                // k5: a complaint: in neither metric.
                letter("k5", "complaint", "2023-04-01T09:00:00", "2023-04-02T09:00:00", "2023-04-01T10:00:00"),
                // k6: due 2023-04-20, never answered: late, and not in the median.
                letter("k6", "correspondence", "2023-04-02T09:00:00", "2023-04-20T17:00:00", null),
                // k7: due after --as-of (2023-06-30): not counted yet.
                letter("k7", "correspondence", "2023-06-20T09:00:00", "2023-07-05T17:00:00", null));
    }

    @Test
    void exactMedianDaysToReplyOddAndEvenCounts(SparkSession spark) {
        Map<String, Row> values = compute(spark, "RSP-02", d("2023-06-30"), Source.CONTACTS, correspondence(spark));
        // April (replied in April): k1 1.0, k3 2.0, k2 3.5 -> odd count, median 2.0.
        assertThat(value(values, "force/WM/2023-04")).isCloseTo(2.0, within(1e-9));
        assertThat(baseN(values, "force/WM/2023-04")).isEqualTo(3L);
        // 2023-24 Q1: 1.0, 2.0, 3.5, 11.0 -> even count, mean of the two middle values (2.0 + 3.5) / 2 = 2.75.
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(2.75, within(1e-9));
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(2.75, within(1e-9));
        // May: k4 alone -> 11.0.
        assertThat(value(values, "lpa/HER/2023-05")).isCloseTo(11.0, within(1e-9));
        // June: no replies -> null, no_data.
        assertThat(value(values, "force/WM/2023-06")).isNull();
        assertThat(status(values, "force/WM/2023-06")).isEqualTo("no_data");
    }

    @Test
    void correspondenceNotYetAnsweredIsLate(SparkSession spark) {
        Map<String, Row> values = compute(spark, "RSP-01", d("2023-06-30"), Source.CONTACTS, correspondence(spark));
        // Due in April: k1 (on time), k2 (late), k3 (on time, exactly at the due time), k6 (no reply: late) -> 2/4.
        assertThat(numerator(values, "force/WM/2023-04")).isEqualTo(2.0);
        assertThat(denominator(values, "force/WM/2023-04")).isEqualTo(4.0);
        // May: k4 on time -> 1/1.
        assertThat(value(values, "snt/S1/2023-05")).isCloseTo(100.0, within(1e-9));
        // June: k7 is due after --as-of: nothing counted.
        assertThat(status(values, "force/WM/2023-06")).isEqualTo("no_data");
    }

    static Dataset<Row> calls(SparkSession spark) {
        return table(spark, CONTACTS,
                // n1: answered in exactly 10 seconds: counts.
                call("n1", "999", "S1", "2023-04-01T10:00:00", "2023-04-01T10:00:10", false),
                // n2: 11 seconds: does not.
                call("n2", "999", "S1", "2023-04-01T11:00:00", "2023-04-01T11:00:11", false),
                // n3: abandoned, no area: in the force denominator.
                call("n3", "999", null, "2023-04-02T10:00:00", null, true),
                // n4: never answered, S3: in the denominator.
                call("n4", "999", "S3", "2023-04-03T10:00:00", null, false),
                // 101 calls: o1 abandoned (S1), o2 answered (S1), o3 abandoned (no area).
                call("o1", "101", "S1", "2023-04-04T10:00:00", null, true),
                call("o2", "101", "S1", "2023-04-04T11:00:00", "2023-04-04T11:05:00", false),
                call("o3", "101", null, "2023-04-05T10:00:00", null, true));
    }

    @Test
    void emergencyCallsAnsweredWithinTenSeconds(SparkSession spark) {
        Map<String, Row> values = compute(spark, "VIS-05", d("2023-06-30"), Source.CONTACTS, calls(spark));
        // Force, April: n1 of n1..n4 -> 1/4 = 25%.
        assertThat(numerator(values, "force/WM/2023-04")).isEqualTo(1.0);
        assertThat(denominator(values, "force/WM/2023-04")).isEqualTo(4.0);
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(25.0, within(1e-9));
        // S1: n1, n2 -> 1/2; HER the same; S3: n4 -> 0/1.
        assertThat(value(values, "snt/S1/2023-04")).isCloseTo(50.0, within(1e-9));
        assertThat(value(values, "lpa/HER/2023-04")).isCloseTo(50.0, within(1e-9));
        assertThat(value(values, "snt/S3/2023-04")).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void nonEmergencyCallsAbandoned(SparkSession spark) {
        Map<String, Row> values = compute(spark, "VIS-06", d("2023-06-30"), Source.CONTACTS, calls(spark));
        // Force: o1, o3 abandoned of o1..o3 -> 2/3; S1: o1 of o1, o2 -> 1/2.
        assertThat(value(values, "force/WM/2023-04")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(numerator(values, "snt/S1/2023-04")).isEqualTo(1.0);
        assertThat(denominator(values, "snt/S1/2023-04")).isEqualTo(2.0);
    }
}
