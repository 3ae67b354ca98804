package uk.westmercia.charter.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.westmercia.charter.statistics.Dispersion;
import uk.westmercia.charter.statistics.FunnelBands;
import uk.westmercia.charter.statistics.FunnelLimits;
import uk.westmercia.charter.statistics.Overdispersion;
import uk.westmercia.charter.statistics.SpcResult;
import uk.westmercia.charter.statistics.SpcSignal;

/** Inline SVG charts with text alternatives (title, desc, aria-label). No script, no external resources. */
public final class SvgCharts {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private SvgCharts() {
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String open(String id, int width, int height, String title, String description) {
        String safeId = Html.id(id);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" aria-label=\"" + Html.escape(title) + "\""
                + " aria-describedby=\"" + safeId + "-desc\">"
                + "<title id=\"" + safeId + "-title\">" + Html.escape(title) + "</title>"
                + "<desc id=\"" + safeId + "-desc\">" + Html.escape(description) + "</desc>";
    }

    /** Linear scale from [d0, d1] to [r0, r1]. */
    private record Scale(double d0, double d1, double r0, double r1) {
        double at(double value) {
            return d1 == d0 ? (r0 + r1) / 2 : r0 + (value - d0) / (d1 - d0) * (r1 - r0);
        }
    }

    private static double[] padded(double min, double max) {
        if (!(max > min)) {
            double pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
            return new double[] {min - pad, max + pad};
        }
        double pad = (max - min) * 0.08;
        return new double[] {min - pad, max + pad};
    }

