package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.computeTogether;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.t;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.util.ArrayList;
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

/**
 * The promises measured from the three newer sources: VIS-09 Neighbourhood Matters reach, VIS-10
 * hotspot patrol dosage, RSP-07 current priorities, RSP-08 "you said, we did", and RSP-09 queries
 * answered within 72 hours. Every expected figure is worked out by hand in the comments, over the
 * geography of {@link MetricTestSupport} (HER: S1 pop 1,000 and S2 pop 2,000; NWO: S3 pop 3,000).
 */
@ExtendWith(SharedSparkSession.class)
class NeighbourhoodPromisesTest {
    static final String NEIGHBOURHOOD_MATTERS = "month string, snt_code string, registered_users long, lpa_code string";
    static final String PATROLS = "patrol_id string, started_at timestamp, ended_at timestamp, lsoa_code string, snt_code string, "
            + "mode string, lpa_code string";
    static final String CRIME = "crime_ref string, recorded_date date, category string, snt_code string, lpa_code string, "
            + "lsoa_code string, status string";
    static final String PRIORITIES = "event_id string, priority_id string, event_date date, event string, snt_code string, "
            + "lpa_code string, update_published boolean";
    static final String CONTACTS = MetricTestSupport.CONTACTS;

    private static Row nm(String month, String snt, long registered) {
        return row(month, snt, registered, snt.equals("S3") ? "NWO" : "HER");
    }

    @Test
    void reachTakesEachSntsLatestMonthInThePeriodOverTheAreasPopulation(SparkSession spark) {
        Dataset<Row> rows = table(spark, NEIGHBOURHOOD_MATTERS,
                nm("2024-04", "S1", 100), nm("2024-05", "S1", 110), nm("2024-06", "S1", 120),
                // S2 has no row for June, the quarter's last month: its May figure stands for the quarter.
                nm("2024-04", "S2", 200), nm("2024-05", "S2", 210),
                nm("2024-04", "S3", 300), nm("2024-05", "S3", 330), nm("2024-06", "S3", 360));
        Map<String, Row> values = compute(spark, "VIS-09", d("2024-06-30"), Source.NEIGHBOURHOOD_MATTERS, rows);
        // Q1: S1 120 + S2 210 = 330 over HER's 3,000 people = 110 per 1,000; NWO 360 / 3,000 = 120; force 690 / 6,000 = 115.
        assertThat(value(values, "lpa/HER/2024-25 Q1")).isCloseTo(110.0, within(1e-9));
        assertThat(value(values, "lpa/NWO/2024-25 Q1")).isCloseTo(120.0, within(1e-9));
        assertThat(value(values, "force/WM/2024-25 Q1")).isCloseTo(115.0, within(1e-9));
        assertThat(numerator(values, "force/WM/2024-25 Q1")).isEqualTo(690.0);
        assertThat(denominator(values, "force/WM/2024-25 Q1")).isEqualTo(6000.0);
        assertThat(value(values, "snt/S2/2024-25 Q1")).isCloseTo(105.0, within(1e-9));
        // June: S2 has no row, so HER is S1's 120 over all 3,000 people = 40; S2 itself has no figure.
        assertThat(value(values, "lpa/HER/2024-06")).isCloseTo(40.0, within(1e-9));
        assertThat(value(values, "snt/S2/2024-06")).isNull();
        assertThat(status(values, "snt/S2/2024-06")).isEqualTo("no_data");
        // An LPA none of whose SNTs has a row has no figure.
        assertThat(value(values, "lpa/SHR/2024-25 Q1")).isNull();
        // A count of registrations, not a sample: no interval.
        assertThat((Double) values.get("force/WM/2024-25 Q1").getAs("ci_low")).isNull();
        assertThat((Double) values.get("force/WM/2024-25 Q1").getAs("ci_high")).isNull();

        // With --as-of in May, June's rows are not yet counted: Q1 (to 15 May) is (110 + 210 + 330) / 6,000.
        Map<String, Row> may = compute(spark, "VIS-09", d("2024-05-15"), Source.NEIGHBOURHOOD_MATTERS, rows);
        assertThat(value(may, "force/WM/2024-25 Q1")).isCloseTo(650.0 / 6, within(1e-9));
    }

