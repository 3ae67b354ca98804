package uk.westmercia.charter.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.District;
import uk.westmercia.charter.reference.Lpa;
import uk.westmercia.charter.reference.Parish;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.reference.Snt;

/**
 * Small hand-made geography and staged tables for metric tests. Geography: LPA HER has SNTs S1
 * (parishes P1, P2; population 1,000) and S2 (parish P3; population 2,000); LPA NWO has S3 (parish
 * P4; population 3,000); the other LPAs have no SNTs. Force population 6,000. Harm weights:
 * Burglary 10, Shoplifting 1, Violence and sexual offences 20, Anti-social behaviour 0.5.
 */
final class MetricTestSupport {
    static final String CRIME = "crime_ref string, recorded_date date, category string, snt_code string, lpa_code string, "
            + "location_id string, victim_id string, offender_id string, vulnerable_victim boolean, domestic_abuse boolean, "
            + "val_referral_date date, status string";
    static final String POLICEUK = "crime_ref string, recorded_date date, category string, lpa_code string, district string, "
            + "lsoa_code string, location_id string, placement string";
    static final String CONTACTS = "contact_id string, received_at timestamp, channel string, contact_type string, snt_code string, "
            + "lpa_code string, answered_at timestamp, abandoned boolean, response_due_at timestamp, responded_at timestamp";
    static final String ENGAGEMENT = "engagement_id string, date date, type string, lpa_code string, snt_code string, "
            + "parish_code string, status string, closed_date date, seldom_heard boolean, partners array<string>, volunteer_hours double";
    static final String SURVEY_PUBLIC = "respondent_id string, interview_date date, snt_code string, lpa_code string, ethnicity string, "
            + "weight double, q_know_snt string, q_confidence string";
    static final String SURVEY_PARISH = "response_id string, response_date date, parish_code string, snt_code string, lpa_code string, "
            + "q_attendance_satisfaction string";

    private MetricTestSupport() {
    }

    static ReferenceData reference() {
        List<Snt> snts = List.of(new Snt("S1", "One", Lpa.HER), new Snt("S2", "Two", Lpa.HER), new Snt("S3", "Three", Lpa.NWO));
        List<Parish> parishes = List.of(new Parish("P1", "P one", "S1"), new Parish("P2", "P two", "S1"),
                new Parish("P3", "P three", "S2"), new Parish("P4", "P four", "S3"));
        Map<String, Long> population = Map.of("S1", 1000L, "S2", 2000L, "S3", 3000L);
        List<District> districts = List.of(new District("D1", "Herefordshire", Lpa.HER, 4000L), new District("D2", "Wyre", Lpa.NWO, 8000L));
        Map<String, Double> harm = Map.of("Burglary", 10.0, "Shoplifting", 1.0, "Violence and sexual offences", 20.0,
                "Anti-social behaviour", 0.5);
        return new ReferenceData(snts, parishes, population, districts, harm, Map.of());
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** A London local time as the instant Spark's timestamp holds. */
    static Instant t(String londonLocal) {
        return LocalDateTime.parse(londonLocal).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    static Row row(Object... values) {
        return RowFactory.create(values);
    }

    static Dataset<Row> table(SparkSession spark, String ddl, Row... rows) {
        return spark.createDataFrame(Arrays.asList(rows), StructType.fromDDL(ddl));
    }

    /**
     * Runs one bundled catalogue metric over the given staged table and returns its metric_values
     * rows keyed "level/area/period_label".
     */
    static Map<String, Row> compute(SparkSession spark, String metricId, LocalDate asOf, Source source, Dataset<Row> staged) {
        return compute(spark, metricId, asOf, source, staged, RecomputePlan.full("test"));
    }

    /** As {@link #compute(SparkSession, String, LocalDate, Source, Dataset)}, recomputing only what the plan names. */
    static Map<String, Row> compute(SparkSession spark, String metricId, LocalDate asOf, Source source, Dataset<Row> staged, RecomputePlan plan) {
        Map<Source, Dataset<Row>> inputs = new EnumMap<>(Source.class);
        inputs.put(source, staged);
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : metricValues(spark, List.of(metricId), asOf, inputs, plan)) {
            byKey.put(row.getAs("area_level") + "/" + row.getAs("area_code") + "/" + row.getAs("period_label"), row);
        }
        return byKey;
    }

    /**
     * Runs bundled catalogue metrics together, in one engine run over every staged table given, and
     * returns their metric_values rows keyed "metric/level/area/period_label".
     */
    static Map<String, Row> computeTogether(SparkSession spark, List<String> metricIds, LocalDate asOf, Map<Source, Dataset<Row>> staged) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : metricValues(spark, metricIds, asOf, staged, RecomputePlan.full("test"))) {
            byKey.put(row.getAs("metric_id") + "/" + row.getAs("area_level") + "/" + row.getAs("area_code") + "/" + row.getAs("period_label"), row);
        }
        return byKey;
    }

    /** The metric_values rows of bundled catalogue metrics, computed in one engine run over the staged tables. */
    private static List<Row> metricValues(SparkSession spark, List<String> metricIds, LocalDate asOf, Map<Source, Dataset<Row>> staged, RecomputePlan plan) {
        List<MetricDefinition> metrics = metricIds.stream().map(id -> Catalogue.bundled().metric(id).orElseThrow()).toList();
        MetricContext context = new MetricContext(spark, reference(), asOf, staged);
        MetricEngine engine = new MetricEngine(new Catalogue("test", "none", metrics));
        return engine.compute(context, plan, "test-run", message -> { }).metricValues().collectAsList();
    }

    static Double value(Map<String, Row> values, String key) {
        Row row = values.get(key);
        if (row == null) {
            throw new AssertionError("no metric value for " + key + "; have " + values.keySet());
        }
        return row.getAs("value");
    }

    static Double numerator(Map<String, Row> values, String key) {
        return values.get(key).getAs("numerator");
    }

    static Double denominator(Map<String, Row> values, String key) {
        return values.get(key).getAs("denominator");
    }

    static String status(Map<String, Row> values, String key) {
        return values.get(key).getAs("status");
    }

    static Long baseN(Map<String, Row> values, String key) {
        return values.get(key).getAs("base_n");
    }
}
