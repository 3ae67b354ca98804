package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.statistics.Direction;

class ScorecardRenderingTest {
    private static final String SCRIPT = "<script>alert('x')</script>";

    private static ScorecardRow row(String metricName, Double value, String status, Double change) {
        return new ScorecardRow("2024-25 Q3", "force", "WM", "West Mercia", "VIS-03", "VIS", metricName, "percent", "higher",
                value, value == null ? null : 40.0, value == null ? null : 50.0, status, 45L, 60.0,
                "2024-25 Q2", 44.0, change, null, null, change == null ? null : Boolean.FALSE,
                "2023-24 Q3", null, null, null, null, null, null, null, null, "nightly-1");
    }

    @Test
    void csvNeutralisesFormulaLikeTextButKeepsNegativeNumbersAsNumbers() throws Exception {
        assertThat(ScorecardCsv.neutralise("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ScorecardCsv.neutralise("+1")).isEqualTo("'+1");
        assertThat(ScorecardCsv.neutralise("-2")).isEqualTo("'-2");
        assertThat(ScorecardCsv.neutralise("@cmd")).isEqualTo("'@cmd");
        assertThat(ScorecardCsv.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(ScorecardCsv.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(ScorecardCsv.neutralise("Know the local team")).isEqualTo("Know the local team");

        StringWriter out = new StringWriter();
        ScorecardCsv.write(List.of(row("=HYPERLINK(\"http://evil\")", 45.25, "green", -1.25)), out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("quarter,area_code,area_name,theme,metric_id,metric_name");
        // Rounded half-up to one place for percents; the name is neutralised (and quoted for its quotes).
        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
                .contains(",45.3,40.0,50.0,green,45,60.0,2024-25 Q2,44.0,-1.3,no,");
    }

    private static ScorecardRow daysRow(String areaCode, String areaName, double value, double low, double high) {
        return new ScorecardRow("2024-25 Q3", areaCode.equals("WM") ? "force" : "lpa", areaCode, areaName, "RSP-02", "RSP",
                "Days to reply to correspondence", "days", "lower", value, low, high, "no_target", 80L, null,
                "2024-25 Q2", null, null, null, null, null, "2023-24 Q3", null, null, null, null, null, null, null, null, "nightly-1");
    }

    @Test
    void intervalBarsOfAMetricInDaysHaveALabelledScale() {
        // Bars run from zero (days are never negative) to the highest value or interval end: 0 to 22 days, midpoint 11.
        ScorecardReport report = new ScorecardReport("2024-25 Q3", java.time.LocalDate.of(2024, 12, 31), List.of("nightly-1"),
                List.of(new MetricInfo("RSP-02", "RSP", "Days to reply to correspondence", "days", Direction.LOWER, true)),
                List.of(daysRow("WM", "West Mercia", 12.5, 10.0, 15.0), daysRow("E07000235", "Herefordshire", 20.0, 18.0, 22.0)),
                List.of(), List.of(), Map.of(), Map.of());
        String html = ScorecardHtml.render(report);
        String header = html.substring(html.indexOf("95% interval"), html.indexOf("</th>", html.indexOf("95% interval")));
        assertThat(header).contains("aria-label=\"Scale of the interval bars: 0.0 days to 22.0 days\"")
                .contains("text-anchor=\"start\">0.0</text>")
                .contains("text-anchor=\"middle\">11.0</text>")
                .contains("text-anchor=\"end\">22.0</text>");
        // The axis's ticks sit where the bars put the same values: 0 at x = 4, 11 at x = 80, 22 at x = 156.
        assertThat(header).contains("x1=\"4.0\" x2=\"4.0\"").contains("x1=\"80.0\" x2=\"80.0\"").contains("x1=\"156.0\" x2=\"156.0\"");
        // The values on that scale: 12.5 at 4 + 12.5 / 22 * 152 = 90.4, 20 at 4 + 20 / 22 * 152 = 142.2.
        assertThat(html).contains("<circle class=\"value\" cx=\"90.4\"").contains("<circle class=\"value\" cx=\"142.2\"");
    }

    @Test
    void lowBaseIsShownAsTooFewResponsesNeverAsANumber() throws Exception {
        ScorecardRow held = row("Know the local team", null, "low_base", null);
        StringWriter out = new StringWriter();
        ScorecardCsv.write(List.of(held), out);
        assertThat(out.toString().lines().toList().get(1)).contains(",,,,low_base,").endsWith(",too few responses to publish");

        ScorecardReport report = new ScorecardReport("2024-25 Q3", java.time.LocalDate.of(2024, 12, 31), List.of("nightly-1"),
                List.of(new MetricInfo("VIS-03", "VIS", "Know the local team", "percent", Direction.HIGHER, false)),
                List.of(held), List.of(), List.of(), Map.of(), Map.of());
        String html = ScorecardHtml.render(report);
        assertThat(html).contains("<em>too few responses</em>").doesNotContain(">42.0");

        // REL-04 is held back for want of groups, not of responses.
        ScorecardReport gap = new ScorecardReport("2024-25 Q3", java.time.LocalDate.of(2024, 12, 31), List.of("nightly-1"),
                List.of(new MetricInfo("VIS-03", "VIS", "Confidence gap", "percent", Direction.HIGHER, false, "", true)),
                List.of(held), List.of(), List.of(), Map.of(), Map.of());
        assertThat(ScorecardHtml.render(gap)).contains("<em>fewer than two groups with 50 responses</em>");
    }

    @Test
    void theHeaderGivesTheQuarterAndSaysWhenItIsPartialAndEachMetricItsPromise() {
        MetricInfo metric = new MetricInfo("VIS-03", "VIS", "Know the local team", "percent", Direction.HIGHER, false,
                "We will make sure you know who your local team is.");
        ScorecardRow row = row("Know the local team", 45.25, "green", -1.25);
        ScorecardReport partial = new ScorecardReport("2025-26 Q1", java.time.LocalDate.of(2025, 4, 8), List.of("nightly-1"), List.of(metric),
                List.of(row), List.of(), List.of(), Map.of(), Map.of());
        assertThat(ScorecardHtml.coverage(partial)).isEqualTo("The quarter runs from 1 April 2025 to 30 June 2025. Partial quarter: its"
                + " figures run only to 8 April 2025, and its changes compare part of a quarter with whole ones.");
        ScorecardReport whole = new ScorecardReport("2025-26 Q1", java.time.LocalDate.of(2025, 6, 30), List.of("nightly-1"), List.of(metric),
                List.of(row), List.of(), List.of(), Map.of(), Map.of());
        assertThat(ScorecardHtml.coverage(whole)).isEqualTo("The quarter runs from 1 April 2025 to 30 June 2025.");

        String html = ScorecardHtml.render(whole);
        assertThat(html).contains("Charter promise: We will make sure you know who your local team is.")
                .contains("The quarter runs from 1 April 2025 to 30 June 2025.");
    }

    @Test
    void builderHoldsBackLowBaseSurveyFigures() {
        Period q = Fixtures.quarter("2024-25 Q3");
        List<MetricValue> values = new ArrayList<>();
        values.add(Fixtures.percent("VIS-03", "VIS", "WM", q, 42, 45, "low_base"));
        values.add(Fixtures.percent("VIS-03", "VIS", "WM", q.previous(), 60, 100, "green"));
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(q, values);
        ScorecardRow row = report.rows().get(0);
        assertThat(row.status()).isEqualTo("low_base");
        assertThat(row.value()).isNull();
        assertThat(row.ciLow()).isNull();
        assertThat(row.changePrevious()).isNull();
        assertThat(row.previousValue()).isEqualTo(60.0);
    }

    @Test
    void everyTextFromDataIsEscaped() {
        ScorecardRow evil = new ScorecardRow("2024-25 Q3", "force", "WM", SCRIPT, "VIS-99", "VIS", SCRIPT, "percent", "higher",
                50.0, 45.0, 55.0, SCRIPT, 100L, null, SCRIPT, 40.0, 10.0, 0.01, 0.02, true, "2023-24 Q3", null, null, null, null,
                null, null, SCRIPT, null, SCRIPT);
        ScorecardReport report = new ScorecardReport(SCRIPT, java.time.LocalDate.of(2024, 12, 31), List.of(SCRIPT),
                List.of(new MetricInfo("VIS-99", "VIS", SCRIPT, "percent", Direction.HIGHER, false)),
                List.of(evil), List.of(), List.of(), Map.of(), Map.of());
        String html = ScorecardHtml.render(report);
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.escape("a & b \"c\" <d>")).isEqualTo("a &amp; b &quot;c&quot; &lt;d&gt;");
    }

    @Test
    void builderComputesChangesRanksFunnelAndSpc() {
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2024-25 Q4"), Fixtures.twoYears());
        assertThat(report.rows()).hasSize(12);
        ScorecardRow forceRate = report.rows().stream().filter(r -> r.metricId().equals("PRV-04") && r.areaCode().equals("WM"))
                .findFirst().orElseThrow();
        assertThat(forceRate.value()).isEqualTo(15.0);
        assertThat(forceRate.previousLabel()).isEqualTo("2024-25 Q3");
        assertThat(forceRate.yearBeforeLabel()).isEqualTo("2023-24 Q4");
        assertThat(forceRate.changePrevious()).isEqualTo(0.0);
        assertThat(forceRate.changePreviousSignificant()).isFalse();
        assertThat(forceRate.spcPoints()).isEqualTo(24);
        assertThat(forceRate.spcSignal()).isIn("common_cause", "improvement", "concern");
        ScorecardRow percent = report.rows().stream().filter(r -> r.metricId().equals("VIS-01")).findFirst().orElseThrow();
        assertThat(percent.spcSignal()).isNull();
        // PRV-04 lower is better: SHR has the highest rate (18 per 1,000 against 15), the others tie at 1.
        AreaComparisonRow shr = report.comparisons().stream().filter(r -> r.metricId().equals("PRV-04") && r.areaCode().equals("SHR"))
                .findFirst().orElseThrow();
        assertThat(shr.rank()).isEqualTo(5);
        assertThat(shr.forceValue()).isEqualTo(15.0);
        // 1,800 events where 1,500 are expected: far above the 99.8% limit.
        assertThat(shr.funnel()).isEqualTo("above_99_8");
        // VIS-01 higher is better: HER 40%, NWO 50%, ... TWR 80%.
        assertThat(report.comparisons().stream().filter(r -> r.metricId().equals("VIS-01") && r.areaCode().equals("TWR"))
                .findFirst().orElseThrow().rank()).isEqualTo(1);
        assertThat(report.themeScores()).isNotEmpty();
    }

    @Test
    void fewerThanTwelveMonthsIsInsufficientData() {
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2023-24 Q3"), Fixtures.twoYears());
        ScorecardRow forceRate = report.rows().stream().filter(r -> r.metricId().equals("PRV-04") && r.areaCode().equals("WM"))
                .findFirst().orElseThrow();
        assertThat(forceRate.spcPoints()).isEqualTo(9);
        assertThat(forceRate.spcSignal()).isEqualTo("insufficient_data");
    }

    @Test
    void themeAttainmentIsGreenOverRated() {
        assertThat(ThemeScores.attainment(1, 1, 2)).isEqualTo(25.0);
        assertThat(ThemeScores.attainment(0, 0, 0)).isNull();
    }
}
