package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.ENGAGEMENT;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class UniverseCoverageTest {
    static Row engagement(String id, String date, String type, String lpa, String snt, String parish, String status) {
        return row(id, d(date), type, lpa, snt, parish, status, null, false, null, null);
    }

    static Row plan(String id, String date, String snt, String closed, List<String> partners) {
        String lpa = snt.equals("S3") ? "NWO" : "HER";
        return row(id, d(date), "problem_solving_plan", lpa, snt, null, closed == null ? "open" : "closed",
                closed == null ? null : d(closed), false, partners == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(partners).toSeq(), null);
    }

    @Test
    void parishesWithAnAttendedMeetingOverAllParishesOfTheArea(SparkSession spark) {
        Dataset<Row> rows = table(spark, ENGAGEMENT,
                engagement("e1", "2023-04-05", "parish_council_meeting", "HER", "S1", "P1", "attended"),
                // The same parish again: it counts once.
                engagement("e2", "2023-05-05", "parish_council_meeting", "HER", "S1", "P1", "attended"),
                // Held is not attended: P3 is not covered.
                engagement("e3", "2023-05-06", "parish_council_meeting", "HER", "S2", "P3", "held"),
                // No SNT on the record: the parish (P2, in S1) still decides where it counts.
                engagement("e4", "2023-06-01", "parish_council_meeting", "HER", null, "P2", "attended"),
                engagement("e5", "2023-07-01", "parish_council_meeting", "NWO", "S3", "P4", "attended"));
        Map<String, Row> values = compute(spark, "VIS-02", d("2023-09-30"), Source.ENGAGEMENT, rows);
        // 2023-24 Q1: P1, P2 covered of P1..P4 -> force 2/4; HER 2/3 (P1, P2 of P1, P2, P3); S1 2/2; S2 0/1; S3 0/1.
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isEqualTo(2.0);
        assertThat(denominator(values, "force/WM/2023-24 Q1")).isEqualTo(4.0);
        assertThat(value(values, "lpa/HER/2023-24 Q1")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "snt/S2/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
        assertThat(value(values, "lpa/NWO/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
        // Q2: P4 only -> force 1/4 = 25%, NWO 1/1.
        assertThat(value(values, "force/WM/2023-24 Q2")).isCloseTo(25.0, within(1e-9));
        assertThat(value(values, "lpa/NWO/2023-24 Q2")).isCloseTo(100.0, within(1e-9));
        // SHR has no parishes in this reference data: 0 of 0, no_data.
        assertThat(status(values, "lpa/SHR/2023-24 Q1")).isEqualTo("no_data");
        // Quarter only.
        assertThat(values.keySet()).allMatch(key -> key.contains(" Q"));
    }

    @Test
    void sntsVisitingSchoolsAndLpasWithAnIagMeeting(SparkSession spark) {
        Dataset<Row> rows = table(spark, ENGAGEMENT,
                engagement("s1", "2023-04-05", "school_visit", "HER", "S1", null, "held"),
                // Not attended does not count.
                engagement("s2", "2023-04-06", "school_visit", "NWO", "S3", null, "not_attended"),
                engagement("i1", "2023-04-10", "iag_meeting", "HER", null, null, "held"),
                engagement("i2", "2023-04-11", "iag_meeting", "NWO", null, null, "cancelled"));
        Map<String, Row> schools = compute(spark, "VIS-07", d("2023-06-30"), Source.ENGAGEMENT, rows);
        // S1 of S1, S2, S3 -> 1/3; HER 1/2; NWO 0/1.
        assertThat(value(schools, "force/WM/2023-24 Q1")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(value(schools, "lpa/HER/2023-24 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(value(schools, "lpa/NWO/2023-24 Q1")).isCloseTo(0.0, within(1e-9));

        Map<String, Row> iag = compute(spark, "REL-06", d("2023-06-30"), Source.ENGAGEMENT, rows);
        // HER of the five LPAs -> 1/5 = 20%; HER 100%; NWO (cancelled) 0%. LPA and force only.
        assertThat(numerator(iag, "force/WM/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(iag, "force/WM/2023-24 Q1")).isEqualTo(5.0);
        assertThat(value(iag, "lpa/HER/2023-24 Q1")).isCloseTo(100.0, within(1e-9));
        assertThat(value(iag, "lpa/NWO/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
        assertThat(iag.keySet()).noneMatch(key -> key.startsWith("snt/"));
    }

    static Dataset<Row> plans(SparkSession spark) {
        return table(spark, ENGAGEMENT,
                // pl1: opened 2023-03-01, closed during Q1 (2023-05-15): active in 2022-23 Q4 and 2023-24 Q1; has a partner.
                plan("pl1", "2023-03-01", "S1", "2023-05-15", List.of("Council")),
                // pl2: opened on the last day of Q2, still open: active in Q2; no partners (empty list).
                plan("pl2", "2023-09-30", "S2", null, List.of()),
                // pl3: opened 2023-04-01, closed 2023-06-30 (the last day of Q1): active in Q1 only; partners absent.
                plan("pl3", "2023-04-01", "S3", "2023-06-30", null));
    }

    @Test
    void sntsWithAPlanActiveInTheQuarter(SparkSession spark) {
        Map<String, Row> values = compute(spark, "PRV-06", d("2023-12-31"), Source.ENGAGEMENT, plans(spark));
        // 2022-23 Q4: S1 (pl1) -> 1/3.
        assertThat(numerator(values, "force/WM/2022-23 Q4")).isEqualTo(1.0);
        assertThat(denominator(values, "force/WM/2022-23 Q4")).isEqualTo(3.0);
        // 2023-24 Q1: S1 (pl1, closed during the quarter) and S3 (pl3) -> 2/3; HER 1/2 (S1 of S1, S2).
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isEqualTo(2.0);
        assertThat(value(values, "lpa/HER/2023-24 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(value(values, "snt/S3/2023-24 Q1")).isCloseTo(100.0, within(1e-9));
        // 2023-24 Q2: S2 (pl2) -> 1/3; S3 (pl3 closed 2023-06-30, before the quarter) 0.
        assertThat(numerator(values, "force/WM/2023-24 Q2")).isEqualTo(1.0);
        assertThat(value(values, "snt/S3/2023-24 Q2")).isCloseTo(0.0, within(1e-9));
        // The latest record is 2023-09-30: no Q3 although --as-of is later.
        assertThat(values).doesNotContainKey("force/WM/2023-24 Q3");
    }

    @Test
    void plansWithPartnersAmongPlansActiveInThePeriod(SparkSession spark) {
        Map<String, Row> values = compute(spark, "PRT-02", d("2023-12-31"), Source.ENGAGEMENT, plans(spark));
        // 2023-24 Q1: pl1 (partner) and pl3 (none) -> 1/2.
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "force/WM/2023-24 Q1")).isEqualTo(2.0);
        // Q2: pl2 (empty list) -> 0/1.
        assertThat(numerator(values, "force/WM/2023-24 Q2")).isEqualTo(0.0);
        assertThat(denominator(values, "force/WM/2023-24 Q2")).isEqualTo(1.0);
        // Financial year 2023-24 (to 2023-09-30): pl1, pl2, pl3 all active -> 1/3. 2022-23: pl1 -> 1/1.
        assertThat(value(values, "force/WM/2023-24")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(value(values, "force/WM/2022-23")).isCloseTo(100.0, within(1e-9));
        // SNT S2 in Q1: no plan active -> no_data.
        assertThat(status(values, "snt/S2/2023-24 Q1")).isEqualTo("no_data");
    }
}
