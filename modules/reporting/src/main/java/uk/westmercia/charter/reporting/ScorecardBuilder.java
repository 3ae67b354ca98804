package uk.westmercia.charter.reporting;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.statistics.Direction;
import uk.westmercia.charter.statistics.FunnelLimits;
import uk.westmercia.charter.statistics.FunnelPlace;
import uk.westmercia.charter.statistics.SpcResult;
import uk.westmercia.charter.statistics.XmrChart;

/** Builds a quarter's scorecard, area comparison and theme scores from metric values. Plain Java. */
public final class ScorecardBuilder {
    private static final String MONTH = "month";
    private static final String QUARTER = "quarter";

    private final Catalogue catalogue;

    public ScorecardBuilder(Catalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    /** The metrics present in the values, in catalogue order, then any unknown to the catalogue by id. */
    public List<MetricInfo> metricsOf(Collection<MetricValue> values) {
        Map<String, MetricValue> firstById = new HashMap<>();
        values.forEach(value -> firstById.putIfAbsent(value.metricId(), value));
        List<MetricInfo> metrics = new ArrayList<>();
        for (MetricDefinition definition : catalogue.metrics()) {
            if (firstById.containsKey(definition.id())) {
                metrics.add(MetricInfo.of(definition));
            }
        }
        new TreeSet<>(firstById.keySet()).forEach(id -> {
            if (catalogue.metric(id).isEmpty()) {
                MetricValue sample = firstById.get(id);
                boolean monthly = values.stream().anyMatch(v -> v.metricId().equals(id) && MONTH.equals(v.periodType()));
                metrics.add(new MetricInfo(id, sample.theme(), id, sample.unit(), Direction.NONE, monthly));
            }
        });
        return metrics;
    }

    public ScorecardReport build(Period quarter, Collection<MetricValue> values) {
        List<MetricValue> scorecardValues = values.stream()
                .filter(v -> Areas.FORCE.equals(v.areaLevel()) || Areas.LPA.equals(v.areaLevel()))
                .toList();
        Map<String, MetricValue> byKey = new HashMap<>();
        for (MetricValue value : scorecardValues) {
            byKey.put(key(value.metricId(), value.areaCode(), value.periodType(), value.periodLabel()), value);
        }
        Period previous = quarter.previous();
        Period yearBefore = quarter.yearBefore();
        List<MetricInfo> metrics = metricsOf(scorecardValues);
        List<ScorecardRow> rows = new ArrayList<>();
        List<AreaComparisonRow> comparisons = new ArrayList<>();
        Map<String, Map<String, MonthlySeries>> series = new LinkedHashMap<>();
        Map<String, Double> quantityPerEvent = new LinkedHashMap<>();
        List<MetricValue> quarterValues = new ArrayList<>();
        for (MetricInfo metric : metrics) {
            Map<String, MonthlySeries> metricSeries = new LinkedHashMap<>();
            for (String area : Areas.scorecardCodes()) {
                MetricValue current = byKey.get(key(metric.id(), area, QUARTER, quarter.label()));
                if (current == null) {
                    continue;
                }
                quarterValues.add(current);
                MetricValue before = byKey.get(key(metric.id(), area, QUARTER, previous.label()));
                MetricValue yearAgo = byKey.get(key(metric.id(), area, QUARTER, yearBefore.label()));
                Change fromPrevious = ChangeSignificance.between(before, current, metric);
                Change fromYear = ChangeSignificance.between(yearAgo, current, metric);
                MonthlySeries monthly = metric.monthly() ? monthlySeries(metric, area, quarter, scorecardValues) : null;
                if (monthly != null) {
                    metricSeries.put(area, monthly);
                }
                boolean lowBase = current.isLowBase();
                rows.add(new ScorecardRow(
                        quarter.label(), Areas.levelOf(area), area, Areas.nameOf(area),
                        metric.id(), metric.theme(), metric.name(), metric.unit(), metric.direction().label(),
                        current.publishedValue(),
                        lowBase ? null : current.ciLow(),
                        lowBase ? null : current.ciHigh(),
                        current.status(), current.baseN(), current.target(),
                        previous.label(), before == null ? null : before.publishedValue(),
                        fromPrevious.change(), fromPrevious.pValue(), fromPrevious.significant(),
                        yearBefore.label(), yearAgo == null ? null : yearAgo.publishedValue(),
                        fromYear.change(), fromYear.pValue(), fromYear.significant(),
                        monthly == null ? null : monthly.spc().signal().label(),
                        monthly == null ? null : monthly.values().size(),
                        current.runId()));
            }
            if (!metricSeries.isEmpty()) {
                series.put(metric.id(), metricSeries);
            }
            comparisons.addAll(compare(metric, quarter.label(), byKey));
            if (metric.isRate()) {
                quantityPerEvent.put(metric.id(), quantityPerEvent(byKey.get(key(metric.id(), Areas.scorecardCodes().get(0), QUARTER, quarter.label()))));
            }
        }
        List<ThemeScore> themeScores = ThemeScores.compute(quarterValues);
        List<String> runIds = scorecardValues.stream().map(MetricValue::runId).distinct().sorted().toList();
        LocalDate dataTo = quarterValues.stream().map(MetricValue::periodEnd).max(Comparator.naturalOrder()).orElse(quarter.end());
        return new ScorecardReport(quarter.label(), dataTo, runIds, metrics, rows, comparisons, themeScores, series, quantityPerEvent);
    }

    /** The last up to 24 monthly values ending at the quarter's end, without missing or held-back months. */
    static MonthlySeries monthlySeries(MetricInfo metric, String area, Period quarter, Collection<MetricValue> values) {
        LocalDate end = quarter.end();
        LocalDate earliest = end.plusDays(1).minusMonths(XmrChart.MAX_POINTS);
        List<MetricValue> months = values.stream()
                .filter(v -> v.metricId().equals(metric.id()) && v.areaCode().equals(area) && MONTH.equals(v.periodType()))
                .filter(v -> !v.periodStart().isBefore(earliest) && !v.periodEnd().isAfter(end))
                .filter(v -> v.publishedValue() != null && Double.isFinite(v.publishedValue()))
                .sorted(Comparator.comparing(MetricValue::periodStart))
                .toList();
        List<String> labels = months.stream().map(MetricValue::periodLabel).toList();
        List<Double> points = months.stream().map(MetricValue::publishedValue).toList();
        SpcResult spc = XmrChart.evaluate(points, metric.direction());
        return new MonthlySeries(metric.id(), area, labels, points, spc);
    }

    /** Each LPA against the force: rank by direction and place on the funnel. */
    static List<AreaComparisonRow> compare(MetricInfo metric, String quarter, Map<String, MetricValue> byKey) {
        MetricValue force = byKey.get(key(metric.id(), Areas.scorecardCodes().get(0), QUARTER, quarter));
        Map<String, MetricValue> lpas = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String lpa : Areas.lpaCodes()) {
            MetricValue value = byKey.get(key(metric.id(), lpa, QUARTER, quarter));
            if (value != null) {
                lpas.put(lpa, value);
                values.put(lpa, value.publishedValue());
            }
        }
        if (lpas.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> ranks = Ranking.rank(values, metric.direction());
        Double forceValue = force == null ? null : force.publishedValue();
        List<AreaComparisonRow> rows = new ArrayList<>();
        lpas.forEach((code, value) -> {
            Double base = funnelBase(metric, value);
            Optional<FunnelPlace> place = funnelPlace(metric, value, force);
            rows.add(new AreaComparisonRow(quarter, metric.id(), metric.theme(), metric.unit(), code, Areas.nameOf(code),
                    value.publishedValue(), value.status(), forceValue, base, ranks.get(code),
                    place.map(FunnelPlace::label).orElse(null)));
        });
        return rows;
    }

    static Double funnelBase(MetricInfo metric, MetricValue value) {
        if (metric.isPercent()) {
            return ChangeSignificance.percentBase(value);
        }
        if (metric.isRate()) {
            return value.denominator();
        }
        return null;
    }

    /** The force's {@link MetricValue#quantityPerEvent()}, 1 without a force figure. */
    static double quantityPerEvent(MetricValue force) {
        return force == null ? 1.0 : force.quantityPerEvent();
    }

    /**
     * Percents: the LPA's percent against p0 +- z sqrt(p0 (1 - p0) / n). Rates: the LPA's rate
     * against exact Poisson limits for the events expected at the force's event rate over the LPA's
     * population, scaled by the force's quantity per event (as a rate's interval is taken on its
     * count, scaled): for a count this is the LPA's count against the count limits, and a weighted
     * rate (harm, hours) is judged on the events it sums, as the funnel chart draws it.
     */
    public static Optional<FunnelPlace> funnelPlace(MetricInfo metric, MetricValue area, MetricValue force) {
        if (area == null || force == null || area.publishedValue() == null || force.publishedValue() == null) {
            return Optional.empty();
        }
        if (metric.isPercent()) {
            Double n = ChangeSignificance.percentBase(area);
            double p0 = force.publishedValue();
            double value = area.publishedValue();
            if (n == null || !(n > 0) || p0 < 0 || p0 > 100 || value < 0 || value > 100) {
                return Optional.empty();
            }
            return Optional.of(FunnelLimits.placeForPercent(value, p0, n));
        }
        if (metric.isRate()) {
            if (area.baseN() == null || force.baseN() == null || area.denominator() == null || force.denominator() == null
                    || !(area.denominator() > 0) || !(force.denominator() > 0)) {
                return Optional.empty();
            }
            return Optional.of(FunnelLimits.placeForWeightedRate(area.publishedValue(), area.denominator(), force.publishedValue(),
                    quantityPerEvent(force), 1000.0));
        }
        return Optional.empty();
    }

    static String key(String metricId, String area, String periodType, String periodLabel) {
        return metricId + "|" + area + "|" + periodType + "|" + periodLabel;
    }
}
