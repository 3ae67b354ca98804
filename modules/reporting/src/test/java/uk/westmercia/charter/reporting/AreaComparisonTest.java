package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.reference.SpcBaseline;
import uk.westmercia.charter.statistics.BenjaminiHochberg;

/** metrics.md "Area comparison", "Multiple comparisons" and "SPC: variation and assurance", through the scorecard builder. */
class AreaComparisonTest {
    private static AreaComparisonRow comparison(ScorecardReport report, String metric, String area) {
        return report.comparisons().stream().filter(r -> r.metricId().equals(metric) && r.areaCode().equals(area)).findFirst().orElseThrow();
    }

    /**
     * VIS-01 in the fixture: every quarter the LPAs have 50, 60, 70, 80 and 90 of 100 (HER, NWO, SHR, SWO,
     * TWR), so the pooled centre is 350 / 500 = 70% and s = sqrt(0.7 x 0.3 / 100) = 0.0458258 for each;
     * z = -4.36436, -2.18218, 0, 2.18218, 4.36436. 2024-25 Q4 pools itself and the three quarters before:
     * 20 z-scores, four of each. Type-7 10th percentile: h = 19 x 0.1 = 1.9, between the 2nd and 3rd
     * smallest, both -4.36436: nothing is clamped. phi = (2 x 19.0476 + 2 x 4.7619 + 0) / 5 = 9.52381
     * (z^2 = 0.04 / 0.0021 and 0.01 / 0.0021). w = 1 / 0.0021 = 476.190 for all: sum w - sum w^2 / sum w =
     * 19 w = 9,047.62; tau^2 = (20 x 9.52381 - 19) / 9,047.62 = 171.476 / 9,047.62 = 0.0189526.
     * TWR: adjusted z = 0.2 / sqrt(0.0021 + 0.0189526) = 0.2 / 0.145095 = 1.37841, within the adjusted
     * limits (it is above 99.8% for chance alone, z = 4.36); p = 2 (1 - Phi(1.37841)) = 0.16808.
     */
    @Test
    void lpasPoolZScoresOverFourQuartersAndTheirLimitsWiden() {
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2024-25 Q4"), Fixtures.twoYears());
        AreaComparisonRow twr = comparison(report, "VIS-01", "TWR");
        assertThat(twr.centre()).isCloseTo(70.0, within(1e-9));
        assertThat(twr.z()).isCloseTo(4.3643578, within(1e-6));
        assertThat(twr.funnel()).isEqualTo("above_99_8");
        assertThat(twr.dispersion()).isEqualTo("estimated");
        assertThat(twr.dispersionN()).isEqualTo(20);
        assertThat(twr.phi()).isCloseTo(9.5238095, within(1e-6));
        assertThat(twr.tau2()).isCloseTo(171.47619 / 9047.619, within(1e-7));
        assertThat(twr.zAdjusted()).isCloseTo(1.37841, within(1e-4));
        assertThat(twr.funnelAdjusted()).isEqualTo("within");
        assertThat(twr.pAdjusted()).isCloseTo(0.16808, within(1e-4));
        AreaComparisonRow shr = comparison(report, "VIS-01", "SHR");
        assertThat(shr.z()).isCloseTo(0.0, within(1e-12));
        assertThat(shr.funnelAdjusted()).isEqualTo("within");
        // Every row of the quarter's funnel deviations is one family: q from all their p-values.
        List<Double> q = BenjaminiHochberg.qValues(report.comparisons().stream().map(AreaComparisonRow::pAdjusted).toList());
        assertThat(report.comparisons().stream().map(AreaComparisonRow::qAdjusted).toList()).isEqualTo(q);
    }

    @Test
    void oneQuarterOfFiveLpasIsNotEstimatedAndTheAdjustedPlaceIsTheUnadjusted() {
        // 2023-24 Q1 is the fixture's first quarter: five z-scores, fewer than 10.
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2023-24 Q1"), Fixtures.twoYears());
        AreaComparisonRow twr = comparison(report, "VIS-01", "TWR");
        assertThat(twr.dispersion()).isEqualTo("not_estimated");
        assertThat(twr.dispersionN()).isEqualTo(5);
        assertThat(twr.phi()).isNull();
        assertThat(twr.tau2()).isNull();
        assertThat(twr.funnelAdjusted()).isEqualTo(twr.funnel()).isEqualTo("above_99_8");
        assertThat(twr.zAdjusted()).isCloseTo(twr.z(), within(1e-12));
        // Two quarters give ten z-scores: enough.
        ScorecardReport second = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2023-24 Q2"), Fixtures.twoYears());
        assertThat(comparison(second, "VIS-01", "TWR").dispersionN()).isEqualTo(10);
        assertThat(comparison(second, "VIS-01", "TWR").dispersion()).isEqualTo("estimated");
        assertThat(ScorecardHtml.adjustmentNote(List.of(twr), new MetricInfo("VIS-01", "VIS", "x", "percent",
                uk.westmercia.charter.statistics.Direction.HIGHER, false)))
                .contains("Limits not adjusted for overdispersion: only 5 z-scores");
    }