    private static Row crime(String ref, String date, String category, String lpa, String lsoa, String status) {
        return row(ref, d(date), category, lpa.equals("NWO") ? "S3" : "S1", lpa, lsoa, status);
    }

    private static Row patrol(String id, String start, String end, String lsoa, String snt, String mode) {
        return row(id, t(start), t(end), lsoa, snt, mode, snt.equals("S3") ? "NWO" : "HER");
    }

    @Test
    void hotspotDosageCountsHotspotWeeksWithAnHourOfFootPatrol(SparkSession spark) {
        List<Row> crimes = new ArrayList<>(List.of(
                // HER, in the 365 days before 2024-04-01 (2023-04-02 to 2024-03-31): H1 two burglaries (10 + 10 = 20),
                // the second on the window's last day; H2 one violence (20): a tie at the cut, broken by LSOA code, so
                // H1 is the hotspot. H3 shoplifting (1). n = 3 LSOAs, k = ceil(5% of 3) = 1.
                crime("c1", "2023-06-01", "Burglary", "HER", "E01000001", "recorded"),
                crime("c2", "2024-03-31", "Burglary", "HER", "E01000001", "recorded"),
                crime("c3", "2024-01-10", "Violence and sexual offences", "HER", "E01000002", "recorded"),
                crime("c4", "2023-09-09", "Shoplifting", "HER", "E01000003", "recorded"),
                // Outside the window: in the period itself, and 366 days before it.
                crime("c5", "2024-04-01", "Violence and sexual offences", "HER", "E01000004", "recorded"),
                crime("c6", "2023-04-01", "Violence and sexual offences", "HER", "E01000005", "recorded"),
                // Cancelled crimes count nowhere (40 of harm would top the list).
                crime("c7", "2023-10-01", "Violence and sexual offences", "HER", "E01000008", "cancelled"),
                crime("c8", "2023-10-02", "Violence and sexual offences", "HER", "E01000008", "cancelled")));
        // 50 ASB records (0.5 each, 25 of harm) are not recorded crime: E01000009 is no hotspot.
        for (int i = 0; i < 50; i++) {
            crimes.add(crime("a" + i, "2023-11-01", "Anti-social behaviour", "HER", "E01000009", "recorded"));
        }
        // NWO: 21 LSOAs with a crime, k = ceil(5% of 21) = 2: N05 and N07 (burglary, 10) over 19 shoplifting (1).
        for (int i = 1; i <= 21; i++) {
            String lsoa = String.format("N%02d", i);
            crimes.add(crime("n" + i, "2023-12-01", i == 5 || i == 7 ? "Burglary" : "Shoplifting", "NWO", lsoa, "recorded"));
        }
        Dataset<Row> crime = spark.createDataFrame(crimes, org.apache.spark.sql.types.StructType.fromDDL(CRIME));
        Dataset<Row> patrols = table(spark, PATROLS,
                // Week of Mon 1 April: a foot visit starting Sunday 7 April 23:30, ending Monday 00:40 (70 minutes):
                // it counts in the week it starts, so that week is covered.
                patrol("p1", "2024-04-07T23:30:00", "2024-04-08T00:40:00", "E01000001", "S1", "foot"),
                // Week of 8 April: 30 + 20 = 50 foot minutes (the Sunday visit's 40 minutes after midnight are not
                // this week's), and a 2-hour vehicle visit: not covered.
                patrol("p2", "2024-04-09T10:00:00", "2024-04-09T10:30:00", "E01000001", "S1", "foot"),
                patrol("p3", "2024-04-12T14:00:00", "2024-04-12T14:20:00", "E01000001", "S1", "foot"),
                patrol("p4", "2024-04-10T08:00:00", "2024-04-10T10:00:00", "E01000001", "S1", "vehicle"),
                // Week of 15 April: exactly 60 minutes: covered.
                patrol("p5", "2024-04-16T10:00:00", "2024-04-16T11:00:00", "E01000001", "S1", "foot"),
                // H2 is no hotspot: its two hours count nowhere.
                patrol("p6", "2024-04-02T10:00:00", "2024-04-02T12:00:00", "E01000002", "S1", "foot"),
                // N05 in the week of 1 April, by an officer of another LPA's SNT (any SNT counts); N07 never.
                patrol("p7", "2024-04-03T10:00:00", "2024-04-03T11:30:00", "N05", "S1", "foot"),
                // After --as-of (Sunday 21 April): its week is not yet complete and not counted.
                patrol("p8", "2024-04-22T10:00:00", "2024-04-22T12:00:00", "N07", "S3", "foot"));
        Map<Source, Dataset<Row>> staged = new EnumMap<>(Source.class);
        staged.put(Source.CRIME, crime);
        staged.put(Source.PATROLS, patrols);
        Map<String, Row> values = computeTogether(spark, List.of("VIS-10"), d("2024-04-21"), staged);
        // Weeks with Monday in Q1 and Sunday by 21 April: 1, 8 and 15 April.
        // HER: H1 covered in weeks 1 and 15 April -> 2 of 3. NWO: N05 week 1 -> 1 of 2 x 3 = 6. Force 3 of 9.
        assertThat(numerator(values, "VIS-10/lpa/HER/2024-25 Q1")).isEqualTo(2.0);
        assertThat(denominator(values, "VIS-10/lpa/HER/2024-25 Q1")).isEqualTo(3.0);
        assertThat(value(values, "VIS-10/lpa/HER/2024-25 Q1")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(numerator(values, "VIS-10/lpa/NWO/2024-25 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "VIS-10/lpa/NWO/2024-25 Q1")).isEqualTo(6.0);
        assertThat(value(values, "VIS-10/force/WM/2024-25 Q1")).isCloseTo(100.0 / 3, within(1e-9));
        // The financial year so far has the same weeks and hotspots.
        assertThat(value(values, "VIS-10/force/WM/2024-25")).isCloseTo(100.0 / 3, within(1e-9));
        // LPAs with no crime in the year before have no hotspots, so no figure; no SNT figures at all.
        assertThat(value(values, "VIS-10/lpa/SHR/2024-25 Q1")).isNull();
        assertThat(values.keySet()).noneMatch(key -> key.contains("/snt/"));
    }

    private static Row event(String id, String priority, String date, String event, String snt, boolean published) {
        return row(id, priority, d(date), event, snt, snt.equals("S3") ? "NWO" : "HER", published);
    }

    static Dataset<Row> priorities(SparkSession spark) {
        return table(spark, PRIORITIES,
                // S1: A set in January, reviewed on 1 April 2024: exactly 90 days before 30 June.
                event("a1", "A", "2024-01-10", "set", "S1", false),
                event("a2", "A", "2024-04-01", "reviewed", "S1", false),
                // A review after --as-of (31 July) is not yet known.
                event("a3", "A", "2024-08-15", "reviewed", "S1", false),
                // S2: B set, reviewed, closed on 30 June, the quarter's last day (with a public update); C set in
                // December and last reviewed on 31 March, 91 days before 30 June.
                event("b1", "B", "2024-02-01", "set", "S2", false),
                event("b2", "B", "2024-06-01", "reviewed", "S2", false),
                event("b3", "B", "2024-06-30", "closed", "S2", true),
                event("c1", "C", "2023-12-01", "set", "S2", false),
                event("c2", "C", "2024-03-31", "reviewed", "S2", false),
                // S3: D set on 30 June itself; E set in March, closed in May without an update.
                event("d1", "D", "2024-06-30", "set", "S3", false),
                event("e1", "E", "2024-03-01", "set", "S3", false),
                event("e2", "E", "2024-05-10", "closed", "S3", false));
    }

    @Test
    void currentPrioritiesAreOpenAndReviewedWithinNinetyDaysOfThePeriodsLastDay(SparkSession spark) {
        Map<String, Row> values = compute(spark, "RSP-07", d("2024-07-31"), Source.PRIORITIES, priorities(spark));
        // 2024-25 Q1, D = 30 June, D - 90 days = 1 April. S1: A reviewed 1 April, current. S2: B closed on D; C last
        // reviewed 31 March, lapsed. S3: D set on D, current (E closed). Force 2 of 3; HER 1 of 2; NWO 1 of 1.
        assertThat(numerator(values, "force/WM/2024-25 Q1")).isEqualTo(2.0);
        assertThat(denominator(values, "force/WM/2024-25 Q1")).isEqualTo(3.0);
        assertThat(value(values, "lpa/HER/2024-25 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(value(values, "snt/S1/2024-25 Q1")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "snt/S2/2024-25 Q1")).isCloseTo(0.0, within(1e-9));
        assertThat(value(values, "lpa/NWO/2024-25 Q1")).isCloseTo(100.0, within(1e-9));
        // Q2 up to --as-of, D = 31 July, D - 90 = 2 May: A's last known review (1 April) has lapsed; only S3 holds one.
        assertThat(numerator(values, "force/WM/2024-25 Q2")).isEqualTo(1.0);
        // 2023-24 Q4, D = 31 March: A (S1), B and C (S2) current; E in S3 set 1 March, current too: 3 of 3.
        assertThat(numerator(values, "force/WM/2023-24 Q4")).isEqualTo(3.0);
        // 2023-24 Q3, D = 31 December: only C (S2), set 1 December.
        assertThat(numerator(values, "force/WM/2023-24 Q3")).isEqualTo(1.0);
        // Quarter only.
        assertThat(values.keySet()).allMatch(key -> key.contains(" Q"));
    }

    @Test
    void youSaidWeDidIsTheShareOfClosuresWithAPublicUpdate(SparkSession spark) {
        Map<String, Row> values = compute(spark, "RSP-08", d("2024-07-31"), Source.PRIORITIES, priorities(spark));
        // Q1 closures: B (S2, update published) and E (S3, none): force 1 of 2, HER 1 of 1, NWO 0 of 1.
        assertThat(value(values, "force/WM/2024-25 Q1")).isCloseTo(50.0, within(1e-9));
        assertThat(value(values, "lpa/HER/2024-25 Q1")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "lpa/NWO/2024-25 Q1")).isCloseTo(0.0, within(1e-9));
        // No closure in Q4: no figure to rate.
        assertThat(status(values, "force/WM/2023-24 Q4")).isEqualTo("no_data");
    }

    private static Row contact(String id, String received, String channel, String type, String snt, String responded) {
        String lpa = snt == null ? null : snt.equals("S3") ? "NWO" : "HER";
        return row(id, t(received), channel, type, snt, lpa, null, false, null, responded == null ? null : t(responded));
    }

    @Test
    void queriesAnsweredWithinSeventyTwoHoursOnceTheirSeventyTwoHoursHavePassed(SparkSession spark) {
        Dataset<Row> rows = table(spark, CONTACTS,
                // Answered exactly 72 hours later: on time.
                contact("q1", "2024-06-10T09:00:00", "email", "correspondence", "S1", "2024-06-13T09:00:00"),
                // One second later: late.
                contact("q2", "2024-06-10T09:00:00", "online", "feedback", "S1", "2024-06-13T09:00:01"),
                // Received 71 hours before the end of the as-of day (Sunday 30 June ends at 1 July 00:00): its 72 hours
                // have not passed, so it is not yet in the base, although answered.
                contact("q3", "2024-06-28T01:00:00", "neighbourhood_matters", "feedback", "S1", "2024-06-28T02:00:00"),
                // Received exactly 72 hours before the end of the as-of day: in the base, unanswered, so late.
                contact("q4", "2024-06-28T00:00:00", "neighbourhood_matters", "correspondence", "S1", null),
                // Other channels and types are not neighbourhood queries.
                contact("q5", "2024-06-11T09:00:00", "letter", "correspondence", "S1", "2024-06-11T10:00:00"),
                contact("q6", "2024-06-11T09:00:00", "email", "complaint", "S1", "2024-06-11T10:00:00"),
                // No SNT: counts for the force only; answered in an hour.
                contact("q7", "2024-06-12T09:00:00", "email", "correspondence", null, "2024-06-12T10:00:00"),
                // NWO: never answered.
                contact("q8", "2024-06-05T09:00:00", "social_media", "feedback", "S3", null));
        Map<String, Row> values = compute(spark, "RSP-09", d("2024-06-30"), Source.CONTACTS, rows);
        // June: base q1, q2, q4, q7, q8 = 5; on time q1, q7 = 2: 40%. HER: q1 of q1, q2, q4. NWO: 0 of 1.
        assertThat(numerator(values, "force/WM/2024-06")).isEqualTo(2.0);
        assertThat(denominator(values, "force/WM/2024-06")).isEqualTo(5.0);
        assertThat(value(values, "lpa/HER/2024-06")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(value(values, "lpa/NWO/2024-06")).isCloseTo(0.0, within(1e-9));
        assertThat(denominator(values, "snt/S1/2024-06")).isEqualTo(3.0);
    }
}
