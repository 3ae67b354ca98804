package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;

/**
 * The nightly job on the hand-made landing in src/test/resources/landing-tiny, as of 2024-06-30.
 * Every expected figure below is worked out by hand from those files; the working is in the comments.
 *
 * Population (population.csv): HER01 2,000, HER02 1,000 (HER 3,000), SHR01 4,000, NWO01, SWO01 and
 * TWR01 1,000 each; force 10,000. Targets: PRV-04 0.7 +- 0.1 (lower), VUL-01 60 +- 10, RSP-01 90 +- 5,
 * PRT-01 80 +- 20, REL-03 60 +- 5; VIS-01 has none.
 */
@ExtendWith(SharedSparkSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyEndToEndTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny");

    @TempDir
    static Path warehouse;

    private final Map<String, Row> figures = new HashMap<>();
    private RunReport report;

    @BeforeAll
    void runNightly(SparkSession spark) {
        PseudonymisationKey key = new PseudonymisationKey("a-test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8), "test", false);
        report = new RunReport("20240701T020000Z-test", "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(LANDING, warehouse, LocalDate.of(2024, 6, 30), key, 0.05), report).run();
        for (Row row : WarehouseTables.readPublished(spark, warehouse.toString(), "metrics/metric_values").collectAsList()) {
            figures.put(String.join("|", row.<String>getAs("metric_id"), row.<String>getAs("area_code"), row.<String>getAs("period_label")), row);
        }
    }

    private Row figure(String metric, String area, String period) {
        Row row = figures.get(metric + "|" + area + "|" + period);
        assertThat(row).as("%s %s %s", metric, area, period).isNotNull();
        return row;
    }

    private void assertFigure(String metric, String area, String period, Double numerator, Double denominator, Double value, String status) {
        Row row = figure(metric, area, period);
        assertThat(row.<Double>getAs("numerator")).as("numerator of %s %s %s", metric, area, period).isEqualTo(numerator);
        assertThat(row.<Double>getAs("denominator")).as("denominator of %s %s %s", metric, area, period).isEqualTo(denominator);
        if (value == null) {
            assertThat(row.<Double>getAs("value")).as("value of %s %s %s", metric, area, period).isNull();
        }
        else {
            assertThat(row.<Double>getAs("value")).as("value of %s %s %s", metric, area, period).isCloseTo(value, within(1e-9));
        }
        assertThat(row.<String>getAs("status")).as("status of %s %s %s", metric, area, period).isEqualTo(status);
    }

    @Test
    void recordedCrimeRate() {
        // Recorded crimes (not ASB, not cancelled): C1, C2 (HER01, April), C3 restated to HER02 (May),
        // C5, C7, C9 (SHR01, June). C4 is ASB, C6 cancelled.
        assertFigure("PRV-04", "WM", "2024-25 Q1", 6.0, 10000.0, 0.6, "green");
        assertFigure("PRV-04", "HER", "2024-25 Q1", 3.0, 3000.0, 1.0, "red");
        assertFigure("PRV-04", "SHR", "2024-25 Q1", 3.0, 4000.0, 0.75, "amber");
        assertFigure("PRV-04", "NWO", "2024-25 Q1", 0.0, 1000.0, 0.0, "green");
        assertFigure("PRV-04", "HER02", "2024-25 Q1", 1.0, 1000.0, 1.0, "red");
        // Months: April 2 crimes in HER01 -> force 2 / 10,000 * 1,000 = 0.2; May 1 -> 0.1; June 3 -> 0.3.
        assertFigure("PRV-04", "WM", "2024-04", 2.0, 10000.0, 0.2, "green");
        assertFigure("PRV-04", "WM", "2024-05", 1.0, 10000.0, 0.1, "green");
        assertFigure("PRV-04", "HER", "2024-04", 2.0, 3000.0, 2.0 / 3.0, "green");
        // The financial year is open at --as-of: cut at 2024-06-30 and equal to Q1.
        assertFigure("PRV-04", "WM", "2024-25", 6.0, 10000.0, 0.6, "green");
        assertThat(figure("PRV-04", "WM", "2024-25").<LocalDate>getAs("period_end")).isEqualTo(LocalDate.of(2024, 6, 30));
        // Exact Poisson 95% for 6 events: (2.2019, 13.0591) per 10,000 -> (0.22019, 1.30591) per 1,000.
        assertThat(figure("PRV-04", "WM", "2024-25 Q1").<Double>getAs("ci_low")).isCloseTo(0.22019, within(1e-4));
        assertThat(figure("PRV-04", "WM", "2024-25 Q1").<Double>getAs("ci_high")).isCloseTo(1.30591, within(1e-4));
    }

    @Test
    void vulnerableVictimsReferred() {
        // Vulnerable recorded crimes: C1 (referred +7 days: counts), C2 (+8: late), C5 (never), C7 (+1), C9 (same day).
        assertFigure("VUL-01", "WM", "2024-25 Q1", 3.0, 5.0, 60.0, "green");
        assertFigure("VUL-01", "HER", "2024-25 Q1", 1.0, 2.0, 50.0, "amber");
        assertFigure("VUL-01", "SHR", "2024-25 Q1", 2.0, 3.0, 200.0 / 3.0, "green");
        assertFigure("VUL-01", "NWO", "2024-25 Q1", 0.0, 0.0, null, "no_data");
    }

    @Test
    void correspondenceAnsweredOnTime() {
        // By due date, up to --as-of: K1 on time (HER01, April), K2 late (SHR01, April), K3 no reply (no area, May),
        // K6 on time (HER01, June; UK-format reply time read as London time). K4 is due after --as-of.
        assertFigure("RSP-01", "WM", "2024-25 Q1", 2.0, 4.0, 50.0, "red");
        assertFigure("RSP-01", "HER", "2024-25 Q1", 2.0, 2.0, 100.0, "green");
        assertFigure("RSP-01", "SHR", "2024-25 Q1", 0.0, 1.0, 0.0, "red");
        assertFigure("RSP-01", "WM", "2024-05", 0.0, 1.0, 0.0, "red");
        assertFigure("RSP-01", "HER", "2024-05", 0.0, 0.0, null, "no_data");
    }

    @Test
    void engagementVehicleEveryWeek() {
        // 13 ISO weeks have their Monday in 2024-25 Q1 and their Sunday on or before 2024-06-30.
        // HER: weeks of 1 April (3rd and Sunday 7th) and 8 April (Sunday 14th, UK date) -> 2 of 13.
        // SHR: Sunday 30 June, week of 24 June -> 1 of 13. NWO's only visit was cancelled -> 0 of 13.
        // Force: 3 of 5 x 13 = 65 (LPA, week) pairs.
        assertFigure("VIS-01", "WM", "2024-25 Q1", 3.0, 65.0, 300.0 / 65.0, "no_target");
        assertFigure("VIS-01", "HER", "2024-25 Q1", 2.0, 13.0, 200.0 / 13.0, "no_target");
        assertFigure("VIS-01", "SHR", "2024-25 Q1", 1.0, 13.0, 100.0 / 13.0, "no_target");
        assertFigure("VIS-01", "NWO", "2024-25 Q1", 0.0, 13.0, 0.0, "no_target");
        assertThat(figures.keySet()).noneMatch(key -> key.startsWith("VIS-01|HER01|"));
    }

    @Test
    void partnershipMeetingsAttended() {
        // E10 attended (HER01), E11 not attended (HER, no SNT), E12 attended (SHR01); E13 cancelled is out.
        assertFigure("PRT-01", "WM", "2024-25 Q1", 2.0, 3.0, 200.0 / 3.0, "amber");
        assertFigure("PRT-01", "HER", "2024-25 Q1", 1.0, 2.0, 50.0, "red");
        assertFigure("PRT-01", "SHR", "2024-25 Q1", 1.0, 1.0, 100.0, "green");
        assertFigure("PRT-01", "HER01", "2024-25 Q1", 1.0, 1.0, 100.0, "green");
    }

    @Test
    void overallConfidenceWeighted() {
        // Answered q_confidence: R1 (w 2, agree), R2 (1), R3 (1, Don't know: in the base), R4 (0.5, agree), R6 (blank weight = 1).
        // R5 left it blank: out of the base. Force: 2.5 / 5.5; HER: 2 / 4; SHR: 0.5 / 1.5. All under 50 responses.
        assertFigure("REL-03", "WM", "2024-25 Q1", 2.5, 5.5, 2.5 / 5.5 * 100, "low_base");
        assertFigure("REL-03", "HER", "2024-25 Q1", 2.0, 4.0, 50.0, "low_base");
        assertFigure("REL-03", "SHR", "2024-25 Q1", 0.5, 1.5, 100.0 / 3.0, "low_base");
        assertThat(figure("REL-03", "WM", "2024-25 Q1").<Long>getAs("base_n")).isEqualTo(5L);
        assertFigure("REL-03", "NWO", "2024-25 Q1", 0.0, 0.0, null, "no_data");
    }

    @Test
    void noRawIdentifierReachesAnyOutput(SparkSession spark) throws Exception {
        // The fixture's raw identifiers: victims, offenders, locations, respondents.
        List<String> raw = List.of("VICTIM-000", "OFFENDER-0", "LOC-00", "R1,", "\"R1\"");
        try (var files = Files.walk(warehouse)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") || name.endsWith(".log") || name.endsWith(".lock")) {
                    String text = Files.readString(file);
                    assertThat(raw).as("raw identifiers in %s", file).noneMatch(text::contains);
                }
            }
        }
        WarehouseTables tables = WarehouseTables.reader(spark, new Warehouse(warehouse));
        for (TableName table : tables.tables()) {
            // Every version of every table, superseded ones and the run logs included.
            for (String json : spark.read().parquet(warehouse.resolve(table.path()).toString()).toJSON().collectAsList()) {
                assertThat(json).as("a row of %s", table).doesNotContain("VICTIM-", "OFFENDER-", "LOC-0", "\"R1\"", "\"R6\"");
            }
        }
    }

    @Test
    void everyFileReconcilesAndTheRestatementWins() {
        assertThat(report.inputFiles).hasSize(5);
        assertThat(report.tables).extracting(RunReport.TableReport::table).contains("metrics/metric_values", "staged/crime", "rejects/crime");
        assertThat(report.absentSources).containsExactly("policeuk", "survey-parish", "patrols", "priorities", "neighbourhood-matters");
        assertThat(warehouse.resolve("metrics/metric_values/_delta_log")).isDirectory();
        assertThat(warehouse.resolve("runs/published/_delta_log")).isDirectory();
        assertThat(report.publishedVersions).containsKeys("metrics/metric_values", "staged/crime", "rejects/crime");
    }

    @Test
    void themeScoresArePublishedWithTheNightsMetricValues(SparkSession spark) {
        assertThat(report.tables).extracting(RunReport.TableReport::table).contains("metrics/theme_scores");
        List<Row> scores = WarehouseTables.readPublished(spark, warehouse.toString(), "metrics/theme_scores")
                .filter("area_code = 'WM' and period_label = '2024-25 Q1'").collectAsList();
        assertThat(scores).isNotEmpty().allSatisfy(row -> assertThat(row.<String>getAs("run_id")).isEqualTo("20240701T020000Z-test"));
        // Each theme counts the quarter's force figures of its metrics, by status.
        for (Row score : scores) {
            String theme = score.getAs("theme");
            List<Row> theirs = figures.values().stream()
                    .filter(row -> row.getAs("area_code").equals("WM") && row.getAs("period_label").equals("2024-25 Q1") && row.getAs("theme").equals(theme))
                    .toList();
            long green = theirs.stream().filter(row -> "green".equals(row.getAs("status"))).count();
            long rated = theirs.stream().filter(row -> List.of("green", "amber", "red").contains(row.<String>getAs("status"))).count();
            long all = score.<Long>getAs("green") + score.<Long>getAs("amber") + score.<Long>getAs("red") + score.<Long>getAs("no_target")
                    + score.<Long>getAs("low_base") + score.<Long>getAs("no_data");
            assertThat(all).as("metrics of %s", theme).isEqualTo(theirs.size());
            assertThat(score.<Long>getAs("green")).as("green of %s", theme).isEqualTo(green);
            assertThat(score.<Double>getAs("attainment")).as("attainment of %s", theme).isEqualTo(rated == 0 ? null : 100.0 * green / rated);
        }
    }

    @Test
    void metricValuesAreOneFileSortedByMetricAreaAndPeriod(SparkSession spark) throws Exception {
        Path table = warehouse.resolve("metrics/metric_values");
        List<Path> files;
        try (java.util.stream.Stream<Path> entries = Files.list(table)) {
            files = entries.filter(file -> file.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(files).hasSize(1);
        List<List<String>> keys = spark.read().parquet(files.get(0).toString()).collectAsList().stream()
                .map(row -> List.of(row.<String>getAs("metric_id"), row.<String>getAs("area_level"), row.<String>getAs("area_code"),
                        row.<String>getAs("period_type"), row.getAs("period_start").toString()))
                .toList();
        java.util.Comparator<List<String>> byKey = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = a.get(i).compareTo(b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
        assertThat(keys).hasSizeGreaterThan(100).isSortedAccordingTo(byKey);
    }

    @Test
    void theReportCountsEachTablesRowsAsSparkDoes(SparkSession spark) {
        // Crime: C1 to C7 and C9, C3 once (restated); the manifest: the five landing files.
        assertThat(report.tables).filteredOn(table -> table.table().equals("staged/crime")).extracting(RunReport.TableReport::rows).containsExactly(8L);
        assertThat(report.tables).filteredOn(table -> table.table().equals("staged/_files")).extracting(RunReport.TableReport::rows).containsExactly(5L);
        WarehouseTables tables = WarehouseTables.reader(spark, new Warehouse(warehouse));
        for (RunReport.TableReport table : report.tables) {
            assertThat(table.rows()).as(table.table()).isEqualTo(tables.readVersion(new TableName(table.table()), table.deltaVersion()).count());
        }
    }
}