    @Test
    void theCentreIsTheLpasPooledRateNotTheForceFigure() {
        // police.uk: the force counts 1,000 crimes over 100,000 people (10 per 1,000) but 27 have no LPA; the
        // LPAs' 973 crimes over the same people pool to 9.73 per 1,000, the funnel's centre.
        Period q = Fixtures.quarter("2024-25 Q1");
        List<MetricValue> values = new ArrayList<>();
        values.add(Fixtures.rate("PRV-04", "PRV", "WM", q, 1000, 100_000, "no_target"));
        long[] counts = {300, 200, 173, 150, 150};
        double[] population = {30_000, 20_000, 20_000, 15_000, 15_000};
        List<String> lpas = Areas.lpaCodes();
        for (int i = 0; i < 5; i++) {
            values.add(Fixtures.rate("PRV-04", "PRV", lpas.get(i), q, counts[i], population[i], "no_target"));
        }
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(q, values);
        AreaComparisonRow swo = comparison(report, "PRV-04", "SWO");
        assertThat(swo.forceValue()).isEqualTo(10.0);
        assertThat(swo.centre()).isCloseTo(9.73, within(1e-12));
        // SWO: 10 per 1,000 against 9.73 over 15,000 people: s = sqrt(1000 x 9.73 / 15,000) = 0.805398, z = 0.27 / 0.805398 = 0.335238.
        assertThat(swo.z()).isCloseTo(0.335238, within(1e-6));
        assertThat(report.quantityPerEvent()).containsEntry("PRV-04", 1.0);
    }

    @Test
    void changesCarryQValuesOverTheQuartersFamiliesAndAreSignificantOnlyBelowFivePercent() {
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2024-25 Q4"), Fixtures.twoYears());
        List<Double> previous = BenjaminiHochberg.qValues(report.rows().stream().map(ScorecardRow::changePreviousP).toList());
        List<Double> year = BenjaminiHochberg.qValues(report.rows().stream().map(ScorecardRow::changeYearP).toList());
        for (int i = 0; i < report.rows().size(); i++) {
            ScorecardRow row = report.rows().get(i);
            assertThat(row.changePreviousQ()).isEqualTo(previous.get(i));
            assertThat(row.changeYearQ()).isEqualTo(year.get(i));
            assertThat(row.changePreviousSignificant()).isEqualTo(row.changePreviousQ() == null ? null : row.changePreviousQ() < 0.05);
        }
        assertThat(report.rows()).anyMatch(row -> row.changePreviousQ() != null);
    }

    /** VIS-05 monthly for the force and every LPA, 80% then 82% alternating (of 1,000 calls), target 50 (Fixtures.percent). */
    private static List<MetricValue> monthlyCalls() {
        List<MetricValue> values = new ArrayList<>();
        Period month = Period.parse(PeriodType.MONTH, "2023-04");
        for (int m = 0; m < 24; m++, month = month.next()) {
            for (String area : Areas.scorecardCodes()) {
                values.add(Fixtures.percent("VIS-05", "VIS", area, month, m % 2 == 0 ? 800 : 820, 1000, "green"));
            }
        }
        Period q = Fixtures.quarter("2024-25 Q4");
        for (String area : Areas.scorecardCodes()) {
            values.add(Fixtures.percent("VIS-05", "VIS", area, q, 2430, 3000, "green"));
        }
        return values;
    }

