package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uk.westmercia.charter.metrics.MetricTestSupport.CRIME;
import static uk.westmercia.charter.metrics.MetricTestSupport.POLICEUK;
import static uk.westmercia.charter.metrics.MetricTestSupport.compute;
import static uk.westmercia.charter.metrics.MetricTestSupport.computeTogether;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.denominator;
import static uk.westmercia.charter.metrics.MetricTestSupport.numerator;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.status;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;
import static uk.westmercia.charter.metrics.MetricTestSupport.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class RepeatShareTest {
    private static Row crime(String ref, String date, String category, String snt, String victim, boolean domestic, String status) {
        String lpa = snt.equals("S3") ? "NWO" : "HER";
        return row(ref, d(date), category, snt, lpa, null, victim, null, false, domestic, null, status);
    }

    private static Row crime(String ref, String date, String snt, String victim) {
        return crime(ref, date, "Burglary", snt, victim, false, "recorded");
    }

    @Test
    void recomputingOnlyRecentPeriodsStillSeesTheCrimesAYearBefore(SparkSession spark) {
        Dataset<Row> crimes = table(spark, CRIME,
                // V1: 2023-04-10 then 2024-04-09: a repeat in 2024-25 Q1 because of a crime before the recomputed periods.
                crime("c1", "2023-04-10", "S1", "V1"),
                crime("c2", "2024-04-09", "S1", "V1"),
                // V2: 2024-05-01 only.
                crime("c3", "2024-05-01", "S1", "V2"));
        Map<String, Row> full = compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, crimes);
        Map<String, Row> recent = compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, crimes,
                RecomputePlan.incremental(Map.of("PRV-01", d("2024-04-01")), "test"));
        // Periods ending on or after 2024-04-01: 2024-25 and its Q1; 2023-24 and its quarters are not recomputed.
        assertThat(recent.keySet()).allMatch(key -> key.endsWith("/2024-25") || key.endsWith("/2024-25 Q1"))
                .contains("force/WM/2024-25", "force/WM/2024-25 Q1", "lpa/HER/2024-25 Q1");
        assertThat(full).containsKey("force/WM/2023-24 Q1");
        // One repeat victim (V1) of two in Q1, as in the full computation.
        assertThat(numerator(recent, "force/WM/2024-25 Q1")).isEqualTo(1.0);
        assertThat(denominator(recent, "force/WM/2024-25 Q1")).isEqualTo(2.0);
        for (String key : recent.keySet()) {
            assertThat(recent.get(key).toString().replace("test-run", "")).as(key).isEqualTo(full.get(key).toString().replace("test-run", ""));
        }
    }

    @Test
    void recomputingOnlyRecentPeriodsReadsNoStagedMonthBeforeTheRepeatWindow(SparkSession spark, @TempDir Path dir) throws IOException {
        // Staged as the nightly stages it: partitioned by record month.
        table(spark, CRIME,
                // The first month, which every run reads for the first record date.
                crime("c00", "2023-02-01", "S2", "V0"),
                // V1 in March 2023: before 2024-04-01 - 365 days = 2023-04-02, so no recomputed crime's window reaches it.
                crime("c0", "2023-03-15", "S1", "V1"),
                crime("c1", "2023-04-10", "S1", "V1"),
                crime("c2", "2024-04-09", "S1", "V1"),
                crime("c3", "2024-05-01", "S1", "V2"))
                .withColumn("record_month", date_format(col("recorded_date"), "yyyy-MM"))
                .write().partitionBy("record_month").parquet(dir.resolve("crime").toString());
        Dataset<Row> staged = spark.read().schema(CRIME + ", record_month string").parquet(dir.resolve("crime").toString());
        Map<String, Row> full = compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, staged);

        // March 2023 made unreadable: a recompute from 2024-04-01 must not open it.
        try (var files = Files.walk(dir.resolve("crime/record_month=2023-03"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".parquet")).toList()) {
                Files.writeString(file, "not parquet");
            }
        }
        Map<String, Row> recent = compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, staged,
                RecomputePlan.incremental(Map.of("PRV-01", d("2024-04-01")), "test"));
        // Q1 2024-25: V1 a repeat (c1 lies 365 days before c2), V2 not.
        assertThat(numerator(recent, "force/WM/2024-25 Q1")).isEqualTo(1.0);
        assertThat(denominator(recent, "force/WM/2024-25 Q1")).isEqualTo(2.0);
        for (String key : recent.keySet()) {
            assertThat(recent.get(key).toString()).as(key).isEqualTo(full.get(key).toString());
        }
        // Every period does read March 2023.
        spark.catalog().clearCache();
        assertThatThrownBy(() -> compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, staged)).isInstanceOf(Exception.class);
    }

    @Test
    void repeatVictimsFollowTheWindowOf365DaysAcrossAreas(SparkSession spark) {
        Dataset<Row> crimes = table(spark, CRIME,
                // V1: 2023-04-10 then 2024-04-09, exactly 365 days later (29 Feb 2024 lies between): c2 is a repeat.
                crime("c1", "2023-04-10", "S1", "V1"),
                crime("c2", "2024-04-09", "S1", "V1"),
                // V2: 2023-04-10 then 2024-04-10, 366 days later: no repeat.
                crime("c3", "2023-04-10", "S1", "V2"),
                crime("c4", "2024-04-10", "S1", "V2"),
                // V3: two crimes on the same day: both are repeats.
                crime("c5", "2023-05-01", "S1", "V3"),
                crime("c6", "2023-05-01", "S1", "V3"),
                // V4: earlier crime in S3 (NWO), later one in S2 (HER): repeat in S2/HER, not in S3/NWO.
                crime("c7", "2023-05-02", "S3", "V4"),
                crime("c8", "2023-06-01", "S2", "V4"),
                // V5: the earlier crime is cancelled and counts nowhere: no repeat.
                crime("c9", "2023-05-03", "Burglary", "S1", "V5", false, "cancelled"),
                crime("c10", "2023-05-20", "S1", "V5"),
                // V6: the earlier record is anti-social behaviour, not recorded crime: no repeat.
                crime("c11", "2023-05-04", "Anti-social behaviour", "S1", "V6", false, "recorded"),
                crime("c12", "2023-05-05", "S1", "V6"),
                // No victim key: out of the metric.
                crime("c13", "2023-05-06", "S1", null));
        Map<String, Row> values = compute(spark, "PRV-01", d("2024-06-30"), Source.CRIME, crimes);

        // 2023-24 Q1, S1: keys V1, V2, V3, V5, V6; repeat V3 only -> 1/5 = 20%.
        assertThat(numerator(values, "snt/S1/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "snt/S1/2023-24 Q1")).isEqualTo(5.0);
        assertThat(value(values, "snt/S1/2023-24 Q1")).isCloseTo(20.0, within(1e-9));
        // S2: V4 (c8 has c7 in S3 within 365 days) -> 1/1; S3: V4 (c7 has nothing before) -> 0/1.
        assertThat(value(values, "snt/S2/2023-24 Q1")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "snt/S3/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
        // HER: V1, V2, V3, V4, V5, V6 with V3 and V4 repeat -> 2/6; NWO: V4 not repeat there -> 0/1.
        assertThat(numerator(values, "lpa/HER/2023-24 Q1")).isEqualTo(2.0);
        assertThat(denominator(values, "lpa/HER/2023-24 Q1")).isEqualTo(6.0);
        assertThat(value(values, "lpa/NWO/2023-24 Q1")).isCloseTo(0.0, within(1e-9));
        // Force: six keys, V3 and V4 repeat -> 33.33%.
        assertThat(value(values, "force/WM/2023-24 Q1")).isCloseTo(100.0 * 2 / 6, within(1e-9));
        // 2024-25 Q1 (cut at the latest record): V1 (c2 repeat, 365 days) and V2 (c4 not, 366 days) -> 1/2.
        assertThat(numerator(values, "snt/S1/2024-25 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "snt/S1/2024-25 Q1")).isEqualTo(2.0);
        // Financial year 2023-24 holds the same keys as its Q1: 2/6 at force.
        assertThat(value(values, "force/WM/2023-24")).isCloseTo(100.0 * 2 / 6, within(1e-9));
        // Q2 2023-24 has no crimes: 0 of 0 -> null, no_data.
        assertThat(value(values, "force/WM/2023-24 Q2")).isNull();
        assertThat(status(values, "force/WM/2023-24 Q2")).isEqualTo("no_data");
    }

    /** Three victims with two crimes each, some of them domestic abuse. */
    private static Row[] domesticAbuse() {
        return new Row[] {
            // W1: two domestic abuse crimes: repeat.
            crime("d1", "2023-05-01", "Burglary", "S1", "W1", true, "recorded"),
            crime("d2", "2023-05-10", "Burglary", "S1", "W1", true, "recorded"),
            // W2: the earlier crime is not domestic abuse: for VUL-04, W2 counts (d4) but is no repeat.
            crime("d3", "2023-05-01", "Burglary", "S1", "W2", false, "recorded"),
            crime("d4", "2023-05-10", "Burglary", "S1", "W2", true, "recorded"),
            // W3: the later crime is not domestic abuse: for VUL-04, W3 counts (d5) but is no repeat.
            crime("d5", "2023-05-01", "Burglary", "S1", "W3", true, "recorded"),
            crime("d6", "2023-05-10", "Burglary", "S1", "W3", false, "recorded"),
        };
    }

    @Test
    void domesticAbuseRepeatsCountOnlyDomesticAbuseCrimesOnBothSides(SparkSession spark) {
        Map<String, Row> values = compute(spark, "VUL-04", d("2024-06-30"), Source.CRIME, table(spark, CRIME, domesticAbuse()));
        // Keys W1, W2, W3; repeat W1 -> 1/3.
        assertThat(numerator(values, "force/WM/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "force/WM/2023-24 Q1")).isEqualTo(3.0);
    }

    @Test
    void metricsSharingAWindowKeepTheirOwnFiltersOnBothSides(SparkSession spark) {
        // PRV-01 and VUL-04 both look for victims over 365 days of recorded dates: one window for both.
        List<Row> rows = new java.util.ArrayList<>(List.of(domesticAbuse()));
        // W4: anti-social behaviour then a crime: counted by neither metric as a repeat; W4 is
        // a key of PRV-01 (d8) but not of VUL-04 (not domestic abuse).
        rows.add(crime("d7", "2023-05-01", "Anti-social behaviour", "S1", "W4", true, "recorded"));
        rows.add(crime("d8", "2023-05-10", "Burglary", "S1", "W4", false, "recorded"));
        Dataset<Row> crimes = table(spark, CRIME, rows.toArray(Row[]::new));
        Map<String, Row> values = computeTogether(spark, List.of("PRV-01", "VUL-04"), d("2024-06-30"), Map.of(Source.CRIME, crimes));
        // PRV-01: every burglary counts on both sides: W1, W2, W3 repeat, W4 not -> 3/4.
        assertThat(numerator(values, "PRV-01/force/WM/2023-24 Q1")).isEqualTo(3.0);
        assertThat(denominator(values, "PRV-01/force/WM/2023-24 Q1")).isEqualTo(4.0);
        // VUL-04: domestic abuse crimes only, on both sides: W1 repeats; W2 (d4) and W3 (d5) do not -> 1/3.
        assertThat(numerator(values, "VUL-04/force/WM/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "VUL-04/force/WM/2023-24 Q1")).isEqualTo(3.0);
    }

    private static Row street(String ref, String month, String location) {
        return row(ref, d(month + "-01"), "Burglary", "HER", "Herefordshire", "E01", location, "lpa");
    }

    @Test
    void policeUkLocationsLookBackTwelveMonthsIncludingTheCrimesMonth(SparkSession spark) {
        Dataset<Row> crimes = table(spark, POLICEUK,
                // L1: April 2023 then March 2024: April 2023 is within the 12 months April 2023-March 2024: repeat.
                street("u1", "2023-04", "L1"),
                street("u2", "2024-03", "L1"),
                // L2: April 2023 then April 2024: the 12 months are May 2023-April 2024: no repeat.
                street("u3", "2023-04", "L2"),
                street("u4", "2024-04", "L2"),
                // L3: two crimes in May 2023: repeat.
                street("u5", "2023-05", "L3"),
                street("u6", "2023-05", "L3"));
        Map<String, Row> values = compute(spark, "PRV-02", d("2024-06-30"), Source.POLICEUK, crimes);
        // 2023-24 Q1: L1 (no), L2 (no), L3 (yes) -> 1/3.
        assertThat(numerator(values, "lpa/HER/2023-24 Q1")).isEqualTo(1.0);
        assertThat(denominator(values, "lpa/HER/2023-24 Q1")).isEqualTo(3.0);
        // 2023-24 Q4: L1 -> 1/1; 2024-25 Q1: L2 -> 0/1.
        assertThat(value(values, "force/WM/2023-24 Q4")).isCloseTo(100.0, within(1e-9));
        assertThat(value(values, "force/WM/2024-25 Q1")).isCloseTo(0.0, within(1e-9));
        // police.uk files have no SNT: no SNT rows.
        assertThat(values.keySet()).noneMatch(key -> key.startsWith("snt/"));
    }

    @Test
    void policeUkFilesHaveNoVictimsSoRepeatVictimsAreNoData(SparkSession spark) {
        Dataset<Row> crimes = table(spark, POLICEUK, street("u1", "2023-04", "L1"));
        Map<String, Row> values = compute(spark, "PRV-01", d("2024-06-30"), Source.POLICEUK, crimes);
        assertThat(values).isNotEmpty();
        assertThat(values.values()).allSatisfy(row -> assertThat(row.<String>getAs("status")).isEqualTo("no_data"));
    }
}
