package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.ENGAGEMENT;
import static uk.westmercia.charter.metrics.MetricTestSupport.SURVEY_PARISH;
import static uk.westmercia.charter.metrics.MetricTestSupport.SURVEY_PUBLIC;
import static uk.westmercia.charter.metrics.MetricTestSupport.baseN;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class SurveyAndWeeklyTest {
    private static Row respondent(String id, String date, String snt, double weight, String knowSnt) {
        return row(id, d(date), snt, snt.equals("S3") ? "NWO" : "HER", "White", weight, knowSnt, null);
    }

    @Test
    void weightedSurveyPercentBlankOutDontKnowInCutAtAsOf(SparkSession spark) {
        Dataset<Row> rows = table(spark, SURVEY_PUBLIC,
                respondent("r1", "2023-04-02", "S1", 2.0, "Yes"),
                respondent("r2", "2023-04-03", "S1", 1.0, "No"),
                // "Don't know": in the base, not positive.
                respondent("r3", "2023-04-04", "S1", 1.0, "Don't know"),
                // Blank: out of the base (its weight 3 must not count).
                respondent("r4", "2023-04-05", "S1", 3.0, null),
                respondent("r5", "2023-04-06", "S3", 0.5, "Yes"),
                // After --as-of (2023-05-15): not counted.
                respondent("r6", "2023-05-20", "S1", 1.0, "Yes"));
        Map<String, Row> values = compute(spark, "VIS-03", d("2023-05-15"), Source.SURVEY_PUBLIC, rows);
        // Force 2023-24 Q1 (to 2023-05-15): base r1, r2, r3, r5; weights 2 + 1 + 1 + 0.5 = 4.5; positive 2 + 0.5 = 2.5.
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isCloseTo(2.5, within(1e-9));
        assertThat(denominator(values, "force/WM/2023-24 Q1")).isCloseTo(4.5, within(1e-9));
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(100.0 * 2.5 / 4.5, within(1e-9));
        assertThat(baseN(values, "force/WM/2023-24 Q1")).isEqualTo(4L);
        assertThat(status(values, "force/WM/2023-24 Q1")).isEqualTo("low_base");
        // S1: 2 of 2 + 1 + 1 -> 50%, unweighted base 3.
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(baseN(values, "snt/S1/2023-24 Q1")).isEqualTo(3L);
        // The open quarter ends at --as-of.
        assertThat(values.get("force/WM/2023-24 Q1").<LocalDate>getAs("period_end")).isEqualTo(d("2023-05-15"));
    }

    @Test
    void parishSurveyIsUnweighted(SparkSession spark) {
        Dataset<Row> rows = table(spark, SURVEY_PARISH,
                row("p1", d("2023-04-02"), "P1", "S1", "HER", "Very satisfied"),
                row("p2", d("2023-04-03"), "P2", "S1", "HER", "Fairly satisfied"),
                row("p3", d("2023-04-04"), "P3", "S2", "HER", "Neither"),
                row("p4", d("2023-04-05"), "P4", "S3", "NWO", "Don't know"),
                row("p5", d("2023-04-06"), "P4", "S3", "NWO", null));
        Map<String, Row> values = compute(spark, "VIS-08", d("2023-06-30"), Source.SURVEY_PARISH, rows);
        // p1, p2 positive of p1..p4 (p5 blank) -> 2/4; HER 2/3; S3 0/1.
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isEqualTo(2.0);
        assertThat(denominator(values, "force/WM/2023-24 Q1")).isEqualTo(4.0);
        assertThat(value(values, "lpa/HER/2023-24 Q1")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(value(values, "snt/S3/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
    }

    private static Row vehicle(String id, String date, String lpa) {
        return row(id, d(date), "engagement_vehicle", lpa, null, null, "held", null, false, null, null);
    }

    @Test
    void aSundayBelongsToTheWeekOfItsMondayInThePreviousQuarter(SparkSession spark) {
        Dataset<Row> rows = table(spark, ENGAGEMENT,
                // Monday 2023-09-04: week 2023-W36, in 2023-24 Q2.
                vehicle("v1", "2023-09-04", "HER"),
                // Sunday 2023-10-01: week of Monday 2023-09-25, so 2023-24 Q2, not Q3.
                vehicle("v2", "2023-10-01", "HER"));
        Map<String, Row> values = compute(spark, "VIS-01", d("2023-10-08"), Source.ENGAGEMENT, rows);
        // Q2 (July-September 2023) has 13 weeks with a Monday in it (3 July ... 25 September); HER covered 2 of them.
        assertThat(numerator(values, "lpa/HER/2023-24 Q2")).isEqualTo(2.0);
        assertThat(denominator(values, "lpa/HER/2023-24 Q2")).isEqualTo(13.0);
        // Force: (LPA, week) pairs, 5 x 13 = 65, 2 covered.
        assertThat(denominator(values, "force/WM/2023-24 Q2")).isEqualTo(65.0);
        assertThat(numerator(values, "force/WM/2023-24 Q2")).isEqualTo(2.0);
        // Q3 to --as-of (Sunday 2023-10-08): one week (Monday 2 October), not covered by HER.
        assertThat(numerator(values, "lpa/HER/2023-24 Q3")).isEqualTo(0.0);
        assertThat(denominator(values, "lpa/HER/2023-24 Q3")).isEqualTo(1.0);
        assertThat(values.keySet()).noneMatch(key -> key.startsWith("snt/"));
    }

    private static void respondents(java.util.List<Row> rows, String snt, String ethnicity, int count, String answer, double weight) {
        for (int i = 0; i < count; i++) {
            rows.add(row(snt + ethnicity + answer + weight + i, d("2023-04-10"), snt, snt.equals("S3") ? "NWO" : "HER", ethnicity, weight, null, answer));
        }
    }

    @Test
    void confidenceGapBetweenGroupsWithEnoughResponses(SparkSession spark) {
        java.util.List<Row> rows = new java.util.ArrayList<>();
        // S1 White: 60 answers, 30 "Tend to agree", 10 "Don't know", 20 "Tend to disagree" -> 50%.
        respondents(rows, "S1", "White", 30, "Tend to agree", 1.0);
        respondents(rows, "S1", "White", 10, "Don't know", 1.0);
        respondents(rows, "S1", "White", 20, "Tend to disagree", 1.0);
        // S1 Asian: 50 answers, 40 agree at weight 1, 10 disagree at weight 2 -> 40 / 60 = 66.67%.
        respondents(rows, "S1", "Asian", 40, "Strongly agree", 1.0);
        respondents(rows, "S1", "Asian", 10, "Strongly disagree", 2.0);
        // S1 Black: 49 answers, all agree: base under 50, left out.
        respondents(rows, "S1", "Black", 49, "Strongly agree", 1.0);
        // S1 Mixed: 49 answers and 5 blanks: the blanks are out of the base, so 49 < 50, left out.
        respondents(rows, "S1", "Mixed", 49, "Strongly agree", 1.0);
        respondents(rows, "S1", "Mixed", 5, null, 1.0);
        // Prefer not to say: never a group.
        respondents(rows, "S1", "Prefer not to say", 80, "Strongly agree", 1.0);
        // S3 White: 60 answers, all agree -> one group only in S3 and NWO.
        respondents(rows, "S3", "White", 60, "Strongly agree", 1.0);
        Map<String, Row> values = compute(spark, "REL-04", d("2023-06-30"), Source.SURVEY_PUBLIC,
                spark.createDataFrame(rows, org.apache.spark.sql.types.StructType.fromDDL(SURVEY_PUBLIC)));
        // S1 and HER: 66.67 - 50 = 16.67 points.
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(200.0 / 3 - 50.0, within(1e-9));
        assertThat(value(values, "lpa/HER/2023-24 Q1")).isCloseTo(200.0 / 3 - 50.0, within(1e-9));
        // Force: White 90 of 120 = 75%, Asian 66.67% -> 8.33 points.
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(75.0 - 200.0 / 3, within(1e-9));
        // S3 and NWO: one group qualifies -> null, low_base.
        assertThat(value(values, "snt/S3/2023-24 Q1")).isNull();
        assertThat(status(values, "snt/S3/2023-24 Q1")).isEqualTo("low_base");
        assertThat(status(values, "lpa/NWO/2023-24 Q1")).isEqualTo("low_base");
        // S2: nobody answered -> no_data.
        assertThat(status(values, "snt/S2/2023-24 Q1")).isEqualTo("no_data");
    }
}