    private static String yAxis(Scale y, String unit, int x0, int x1) {
        StringBuilder svg = new StringBuilder();
        for (int i = 0; i <= 4; i++) {
            double value = y.d0() + (y.d1() - y.d0()) * i / 4;
            double py = y.at(value);
            svg.append("<line class=\"grid\" x1=\"").append(x0).append("\" x2=\"").append(x1)
                    .append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(x0 - 6).append("\" y=\"").append(f(py + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(Presentation.number(value, unit))).append("</text>");
        }
        return svg.toString();
    }

    /** XmR chart of a monthly series: points joined by a line, mean, process limits, latest point marked. */
    public static String spcChart(String id, String title, MonthlySeries series, String unit) {
        return spcChart(id, title, series, unit, WIDTH, HEIGHT);
    }

    /**
     * As {@link #spcChart(String, String, MonthlySeries, String)} at a given size (the LPAs' small
     * multiples). A change point is drawn as a vertical line, and the mean and limits only over the
     * months from it on, which are the months they are taken from.
     */
    public static String spcChart(String id, String title, MonthlySeries series, String unit, int width, int height) {
        final int WIDTH = width;
        final int HEIGHT = height;
        List<Double> values = series.values();
        SpcResult spc = series.spc();
        boolean limits = spc.signal() != SpcSignal.INSUFFICIENT_DATA;
        int n = values.size();
        String description = n == 0
                ? "No monthly values to chart."
                : "Monthly values from " + series.labels().get(0) + " to " + series.labels().get(n - 1) + ", latest "
                + Presentation.number(values.get(n - 1), unit) + Presentation.unitSuffix(unit)
                + (limits ? "; mean " + Presentation.number(spc.mean(), unit) + ", process limits "
                + Presentation.number(spc.lowerLimit(), unit) + " to " + Presentation.number(spc.upperLimit(), unit) : "")
                + ". SPC signal: " + Presentation.signalLabel(spc.signal().label()) + "."
                + (series.assurance() == null ? "" : " Against the target of " + Presentation.number(series.target(), unit)
                        + Presentation.unitSuffix(unit) + ", the process " + Presentation.assuranceLabel(series.assurance().label()) + ".")
                + (series.changePoint() == null ? "" : " Process changed from " + series.changePoint().fromMonth() + " ("
                        + series.changePoint().reason() + "): limits from then on.");
        StringBuilder svg = new StringBuilder(open(id, WIDTH, HEIGHT, title, description));
        if (n == 0) {
            return svg.append("<text x=\"20\" y=\"40\">No monthly values</text></svg>").toString();
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (limits) {
            min = Math.min(min, spc.lowerLimit());
            max = Math.max(max, spc.upperLimit());
            if (series.target() != null && series.assurance() != null) {
                min = Math.min(min, series.target());
                max = Math.max(max, series.target());
            }
        }
        double[] range = padded(min, max);
        Scale y = new Scale(range[0], range[1], HEIGHT - BOTTOM, TOP);
        Scale x = new Scale(0, Math.max(1, n - 1), LEFT + 8, WIDTH - RIGHT - 8);
        svg.append(yAxis(y, unit, LEFT, WIDTH - RIGHT));
        int from = Math.min(series.changePointIndex(), n - 1);
        int limitsFrom = from == 0 ? LEFT : (int) Math.round(x.at(from) - 4);
        if (series.changePointIndex() > 0 && series.changePointIndex() < n) {
            svg.append("<line class=\"change\" x1=\"").append(f(x.at(from) - 4)).append("\" x2=\"").append(f(x.at(from) - 4))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(f(x.at(from) - 2)).append("\" y=\"").append(TOP + 10)
                    .append("\">change</text>");
        }
        if (limits) {
            svg.append(hLine("mean", y.at(spc.mean()), limitsFrom, WIDTH - RIGHT));
            svg.append(hLine("limit", y.at(spc.upperLimit()), limitsFrom, WIDTH - RIGHT));
            svg.append(hLine("limit", y.at(spc.lowerLimit()), limitsFrom, WIDTH - RIGHT));
            if (series.target() != null && series.assurance() != null) {
                svg.append(hLine("target", y.at(series.target()), LEFT, WIDTH - RIGHT));
            }
            if (WIDTH >= 400) {
                svg.append("<text class=\"tick\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(f(y.at(spc.upperLimit()) - 3))
                        .append("\" text-anchor=\"end\">upper limit</text>");
                svg.append("<text class=\"tick\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(f(y.at(spc.lowerLimit()) + 11))
                        .append("\" text-anchor=\"end\">lower limit</text>");
            }
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            points.append(i == 0 ? "" : " ").append(f(x.at(i))).append(',').append(f(y.at(values.get(i))));
        }
        svg.append("<polyline class=\"series\" points=\"").append(points).append("\"/>");
        for (int i = 0; i < n; i++) {
            String cls = i == n - 1 ? "point latest " + spc.signal().label() : "point";
            svg.append("<circle class=\"").append(cls).append("\" cx=\"").append(f(x.at(i))).append("\" cy=\"")
                    .append(f(y.at(values.get(i)))).append("\" r=\"").append(i == n - 1 ? 5 : 3).append("\"/>");
        }
        int step = Math.max(1, (int) Math.ceil(n / (WIDTH >= 400 ? 8.0 : 3.0)));
        for (int i = 0; i < n; i += step) {
            svg.append("<text class=\"tick\" x=\"").append(f(x.at(i))).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(series.labels().get(i))).append("</text>");
        }
        if (!limits) {
            svg.append("<text class=\"note\" x=\"").append(LEFT + 8).append("\" y=\"").append(TOP + 12)
                    .append(series.changePointIndex() > 0 ? "\">Fewer than 12 months since the change: no limits</text>"
                            : "\">Fewer than 12 months: no limits</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String hLine(String cls, double y, int x0, int x1) {
        return "<line class=\"" + cls + "\" x1=\"" + x0 + "\" x2=\"" + x1 + "\" y1=\"" + f(y) + "\" y2=\"" + f(y) + "\"/>";
    }

    /**
     * Funnel plot of the LPAs around the force figure: x the base (respondents, events or
     * population), y the figure, with the 95% and 99.8% limits the LPAs are placed by. A rate's
     * limits are its events' limits scaled by {@code quantityPerEvent} (1 for a count).
     */
    public static String funnelPlot(String id, String title, MetricInfo metric, List<AreaComparisonRow> rows, double quantityPerEvent) {
        return funnelPlot(id, title, metric, rows, quantityPerEvent, true);
    }

    /**
     * As above; with {@code labelAll} false (the SNTs, too many to label), only the units outside the
     * (adjusted) 95% limits are labelled.
     */
    public static String funnelPlot(String id, String title, MetricInfo metric, List<AreaComparisonRow> rows, double quantityPerEvent,
            boolean labelAll) {
        List<AreaComparisonRow> placed = rows.stream()
                .filter(row -> row.value() != null && row.base() != null && row.base() > 0 && row.forceValue() != null)
                .toList();
        String unit = metric.unit();
        if (placed.isEmpty()) {
            return "";
        }
        AreaComparisonRow first = placed.get(0);
        // The centre is the LPAs' pooled figure; rows built before it was stored fall back on the force figure.
        double force = first.centre() != null ? first.centre() : first.forceValue();
        Dispersion dispersion = first.tau2() != null && first.phi() != null && first.dispersionN() != null
                ? Dispersion.estimated(first.dispersionN(), first.phi(), first.tau2())
                : null;
        boolean adjusted = dispersion != null && dispersion.widens();
        double maxBase = placed.stream().mapToDouble(AreaComparisonRow::base).max().orElse(1) * 1.15;
        double minBase = placed.stream().mapToDouble(AreaComparisonRow::base).min().orElse(1) * 0.5;
        List<double[]> bands = new ArrayList<>();
        List<double[]> adjustedBands = new ArrayList<>();
        int steps = 60;
        for (int i = 0; i <= steps; i++) {
            double base = minBase + (maxBase - minBase) * i / steps;
            FunnelBands b = bands(metric, force, base, quantityPerEvent);
            if (b != null) {
                bands.add(new double[] {base, b.lower99_8(), b.lower95(), b.upper95(), b.upper99_8()});
            }
            FunnelBands a = adjusted ? adjustedBands(metric, force, base, quantityPerEvent, dispersion) : null;
            if (a != null) {
                adjustedBands.add(new double[] {base, a.lower99_8(), a.lower95(), a.upper95(), a.upper99_8()});
            }
        }
        double min = force;
        double max = force;
        for (AreaComparisonRow row : placed) {
            min = Math.min(min, row.value());
            max = Math.max(max, row.value());
        }
        for (List<double[]> set : List.of(bands, adjustedBands)) {
            for (double[] band : set) {
                min = Math.min(min, band[1]);
                max = Math.max(max, band[4]);
            }
        }
        double[] range = padded(min, max);
        if (metric.isPercent()) {
            // A percent axis never runs past 0 or 100.
            range = new double[] {Math.max(0, range[0]), Math.min(100, range[1])};
        }
        Scale y = new Scale(range[0], range[1], HEIGHT - BOTTOM, TOP);
        Scale x = new Scale(0, maxBase, LEFT, WIDTH - RIGHT);
        StringBuilder description = new StringBuilder("The pooled figure " + Presentation.number(force, unit)
                + Presentation.unitSuffix(unit) + ". ");
        for (AreaComparisonRow row : placed) {
            description.append(row.areaName()).append(": ").append(Presentation.number(row.value(), unit))
                    .append(", ").append(row.funnel() == null ? "not placed" : row.funnel().replace('_', ' '));
            if (adjusted && row.funnelAdjusted() != null) {
                description.append(" (adjusted limits: ").append(row.funnelAdjusted().replace('_', ' ')).append(')');
            }
            description.append(". ");
        }
        StringBuilder svg = new StringBuilder(open(id, WIDTH, HEIGHT, title, description.toString().trim()));
        svg.append(yAxis(y, unit, LEFT, WIDTH - RIGHT));
        for (int k = 1; k <= 4; k++) {
            StringBuilder line = new StringBuilder();
            for (double[] band : bands) {
                line.append(line.length() == 0 ? "" : " ").append(f(x.at(band[0]))).append(',').append(f(y.at(band[k])));
            }
            svg.append("<polyline class=\"").append(k == 1 || k == 4 ? "limit998" : "limit95").append("\" points=\"")
                    .append(line).append("\"/>");
            if (adjusted) {
                StringBuilder wide = new StringBuilder();
                for (double[] band : adjustedBands) {
                    wide.append(wide.length() == 0 ? "" : " ").append(f(x.at(band[0]))).append(',').append(f(y.at(band[k])));
                }
                svg.append("<polyline class=\"").append(k == 1 || k == 4 ? "adjusted998" : "adjusted95").append("\" points=\"")
                        .append(wide).append("\"/>");
            }
        }
        svg.append(hLine("mean", y.at(force), LEFT, WIDTH - RIGHT));
        List<double[]> labels = new ArrayList<>();
        for (AreaComparisonRow row : placed) {
            double px = x.at(row.base());
            double py = y.at(row.value());
            String place = adjusted && row.funnelAdjusted() != null ? row.funnelAdjusted() : row.funnel() == null ? "within" : row.funnel();
            // Areas at nearly the same point get their labels stacked, not printed over each other.
            double ly = py + 4;
            boolean clash = true;
            while (clash) {
                clash = false;
                for (double[] label : labels) {
                    if (Math.abs(label[0] - (px + 7)) < 34 && Math.abs(label[1] - ly) < 11) {
                        ly = label[1] + 12;
                        clash = true;
                    }
                }
            }
            svg.append("<circle class=\"point funnel-").append(Html.escape(place)).append("\" cx=\"").append(f(px))
                    .append("\" cy=\"").append(f(py)).append("\" r=\"").append(labelAll ? 5 : 3.5).append("\"/>");
            if (labelAll || !"within".equals(place)) {
                labels.add(new double[] {px + 7, ly});
                svg.append("<text class=\"label\" x=\"").append(f(px + 7)).append("\" y=\"").append(f(ly)).append("\">")
                        .append(Html.escape(row.areaCode())).append("</text>");
            }
        }
        for (int i = 0; i <= 2; i++) {
            double base = maxBase * i / 2;
            svg.append("<text class=\"tick\" x=\"").append(f(x.at(base))).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : i == 2 ? "end" : "middle").append("\">")
                    .append(Html.escape(Presentation.number(base, 0))).append("</text>");
        }
        String axis = metric.isRate() ? "population" : "base (respondents or cases)";
        svg.append("<text class=\"tick\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\">").append(axis).append("</text>");
        // Told apart by line style, not colour alone.
        svg.append("<text class=\"tick\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(TOP - 4)
                .append("\" text-anchor=\"end\">").append(adjusted
                        ? "thin: limits for chance alone; thick: adjusted (dashed 95%, solid 99.8%); flat: pooled figure"
                        : "dashed: 95% limits; solid: 99.8% limits; flat line: pooled figure").append("</text>");
        return svg.append("</svg>").toString();
    }

    /**
     * The adjusted limits at a base: y0 +- z sqrt(s^2 + tau2), s the standard error at that base under the
     * centre (proportions for percents, shown as percents; rates per 1,000).
     */
    private static FunnelBands adjustedBands(MetricInfo metric, double centre, double base, double quantityPerEvent,
            Dispersion dispersion) {
        try {
            if (metric.isPercent()) {
                double p0 = centre / 100.0;
                double s = Overdispersion.proportionStandardError(p0, base);
                if (!(s > 0)) {
                    return null;
                }
                FunnelBands b = dispersion.adjustedBands(p0, s).scale(100.0);
                // A percent axis runs from 0 to 100; so do its limits.
                return new FunnelBands(clamp(b.lower99_8()), clamp(b.lower95()), clamp(b.upper95()), clamp(b.upper99_8()));
            }
            if (metric.isRate()) {
                double s = Overdispersion.rateStandardError(centre, base, quantityPerEvent, 1000.0);
                if (!(s > 0)) {
                    return null;
                }
                FunnelBands b = dispersion.adjustedBands(centre, s);
                // A rate is never negative; neither are the limits drawn for it.
                return new FunnelBands(Math.max(0, b.lower99_8()), Math.max(0, b.lower95()), Math.max(0, b.upper95()),
                        Math.max(0, b.upper99_8()));
            }
        }
        catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private static FunnelBands bands(MetricInfo metric, double force, double base, double quantityPerEvent) {
        try {
            if (metric.isPercent()) {
                return force >= 0 && force <= 100 ? FunnelLimits.percentBands(force, base) : null;
            }
            if (metric.isRate()) {
                return FunnelLimits.weightedRateBands(force, quantityPerEvent, base, 1000.0);
            }
        }
        catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * The NHS "Making Data Count" variation icon of an SPC signal: a circle, grey for common cause,
     * blue for improvement and orange for concern, with H or L for a special cause high or low; a dashed
     * grey circle without limits. Labelled for screen readers and with a tooltip.
     */
    public static String variationIcon(String signal, String direction) {
        String label;
        String cls;
        String letter;
        boolean higherBetter = "higher".equals(direction);
        switch (signal == null ? "" : signal) {
            case "improvement" -> {
                cls = "icon-improvement";
                letter = higherBetter ? "H" : "L";
                label = "Variation: special cause, improvement (" + (higherBetter ? "high" : "low") + ")";
            }
            case "concern" -> {
                cls = "icon-concern";
                letter = higherBetter ? "L" : "H";
                label = "Variation: special cause, concern (" + (higherBetter ? "low" : "high") + ")";
            }
            case "special_cause" -> {
                cls = "icon-special";
                letter = "!";
                label = "Variation: special cause";
            }
            case "common_cause" -> {
                cls = "icon-common";
                letter = "~";
                label = "Variation: common cause, no significant change";
            }
            default -> {
                cls = "icon-none";
                letter = "";
                label = "Variation: fewer than 12 months, no limits";
            }
        }
        return icon(cls, letter, label);
    }

    /**
     * The assurance icon: P (blue) consistently passes the target, F (orange) consistently fails it, ?
     * (grey) hits and misses it; "" when there is no assurance (no target, or no limits).
     */
    public static String assuranceIcon(String assurance) {
        if (assurance == null) {
            return "";
        }
        return switch (assurance) {
            case "consistently_pass" -> icon("icon-pass", "P", "Assurance: consistently passes the target");
            case "consistently_fail" -> icon("icon-fail", "F", "Assurance: consistently fails the target");
            default -> icon("icon-hitmiss", "?", "Assurance: hits and misses the target by chance");
        };
    }

    private static String icon(String cls, String letter, String label) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icon ").append(cls)
                .append("\" role=\"img\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" aria-label=\"").append(Html.escape(label))
                .append("\"><title>").append(Html.escape(label)).append("</title><circle cx=\"12\" cy=\"12\" r=\"10.5\"/>");
        if (!letter.isEmpty()) {
            svg.append("<text x=\"12\" y=\"16.5\" text-anchor=\"middle\">").append(Html.escape(letter)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The opening of a small inline bar, labelled for screen readers and with a tooltip. */
    private static StringBuilder openBar(int width, int height, String label) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-label=\"").append(Html.escape(label)).append("\"><title>").append(Html.escape(label)).append("</title>");
    }

    /** A small bar showing a 95% interval and its value on a shared scale. */
    public static String intervalBar(Double value, Double low, Double high, double min, double max, String label) {
        int width = 160;
        int height = 18;
        StringBuilder svg = openBar(width, height, label);
        Scale x = new Scale(min, max, 4, width - 4);
        svg.append("<line class=\"axis\" x1=\"4\" x2=\"").append(width - 4).append("\" y1=\"9\" y2=\"9\"/>");
        if (low != null && high != null) {
            svg.append("<rect class=\"ci\" x=\"").append(f(x.at(low))).append("\" y=\"4\" width=\"")
                    .append(f(Math.max(1, x.at(high) - x.at(low)))).append("\" height=\"10\"/>");
        }
        if (value != null) {
            svg.append("<circle class=\"value\" cx=\"").append(f(x.at(value))).append("\" cy=\"9\" r=\"4\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The scale of a column of {@link #intervalBar}s, drawn with the same ends: without it a bar's
     * position says nothing about its value (a median in seconds, say).
     */
    public static String intervalAxis(double min, double max, String unit) {
        int width = 160;
        Scale x = new Scale(min, max, 4, width - 4);
        String from = Presentation.number(min, unit) + Presentation.unitSuffix(unit);
        String to = Presentation.number(max, unit) + Presentation.unitSuffix(unit);
        String label = "Scale of the interval bars: " + from + " to " + to;
        StringBuilder svg = openBar(width, 22, label);
        svg.append("<line class=\"axis\" x1=\"4\" x2=\"").append(width - 4).append("\" y1=\"20\" y2=\"20\"/>");
        double[] ticks = {min, (min + max) / 2, max};
        String[] anchors = {"start", "middle", "end"};
        for (int i = 0; i < ticks.length; i++) {
            String at = f(x.at(ticks[i]));
            svg.append("<line class=\"axis\" x1=\"").append(at).append("\" x2=\"").append(at).append("\" y1=\"16\" y2=\"20\"/>")
                    .append("<text class=\"tick\" x=\"").append(at).append("\" y=\"12\" text-anchor=\"").append(anchors[i]).append("\">")
                    .append(Html.escape(Presentation.number(ticks[i], unit))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A bar of theme attainment, 0 to 100. */
    public static String attainmentBar(Double attainment, String label) {
        int width = 80;
        StringBuilder svg = openBar(width, 14, label)
                .append("<rect class=\"track\" x=\"0\" y=\"2\" width=\"").append(width).append("\" height=\"10\"/>");
        if (attainment != null) {
            svg.append("<rect class=\"fill\" x=\"0\" y=\"2\" width=\"").append(f(width * Math.max(0, Math.min(100, attainment)) / 100))
                    .append("\" height=\"10\"/>");
        }
        return svg.append("</svg>").toString();
    }
}
