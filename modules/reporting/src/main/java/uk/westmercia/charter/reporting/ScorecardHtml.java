package uk.westmercia.charter.reporting;

import static uk.westmercia.charter.reporting.Html.escape;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.Theme;

/**
 * The scorecard as one self-contained HTML page: inline style, inline SVG, no script and nothing
 * loaded from the network. Every text taken from data is escaped.
 */
public final class ScorecardHtml {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1d1d1d;background:#fafafa;line-height:1.4}
            header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
            header{padding-top:16px}
            h1{font-size:1.6rem;margin:.4em 0} h2{font-size:1.3rem;border-bottom:2px solid #1d3557;padding-bottom:4px;margin-top:1.6em}
            h3{font-size:1.05rem;margin:.6em 0 .3em}
            nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}
            .areas{display:grid;grid-template-columns:repeat(auto-fill,minmax(680px,1fr));gap:12px}
            .card,.metric{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin-bottom:12px}
            table{border-collapse:collapse;width:100%;font-size:.85rem}
.metric{overflow-x:auto}
            th,td{text-align:left;padding:3px 6px;white-space:nowrap;border-bottom:1px solid #eee;vertical-align:middle}
            th{background:#f0f3f7} thead th,tbody th{white-space:normal;vertical-align:bottom} tbody th{vertical-align:middle} .card{overflow-x:auto}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .status{display:inline-block;padding:0 6px;border-radius:3px;font-size:.8rem;border:1px solid #999}
            .status-green{background:#d9f0d3;border-color:#1b7837}.status-amber{background:#fee0b6;border-color:#b35806}
            .status-red{background:#f4cccc;border-color:#b2182b}.status-low_base{background:#eee;font-style:italic}
            .sig{font-weight:bold}
            .charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:8px}
            figure{margin:0} figcaption{font-size:.8rem;color:#444}
            svg .grid{stroke:#e5e5e5;stroke-width:1} svg .tick{font-size:10px;fill:#555} svg .note{font-size:11px;fill:#555}
            svg .label{font-size:11px;fill:#1d1d1d}
            svg .series{fill:none;stroke:#1d3557;stroke-width:1.5} svg .point{fill:#1d3557}
            svg .mean{stroke:#444;stroke-width:1.2} svg .limit{stroke:#888;stroke-width:1;stroke-dasharray:5 3}
            svg .limit95{fill:none;stroke:#6a8caf;stroke-width:1;stroke-dasharray:4 3} svg .limit998{fill:none;stroke:#1d3557;stroke-width:1}
            svg .improvement{fill:#2166ac} svg .concern{fill:#e66101}
            svg .funnel-above_95,svg .funnel-below_95{fill:#e6ab02} svg .funnel-above_99_8,svg .funnel-below_99_8{fill:#d95f02}
            svg .funnel-within{fill:#1d3557}
            svg .axis{stroke:#bbb} svg .ci{fill:#a6bddb} svg .value{fill:#1d3557}
            svg .track{fill:#eee} svg .fill{fill:#1b7837}
            svg .adjusted95{fill:none;stroke:#b35806;stroke-width:2;stroke-dasharray:6 3} svg .adjusted998{fill:none;stroke:#b35806;stroke-width:2}
            svg .change{stroke:#7b3294;stroke-width:1.5;stroke-dasharray:2 2} svg .target{stroke:#1b7837;stroke-width:1.2;stroke-dasharray:8 3}
            svg.icon{vertical-align:middle} svg.icon circle{stroke-width:2} svg.icon text{font-size:12px;font-weight:bold}
            .icon-common circle{fill:#fff;stroke:#7f7f7f} .icon-common text{fill:#7f7f7f}
            .icon-improvement circle{fill:#fff;stroke:#2166ac} .icon-improvement text{fill:#2166ac}
            .icon-concern circle{fill:#fff;stroke:#e66101} .icon-concern text{fill:#e66101}
            .icon-special circle{fill:#fff;stroke:#7b3294} .icon-special text{fill:#7b3294}
            .icon-none circle{fill:#fff;stroke:#bbb;stroke-dasharray:3 2}
            .icon-pass circle{fill:#2166ac;stroke:#2166ac} .icon-pass text{fill:#fff}
            .icon-fail circle{fill:#e66101;stroke:#e66101} .icon-fail text{fill:#fff}
            .icon-hitmiss circle{fill:#7f7f7f;stroke:#7f7f7f} .icon-hitmiss text{fill:#fff}
            .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:8px;margin-top:8px}
            .multiples figure{border:1px solid #eee;border-radius:4px;padding:4px;break-inside:avoid-page}
            .beyond{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px} .beyond li{margin:2px 0}
            .small{font-size:.8rem;color:#444}
            table.glance td{vertical-align:top} table.glance caption{text-align:left;caption-side:bottom;padding-top:4px}
            footer{font-size:.8rem;color:#555;padding-bottom:24px}
            @media (max-width:900px){th,td{white-space:normal} .areas{grid-template-columns:1fr}}
            @page{size:A4;margin:12mm}
            @media print{body{background:#fff;font-size:9pt} nav{display:none} header,main,footer{max-width:none;padding:0}
              .metric,.card{overflow:visible;border:none;break-inside:avoid-page} table{font-size:7.5pt}
              th,td{white-space:normal;padding:1px 3px} .areas{grid-template-columns:1fr 1fr} .charts{break-inside:avoid-page}}
            """;

    private ScorecardHtml() {
    }

    public static String render(ScorecardReport report) {
        String quarter = escape(report.quarter());
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Local Policing Charter scorecard ").append(quarter).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header><h1>Local Policing Charter scorecard: ").append(quarter).append("</h1>")
                .append("<p>West Mercia Police, the force and its five local policing areas. Figures from nightly run ")
                .append(escape(String.join(", ", report.sourceRunIds())))
                .append(". ").append(escape(coverage(report)))
                .append(" A change marked <span class=\"sig\">*</span> is beyond chance: its q-value is below 0.05, that is, it stays")
                .append(" significant after allowing, by the Benjamini-Hochberg method, for the ").append(testsCount(report))
                .append(" changes tested this quarter (at p &lt; 0.05 alone about one in twenty would be flagged by chance). An")
                .append(" unmarked change was tested and is not beyond chance, and one marked \"not tested\" has no test for its unit;")
                .append(" hover a change for its p- and q-value.</p>");
        html.append("<nav aria-label=\"Themes\"><ul><li><a href=\"#summary\">Themes at a glance</a></li>")
                .append("<li><a href=\"#beyond-chance\">Beyond chance</a></li>");
        for (String theme : themes(report)) {
            html.append("<li><a href=\"#theme-").append(Html.id(theme)).append("\">").append(escape(themeTitle(theme))).append("</a></li>");
        }
        html.append("</ul></nav></header>\n<main>\n");
        summary(html, report);
        beyondChance(html, report);
        for (String theme : themes(report)) {
            themeSection(html, report, theme);
        }
        html.append("</main>\n<footer><p>Status against targets: green, amber, red; \"no target\" where none is set; ")
                .append("survey figures on fewer than 50 responses are shown as \"").append(Presentation.TOO_FEW_RESPONSES)
                .append("\" and not published. Attainment = green / (green + amber + red). Intervals are 95%. ")
                .append("SPC: XmR chart of up to 24 months (at least 12); \"improvement\" or \"concern\" means the latest month is a special cause")
                .append(" (outside the limits, the end of 7 on one side of the mean or of 7 rising or falling, or 2 of the last 3 near a limit)")
                .append(" in the better or worse direction, and \"common cause\" that its variation is ordinary; the icons follow NHS")
                .append(" \"Making Data Count\" (H or L for a special cause high or low, blue improvement, orange concern, grey common cause).")
                .append(" Where a metric has a target, the assurance icon says whether the process, if nothing changes, will consistently pass it")
                .append(" (P: the whole band between the limits meets it), consistently fail it (F: none of the band does) or hit and miss it")
                .append(" (?: the target lies between the limits). A change point from reference/spc-baselines.csv starts the limits afresh.")
                .append(" Funnel limits at 95% and 99.8% around the local policing areas' pooled figure (not the force figure, which also counts")
                .append(" records with no area). Areas really differ, so the limits are widened by the between-area variation estimated from")
                .append(" this quarter and up to three before (Spiegelhalter 2005) when there are enough figures; \"Funnel (adjusted)\" gives the")
                .append(" place on the widened limits. Where a metric has figures for the safer neighbourhood teams, a second funnel")
                .append(" places each team among the force's teams in the same way. Ranks order the areas")
                .append(" but a rank alone says nothing about chance. Changes are worked out before rounding, so they may differ by 0.1 from the")
                .append(" difference of the rounded figures. Rates are per 1,000 people over the period shown. REL-04 is also held back when")
                .append(" fewer than two groups have 50 responses. A weighted survey figure is placed on its funnel at its effective base")
                .append(" (smaller than the responses counted in Base), as its interval is.</p>")
                .append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static List<String> themes(ScorecardReport report) {
        Set<String> themes = new LinkedHashSet<>();
        for (Theme theme : Theme.values()) {
            themes.add(theme.code());
        }
        report.metrics().forEach(metric -> themes.add(metric.theme()));
        return new ArrayList<>(themes);
    }

    static String themeTitle(String code) {
        for (Theme theme : Theme.values()) {
            if (theme.code().equals(code)) {
                return theme.title();
            }
        }
        return code;
    }

    /**
     * One grid of themes by areas: each cell the theme's attainment in the area with the counts behind it
     * (green, amber, red, and the metrics not rated), so the whole force reads in one screen.
     */
    private static void summary(StringBuilder html, ScorecardReport report) {
        html.append("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Themes at a glance, ")
                .append(escape(report.quarter())).append("</h2>\n<div class=\"card grid\"><table class=\"glance\"><caption class=\"small\">")
                .append("Attainment = green / (green + amber + red) of the theme's metrics with a target; beneath it the counts behind it.")
                .append(" Metrics without a target, held back for too few responses or without data are not rated.</caption>")
                .append("<thead><tr><th scope=\"col\">Theme</th>");
        Map<String, ThemeScore> scores = new LinkedHashMap<>();
        for (ThemeScore score : report.themeScores()) {
            if ("quarter".equals(score.periodType()) && report.quarter().equals(score.periodLabel())) {
                scores.put(score.areaCode() + "|" + score.theme(), score);
            }
        }
        for (String area : Areas.scorecardCodes()) {
            html.append("<th scope=\"col\">").append(escape(Areas.nameOf(area))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (String theme : themes(report)) {
            String title = themeTitle(theme);
            html.append("<tr><th scope=\"row\"><a href=\"#theme-").append(Html.id(theme)).append("\">").append(escape(title))
                    .append("</a></th>");
            for (String area : Areas.scorecardCodes()) {
                ThemeScore score = scores.get(area + "|" + theme);
                if (score == null) {
                    html.append("<td class=\"small\">no metrics yet</td>");
                    continue;
                }
                String name = Areas.nameOf(area);
                String attainment = score.attainment() == null ? "none rated" : Presentation.number(score.attainment(), 0) + "%";
                long unrated = score.noTarget() + score.lowBase() + score.noData();
                String counts = score.green() + " green, " + score.amber() + " amber, " + score.red() + " red";
                String detail = counts + "; " + score.noTarget() + " no target, " + score.lowBase() + " too few responses, "
                        + score.noData() + " no data";
                html.append("<td title=\"").append(escape(detail)).append("\">")
                        .append(SvgCharts.attainmentBar(score.attainment(), title + ", " + name + ": attainment " + attainment + " (" + detail + ")"))
                        .append(' ').append(escape(attainment))
                        .append("<br><small>").append(escape(counts)).append("</small>")
                        .append(unrated == 0 ? "" : "<br><small>" + escape(unrated + " not rated") + "</small>")
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div></section>\n");
    }

    private static void themeSection(StringBuilder html, ScorecardReport report, String theme) {
        List<MetricInfo> metrics = report.metrics().stream().filter(metric -> metric.theme().equals(theme)).toList();
        html.append("<section id=\"theme-").append(Html.id(theme)).append("\" aria-labelledby=\"theme-").append(Html.id(theme))
                .append("-h\"><h2 id=\"theme-").append(Html.id(theme)).append("-h\">").append(escape(themeTitle(theme))).append("</h2>\n");
        if (metrics.isEmpty()) {
            html.append("<p>No metrics of this theme are computed yet.</p></section>\n");
            return;
        }
        for (MetricInfo metric : metrics) {
            metricArticle(html, report, metric);
        }
        html.append("</section>\n");
    }

    private static void metricArticle(StringBuilder html, ScorecardReport report, MetricInfo metric) {
        List<ScorecardRow> rows = report.rows().stream().filter(row -> row.metricId().equals(metric.id())).toList();
        Map<String, AreaComparisonRow> comparison = new LinkedHashMap<>();
        report.comparisons().stream().filter(row -> row.metricId().equals(metric.id()) && row.isLpa())
                .forEach(row -> comparison.put(row.areaCode(), row));
        List<AreaComparisonRow> snts = report.comparisons().stream()
                .filter(row -> row.metricId().equals(metric.id()) && !row.isLpa()).toList();
        String unit = metric.unit();
        String heading = metric.id() + " " + metric.name();
        html.append("<article class=\"metric\" id=\"metric-").append(Html.id(metric.id())).append("\"><h3>")
                .append(escape(metric.id())).append(" · ").append(escape(metric.name())).append("</h3>")
                .append(metric.promise().isEmpty() ? "" : "<p class=\"promise\">Charter promise: " + escape(metric.promise()) + "</p>")
                .append("<p>Unit: ").append(escape(unitName(unit))).append("; better: ").append(escape(metric.direction().label()))
                .append(escape(target(rows, unit))).append(".</p>");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScorecardRow row : rows) {
            for (Double v : new Double[] {row.value(), row.ciLow(), row.ciHigh()}) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if ("percent".equals(unit)) {
            min = Math.max(0, Math.min(min, 0));
            max = Math.min(100, Math.max(max, 100));
        }
        else if (min >= 0) {
            // From zero: a scale from the lowest area to the highest makes 3.9 and 4.2 days look worlds apart.
            min = 0;
        }
        boolean bars = Double.isFinite(min) && max > min;
        html.append("<table><thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Value</th><th scope=\"col\">95% interval")
                .append(bars ? "<br>" + SvgCharts.intervalAxis(min, max, unit) : "").append("</th>")
                .append("<th scope=\"col\">Status</th><th scope=\"col\">Base</th><th scope=\"col\">Previous quarter</th>")
                .append("<th scope=\"col\">Change on previous quarter</th><th scope=\"col\">Year before</th><th scope=\"col\">Change on year before</th>")
                .append("<th scope=\"col\">SPC variation, assurance</th><th scope=\"col\">Rank</th>")
                .append("<th scope=\"col\">Funnel (adjusted)</th></tr></thead><tbody>");
        for (ScorecardRow row : rows) {
            AreaComparisonRow compared = comparison.get(row.areaCode());
            html.append("<tr><th scope=\"row\">").append(escape(row.areaName())).append("</th>");
            if (row.isLowBase()) {
                html.append("<td colspan=\"2\"><em>").append(escape(metric.heldBackReason())).append("</em></td>");
            }
            else {
                String value = Presentation.number(row.value(), unit);
                String interval = row.ciLow() == null || row.ciHigh() == null ? ""
                        : Presentation.number(row.ciLow(), unit) + " to " + Presentation.number(row.ciHigh(), unit);
                html.append("<td class=\"num\">").append(value.isEmpty() ? "–" : escape(value + Presentation.unitSuffix(unit))).append("</td><td>");
                if (row.value() != null && bars) {
                    html.append(SvgCharts.intervalBar(row.value(), row.ciLow(), row.ciHigh(), min, max,
                            row.areaName() + ": " + value + (interval.isEmpty() ? "" : ", 95% interval " + interval)));
                }
                html.append(' ').append(escape(interval)).append("</td>");
            }
            html.append("<td><span class=\"status status-").append(Html.id(row.status())).append("\">")
                    .append(escape(row.isLowBase() ? "held back" : Presentation.statusLabel(row.status()))).append("</span></td>")
                    .append("<td class=\"num\">").append(row.baseN() == null ? "" : row.baseN()).append("</td>")
                    .append("<td class=\"num\">").append(escape(Presentation.number(row.previousValue(), unit))).append("</td>")
                    .append(changeCell(row.changePrevious(), row.changePreviousP(), row.changePreviousQ(), row.changePreviousSignificant(), unit))
                    .append("<td class=\"num\">").append(escape(Presentation.number(row.yearBeforeValue(), unit))).append("</td>")
                    .append(changeCell(row.changeYear(), row.changeYearP(), row.changeYearQ(), row.changeYearSignificant(), unit))
                    .append(spcCell(row))
                    .append("<td class=\"num\">").append(compared == null || compared.rank() == null ? "" : compared.rank()).append("</td>")
                    .append("<td>").append(funnelCell(compared)).append("</td></tr>");
        }
        html.append("</tbody></table><div class=\"charts\">");
        Map<String, MonthlySeries> series = report.series().get(metric.id());
        if (series != null) {
            MonthlySeries force = series.get(Areas.scorecardCodes().get(0));
            if (force != null) {
                String title = heading + ", " + Areas.nameOf(force.areaCode()) + ": monthly SPC chart";
                html.append("<figure>").append(SvgCharts.spcChart("spc-" + metric.id() + "-" + force.areaCode(), title, force, unit))
                        .append("<figcaption>").append(icons(force, metric)).append(' ').append(escape(title))
                        .append(escape(changePointNote(force))).append("</figcaption></figure>");
            }
        }
        List<AreaComparisonRow> comparisonRows = new ArrayList<>(comparison.values());
        if (metric.isStock()) {
            html.append("<p class=\"note\">").append(escape(metric.id() + " counts what stands (people registered), not a sample"
                    + " or events: it has no interval, no test of change and no funnel; the areas are ranked by value alone.")).append("</p>");
        }
        else if (metric.isPercent() || metric.isRate()) {
            String title = heading + ": local policing areas against each other (funnel plot)";
            String funnel = SvgCharts.funnelPlot("funnel-" + metric.id(), title, metric, comparisonRows,
                    report.quantityPerEvent().getOrDefault(metric.id(), 1.0));
            if (!funnel.isEmpty()) {
                html.append("<figure>").append(funnel).append("<figcaption>").append(escape(title)).append(". ")
                        .append(escape(adjustmentNote(comparisonRows, metric))).append("</figcaption></figure>");
            }
            String sntTitle = heading + ": safer neighbourhood teams against each other (funnel plot)";
            String sntFunnel = snts.isEmpty() ? "" : SvgCharts.funnelPlot("funnel-snt-" + metric.id(), sntTitle, metric, snts,
                    report.quantityPerEvent().getOrDefault(metric.id() + "|snt", 1.0), false);
            if (!sntFunnel.isEmpty()) {
                html.append("<figure>").append(sntFunnel).append("<figcaption>").append(escape(sntTitle)).append(". ")
                        .append(escape(adjustmentNote(snts, metric)))
                        .append(" Only teams outside the adjusted limits are labelled.</figcaption></figure>");
            }
        }
        html.append("</div>");
        if (series != null) {
            List<MonthlySeries> lpas = Areas.lpaCodes().stream().map(series::get).filter(Objects::nonNull).toList();
            if (!lpas.isEmpty()) {
                html.append("<h4 class=\"small\">Local policing areas, month by month (SPC, same rules as above)</h4><div class=\"multiples\">");
                for (MonthlySeries lpa : lpas) {
                    String title = metric.id() + ", " + Areas.nameOf(lpa.areaCode()) + ": monthly SPC chart";
                    html.append("<figure class=\"multiple\">")
                            .append(SvgCharts.spcChart("spc-" + metric.id() + "-" + lpa.areaCode(), title, lpa, unit, 270, 150))
                            .append("<figcaption>").append(icons(lpa, metric)).append(' ').append(escape(Areas.nameOf(lpa.areaCode())))
                            .append(escape(changePointNote(lpa))).append("</figcaption></figure>");
                }
                html.append("</div>");
            }
        }
        html.append("</article>\n");
        Objects.requireNonNull(html);
    }

    private static String changeCell(Double change, Double p, Double q, Boolean significant, String unit) {
        if (change == null) {
            return "<td class=\"num\"></td>";
        }
        String text = Presentation.signed(change, unit) + Presentation.changeUnit(unit);
        String tested = p == null || q == null ? "" : "p " + eq(Presentation.probabilityText(p)) + ", q " + eq(Presentation.probabilityText(q));
        String mark = significant == null ? " <small>not tested</small>"
                : significant ? "<span class=\"sig\" title=\"beyond chance: q < 0.05 (" + escape(tested) + ")\">*</span>" : "";
        String title = tested.isEmpty() ? "" : " title=\"" + escape(tested + (Boolean.TRUE.equals(significant) ? ": beyond chance"
                : ": not beyond chance once this quarter's tests are allowed for")) + "\"";
        return "<td class=\"num\"" + title + ">" + escape(text) + mark + "</td>";
    }

    private static String eq(String probability) {
        return probability.startsWith("<") ? probability : "= " + probability;
    }

    /** The SPC icons, and in words the variation and, where there is a target, the assurance. */
    private static String spcCell(ScorecardRow row) {
        if (row.spcSignal() == null) {
            return "<td>" + escape(Presentation.signalLabel(null)) + "</td>";
        }
        StringBuilder cell = new StringBuilder("<td>").append(SvgCharts.variationIcon(row.spcSignal(), row.direction()));
        if (row.spcAssurance() != null) {
            cell.append(SvgCharts.assuranceIcon(row.spcAssurance()));
        }
        cell.append("<br><small>").append(escape(Presentation.signalLabel(row.spcSignal())));
        if (row.spcAssurance() != null) {
            cell.append("; ").append(escape(switch (row.spcAssurance()) {
                case "consistently_pass" -> "passes";
                case "consistently_fail" -> "fails";
                default -> "hit and miss";
            }));
        }
        return cell.append("</small></td>").toString();
    }

    /** How many changes were tested this quarter, in both families. */
    private static long testsCount(ScorecardReport report) {
        return report.rows().stream().filter(row -> row.changePreviousQ() != null).count()
                + report.rows().stream().filter(row -> row.changeYearQ() != null).count();
    }

    /** The adjusted place, with the unadjusted one beside it when the adjustment moved the area. */
    private static String funnelCell(AreaComparisonRow compared) {
        if (compared == null || compared.funnel() == null) {
            return "";
        }
        String adjusted = compared.funnelAdjusted() == null ? compared.funnel() : compared.funnelAdjusted();
        StringBuilder cell = new StringBuilder(escape(adjusted.replace('_', ' ')));
        if (compared.isSignificant()) {
            cell.append("<span class=\"sig\" title=\"beyond chance: q ").append(escape(eq(Presentation.probabilityText(compared.qAdjusted()))))
                    .append(", below 0.05\">*</span>");
        }
        if (!adjusted.equals(compared.funnel())) {
            cell.append(" <small>(").append(escape(compared.funnel().replace('_', ' '))).append(" for chance alone)</small>");
        }
        return cell.toString();
    }

    /** The variation and assurance icons of a series. */
    private static String icons(MonthlySeries series, MetricInfo metric) {
        return SvgCharts.variationIcon(series.spc().signal().label(), metric.direction().label())
                + (series.assurance() == null ? "" : SvgCharts.assuranceIcon(series.assurance().label()));
    }

    private static String changePointNote(MonthlySeries series) {
        if (series.changePoint() == null) {
            return "";
        }
        return ". Change point from " + series.changePoint().fromMonth() + ": " + series.changePoint().reason()
                + "; limits use only the months from then on";
    }

    /** In words: around what the set's units are placed and whether and how the limits were adjusted. */
    static String adjustmentNote(List<AreaComparisonRow> rows, MetricInfo metric) {
        AreaComparisonRow first = rows.stream().filter(row -> row.dispersion() != null).findFirst().orElse(null);
        if (first == null) {
            return "";
        }
        String units = first.isLpa() ? "LPAs" : "SNTs";
        String from = first.isLpa() ? " (this quarter and up to three before)" : " (this quarter)";
        String centre = "Centre: the " + units + "' pooled figure, " + Presentation.number(first.centre(), metric.unit())
                + Presentation.unitSuffix(metric.unit()) + ". ";
        int n = first.dispersionN() == null ? 0 : first.dispersionN();
        if (!"estimated".equals(first.dispersion())) {
            return centre + "Limits not adjusted for overdispersion: only " + n + " z-scores" + from + ","
                    + " fewer than the 10 needed to estimate how much the " + units + " usually differ; places are for chance alone.";
        }
        String phi = Presentation.number(first.phi(), 2);
        if (first.tau2() == null || first.tau2() == 0) {
            return centre + "Limits not widened: from " + n + " z-scores" + from + " the " + units + " differ no"
                    + " more than chance allows (phi = " + phi + " after winsorising at 10%), so tau2 = 0.";
        }
        double tau = Math.sqrt(first.tau2()) * (metric.isPercent() ? 100 : 1);
        return centre + "Limits adjusted for overdispersion (Spiegelhalter 2005): from " + n + " z-scores" + from
                + ", winsorised at 10%, phi = " + phi + ", so the " + units + " differ by more than chance; a between-unit"
                + " standard deviation tau = " + Presentation.number(tau, metric.unit()) + Presentation.changeUnit(metric.unit())
                + " is added to each unit's own, and the thick lines are the centre +- 1.96 and 3.09 x sqrt(s^2 + tau^2). A unit"
                + " outside them differs by more than the " + units + " usually do.";
    }

    /** The few things this quarter that are beyond chance, each linked to its metric. */
    private static void beyondChance(StringBuilder html, ScorecardReport report) {
        Map<String, MetricInfo> metrics = new LinkedHashMap<>();
        report.metrics().forEach(metric -> metrics.put(metric.id(), metric));
        List<String> items = new ArrayList<>();
        for (ScorecardRow row : report.rows()) {
            MetricInfo metric = metrics.get(row.metricId());
            String link = link(row.metricId(), metric == null ? row.metricId() : metric.name());
            if (Boolean.TRUE.equals(row.changePreviousSignificant())) {
                items.add(link + ", " + escape(row.areaName()) + ": " + escape(Presentation.signed(row.changePrevious(), row.unit())
                        + Presentation.changeUnit(row.unit())) + " on the previous quarter (q " + qText(row.changePreviousQ()) + ")");
            }
            if (Boolean.TRUE.equals(row.changeYearSignificant())) {
                items.add(link + ", " + escape(row.areaName()) + ": " + escape(Presentation.signed(row.changeYear(), row.unit())
                        + Presentation.changeUnit(row.unit())) + " on the year before (q " + qText(row.changeYearQ()) + ")");
            }
            if ("improvement".equals(row.spcSignal()) || "concern".equals(row.spcSignal()) || "special_cause".equals(row.spcSignal())) {
                items.add(link + ", " + escape(row.areaName()) + ": SPC " + SvgCharts.variationIcon(row.spcSignal(), row.direction()) + " "
                        + escape(Presentation.signalLabel(row.spcSignal())) + " in the latest month");
            }
        }
        for (AreaComparisonRow row : report.comparisons()) {
            if (row.isOutsideAdjusted() && row.isSignificant()) {
                MetricInfo metric = metrics.get(row.metricId());
                items.add(link(row.metricId(), metric == null ? row.metricId() : metric.name()) + ", " + escape(row.areaName()) + ": "
                        + escape(Presentation.placeLabel(row.funnelAdjusted())) + " of the funnel around the "
                        + (row.isLpa() ? "local policing areas'" : "safer neighbourhood teams'") + " pooled figure"
                        + ("estimated".equals(row.dispersion())
                                ? ", limits adjusted for how much the " + (row.isLpa() ? "areas" : "teams") + " usually differ"
                                : ", on limits for chance alone (too few figures yet to estimate how much the "
                                        + (row.isLpa() ? "areas" : "teams") + " usually differ, so read with care)")
                        + " (q " + qText(row.qAdjusted()) + ")");
            }
        }
        html.append("<section id=\"beyond-chance\" aria-labelledby=\"beyond-h\"><h2 id=\"beyond-h\">Beyond chance this quarter</h2>")
                .append("<div class=\"beyond\"><p class=\"small\">Changes with q &lt; 0.05, SPC special causes in the latest month,")
                .append(" and local policing areas or neighbourhood teams outside the funnel limits (adjusted for how much they usually")
                .append(" differ, where that could be estimated) with q &lt; 0.05.")
                .append(" Everything else in this report is within what chance produces.</p>");
        if (items.isEmpty()) {
            html.append("<p>Nothing this quarter is beyond chance.</p>");
        }
        else {
            html.append("<ul>");
            items.forEach(item -> html.append("<li>").append(item).append("</li>"));
            html.append("</ul>");
        }
        html.append("</div></section>\n");
    }

    /** "= 0.012" or "&lt; 0.0001", escaped. */
    private static String qText(Double q) {
        String text = Presentation.probabilityText(q);
        return escape(text.startsWith("<") ? text : "= " + text);
    }

    private static String link(String metricId, String name) {
        return "<a href=\"#metric-" + Html.id(metricId) + "\">" + escape(metricId + " " + name) + "</a>";
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The quarter's dates, and whether its figures cover all of it. */
    static String coverage(ScorecardReport report) {
        Period quarter;
        try {
            quarter = Period.parse(PeriodType.QUARTER, report.quarter());
        }
        catch (IllegalArgumentException e) {
            return "Figures to " + DAY.format(report.dataTo()) + ".";
        }
        String dates = "The quarter runs from " + DAY.format(quarter.start()) + " to " + DAY.format(quarter.end()) + ".";
        return report.dataTo().isBefore(quarter.end())
                ? dates + " Partial quarter: its figures run only to " + DAY.format(report.dataTo())
                        + ", and its changes compare part of a quarter with whole ones."
                : dates;
    }

    /** The unit as a reader says it. */
    static String unitName(String unit) {
        return "per_1000".equals(unit) ? "per 1,000 people" : unit;
    }

    /** "; target 90%" from the force row's target, else "; no target". */
    private static String target(List<ScorecardRow> rows, String unit) {
        return rows.stream().filter(row -> "force".equals(row.areaLevel()) && row.target() != null).findFirst()
                .map(row -> "; target " + Presentation.number(row.target(), unit) + Presentation.unitSuffix(unit))
                .orElse("; no target");
    }
}