    @Test
    void everyAreaGetsSpcAndAssuranceAndAChangePointStartsItsLimitsAfresh() {
        // Mean 81, MR-bar 2, limits 81 +- 5.32 = 75.68 to 86.32: the whole band meets the target of 50.
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled(), List.of(
                new SpcBaseline("VIS-05", "HER", YearMonth.of(2024, 6), "New call-handling system")))
                .build(Fixtures.quarter("2024-25 Q4"), monthlyCalls());
        for (String area : Areas.scorecardCodes()) {
            ScorecardRow row = report.rows().stream().filter(r -> r.metricId().equals("VIS-05") && r.areaCode().equals(area))
                    .findFirst().orElseThrow();
            if (area.equals("HER")) {
                // From 2024-06 to 2025-03 is ten months: fewer than 12 since the change, so no limits and no assurance.
                assertThat(row.spcSignal()).isEqualTo("insufficient_data");
                assertThat(row.spcAssurance()).isNull();
                MonthlySeries her = report.series().get("VIS-05").get("HER");
                assertThat(her.changePointIndex()).isEqualTo(14);
                assertThat(her.spc().pointsUsed()).isEqualTo(10);
                assertThat(her.changePoint().reason()).isEqualTo("New call-handling system");
            }
            else {
                assertThat(row.spcSignal()).isEqualTo("common_cause");
                assertThat(row.spcAssurance()).isEqualTo("consistently_pass");
            }
        }
        assertThat(report.changePoints()).extracting(SpcBaseline::reason).containsExactly("New call-handling system");
        String html = ScorecardHtml.render(report);
        // The LPAs' small multiples, each with its icons as inline SVG with a text alternative.
        assertThat(html).contains("id=\"spc-VIS-05-SHR-desc\"").contains("id=\"spc-VIS-05-HER-desc\"")
                .contains("aria-label=\"Assurance: consistently passes the target\"")
                .contains("aria-label=\"Variation: common cause, no significant change\"")
                .contains("Change point from 2024-06: New call-handling system")
                .contains("Fewer than 12 months since the change: no limits");
    }

    @Test
    void theReportSaysHowTheFunnelLimitsWereAdjustedAndWhatIsBeyondChance() throws Exception {
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2024-25 Q4"), Fixtures.twoYears());
        String html = ScorecardHtml.render(report);
        assertThat(html).contains("Limits adjusted for overdispersion (Spiegelhalter 2005): from 20 z-scores")
                .contains("class=\"adjusted95\"").contains("class=\"adjusted998\"")
                .contains("Beyond chance this quarter")
                .contains("its q-value is below 0.05");
        java.nio.file.Path target = java.nio.file.Path.of("target");
        java.nio.file.Files.createDirectories(target);
        java.nio.file.Files.writeString(target.resolve("area-comparison-test.html"), html);
        java.io.StringWriter csv = new java.io.StringWriter();
        ScorecardCsv.write(report, csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).contains("change_previous_p,change_previous_q").contains("q_adjusted,deviation_significant,note");
        // TWR's VIS-01 row: above 99.8% for chance alone, within the adjusted limits.
        assertThat(lines).anyMatch(line -> line.contains(",TWR,") && line.contains("VIS-01") && line.contains(",above_99_8,within,0.1681,"));
    }

    private static MetricValue snt(String code, Period q, double x, double n) {
        MetricValue lpaLike = Fixtures.percent("VIS-03", "VIS", code, q, x, n, "green");
        return new MetricValue(lpaLike.metricId(), lpaLike.theme(), "snt", code, lpaLike.periodType(), lpaLike.periodLabel(),
                lpaLike.periodStart(), lpaLike.periodEnd(), x, n, lpaLike.value(), "percent", lpaLike.ciLow(), lpaLike.ciHigh(),
                (long) n, 50.0, "green", "nightly-1");
    }

    @Test
    void theForcesSntsAreASecondSetThatPoolsOnlyWhenFewerThanTen() {
        // Twelve SNTs in one quarter: ten z-scores or more, so phi and tau2 come from this quarter alone.
        Period q = Fixtures.quarter("2024-25 Q1");
        List<MetricValue> values = new ArrayList<>();
        values.add(Fixtures.percent("VIS-03", "VIS", "WM", q, 600, 1200, "green"));
        for (int i = 0; i < 12; i++) {
            values.add(snt(String.format("S%02d", i), q, 30 + 4 * i, 100));
            values.add(snt(String.format("S%02d", i), q.previous(), 50, 100));
        }
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(q, values);
        List<AreaComparisonRow> snts = report.comparisons().stream().filter(r -> !r.isLpa()).toList();
        assertThat(snts).hasSize(12).allMatch(r -> r.comparisonSet().equals("snt"));
        // Pooled: (30 + 34 + ... + 74) / 1,200 = 624 / 1,200 = 52%.
        assertThat(snts.get(0).centre()).isCloseTo(52.0, within(1e-9));
        assertThat(snts.get(0).dispersionN()).isEqualTo(12);
        assertThat(snts.get(0).dispersion()).isEqualTo("estimated");
        assertThat(snts.get(11).rank()).isEqualTo(1);
        // Six SNTs pool with the quarter before: twelve z-scores.
        List<MetricValue> six = values.stream().filter(v -> !v.areaCode().matches("S(0[6-9]|1[01])")).toList();
        AreaComparisonRow pooled = new ScorecardBuilder(Catalogue.bundled()).build(q, six).comparisons().stream()
                .filter(r -> !r.isLpa()).findFirst().orElseThrow();
        assertThat(pooled.dispersionN()).isEqualTo(12);
        String html = ScorecardHtml.render(report);
        assertThat(html).contains("safer neighbourhood teams against each other (funnel plot)").contains("Centre: the SNTs&#39; pooled figure, 52.0%");
    }
}
