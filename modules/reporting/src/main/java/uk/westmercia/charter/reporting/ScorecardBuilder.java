package uk.westmercia.charter.reporting;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
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
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.reference.SpcBaseline;
import uk.westmercia.charter.statistics.BenjaminiHochberg;
import uk.westmercia.charter.statistics.Direction;
import uk.westmercia.charter.statistics.Dispersion;
import uk.westmercia.charter.statistics.FunnelCentre;
import uk.westmercia.charter.statistics.FunnelLimits;
import uk.westmercia.charter.statistics.FunnelPlace;
import uk.westmercia.charter.statistics.Overdispersion;
import uk.westmercia.charter.statistics.SpcAssurance;
import uk.westmercia.charter.statistics.SpcResult;
import uk.westmercia.charter.statistics.UnitZScore;
import uk.westmercia.charter.statistics.XmrChart;

/** Builds a quarter's scorecard, area comparison and theme scores from metric values. Plain Java. */
public final class ScorecardBuilder {
    private static final String MONTH = "month";
    private static final String QUARTER = "quarter";
    private static final String SNT = "snt";

    /** A set of fewer units than this (the five LPAs) pools its z-scores over earlier quarters. */
    static final int POOL_BELOW_UNITS = Overdispersion.MIN_Z_SCORES;
    /** How many quarters before the current one a small set pools its z-scores over. */
    static final int POOLED_PREVIOUS_QUARTERS = 3;

    private final Catalogue catalogue;
    private final List<SpcBaseline> changePoints;

    public ScorecardBuilder(Catalogue catalogue) {
        this(catalogue, List.of());
    }

    /**
     * @param changePoints SPC change points from reference/spc-baselines.csv: each area's limits use
     *     only the months from its latest change point on
     */
    public ScorecardBuilder(Catalogue catalogue, List<SpcBaseline> changePoints) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.changePoints = List.copyOf(requireNonNull(changePoints, "changePoints is null"));
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
        // The force's SNTs: a second comparison set, for metrics with SNT figures.
        Map<String, MetricValue> sntByKey = new HashMap<>();
        Map<String, java.util.SortedSet<String>> sntCodes = new HashMap<>();
        for (MetricValue value : values) {
            if (SNT.equals(value.areaLevel()) && QUARTER.equals(value.periodType())) {
                sntByKey.put(key(value.metricId(), value.areaCode(), QUARTER, value.periodLabel()), value);
                sntCodes.computeIfAbsent(value.metricId() + "|" + value.periodLabel(), k -> new TreeSet<>()).add(value.areaCode());
            }
        }
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
                MonthlySeries monthly = metric.monthly()
                        ? monthlySeries(metric, area, quarter, scorecardValues, changePoints, current.target())
                        : null;
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
                        fromPrevious.change(), fromPrevious.pValue(), null, fromPrevious.significant(),
                        yearBefore.label(), yearAgo == null ? null : yearAgo.publishedValue(),
                        fromYear.change(), fromYear.pValue(), null, fromYear.significant(),
                        monthly == null ? null : monthly.spc().signal().label(),
                        monthly == null || monthly.assurance() == null ? null : monthly.assurance().label(),
                        monthly == null ? null : monthly.values().size(),
                        current.runId()));
            }
            if (!metricSeries.isEmpty()) {
                series.put(metric.id(), metricSeries);
            }
            comparisons.addAll(compare(metric, quarter, byKey));
            MetricValue force = byKey.get(key(metric.id(), Areas.scorecardCodes().get(0), QUARTER, quarter.label()));
            java.util.function.Function<String, List<String>> sntsOf =
                    label -> List.copyOf(sntCodes.getOrDefault(metric.id() + "|" + label, new TreeSet<>()));
            comparisons.addAll(compare(metric, quarter, sntByKey, AreaComparisonRow.SNT_SET, sntsOf, code -> code,
                    force == null ? null : force.publishedValue()));
            if (metric.isRate()) {
                FunnelSet set = funnelSet(metric, quarter.label(), byKey, Areas.lpaCodes());
                quantityPerEvent.put(metric.id(), set == null ? 1.0 : set.quantityPerEvent());
                FunnelSet snts = funnelSet(metric, quarter.label(), sntByKey, sntsOf.apply(quarter.label()));
                if (snts != null) {
                    quantityPerEvent.put(metric.id() + "|snt", snts.quantityPerEvent());
                }
            }
        }
        rows = withQValues(rows);
        comparisons = withQAdjusted(comparisons);
        List<SpcBaseline> used = changePoints.stream()
                .filter(point -> series.values().stream().flatMap(bySeries -> bySeries.values().stream())
                        .anyMatch(s -> point.equals(s.changePoint())))
                .toList();
        List<ThemeScore> themeScores = ThemeScores.compute(quarterValues);
        List<String> runIds = scorecardValues.stream().map(MetricValue::runId).distinct().sorted().toList();
        LocalDate dataTo = quarterValues.stream().map(MetricValue::periodEnd).max(Comparator.naturalOrder()).orElse(quarter.end());
        return new ScorecardReport(quarter.label(), dataTo, runIds, metrics, rows, comparisons, themeScores, series, quantityPerEvent,
                used);
    }

    /**
     * Benjamini-Hochberg q-values over the quarter's two families of changes: every tested change
     * on the previous quarter, and every tested change on the year before (metrics.md, "Multiple
     * comparisons"); significance becomes q &lt; 0.05.
     */
    static List<ScorecardRow> withQValues(List<ScorecardRow> rows) {
        List<Double> previousQ = BenjaminiHochberg.qValues(rows.stream().map(ScorecardRow::changePreviousP).toList());
        List<Double> yearQ = BenjaminiHochberg.qValues(rows.stream().map(ScorecardRow::changeYearP).toList());
        List<ScorecardRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).withQValues(previousQ.get(i), yearQ.get(i)));
        }
        return out;
    }

    /** Benjamini-Hochberg q-values over the quarter's funnel deviations (the adjusted z-scores' p-values). */
    static List<AreaComparisonRow> withQAdjusted(List<AreaComparisonRow> rows) {
        List<Double> q = BenjaminiHochberg.qValues(rows.stream().map(AreaComparisonRow::pAdjusted).toList());
        List<AreaComparisonRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).withQAdjusted(q.get(i)));
        }
        return out;
    }

    /** As {@link #monthlySeries(MetricInfo, String, Period, Collection, List, Double)} with no change point and no target. */
    static MonthlySeries monthlySeries(MetricInfo metric, String area, Period quarter, Collection<MetricValue> values) {
        return monthlySeries(metric, area, quarter, values, List.of(), null);
    }

    /**
     * The last up to 24 monthly values ending at the quarter's end, without missing or held-back months,
     * and their XmR chart: limits from the area's latest change point on (on or before the quarter's last
     * month), and the assurance against the target.
     */
    static MonthlySeries monthlySeries(MetricInfo metric, String area, Period quarter, Collection<MetricValue> values,
            List<SpcBaseline> changePoints, Double target) {
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
        YearMonth lastMonth = YearMonth.from(end);
        SpcBaseline changePoint = changePoints.stream()
                .filter(point -> point.appliesTo(metric.id(), area) && !point.fromMonth().isAfter(lastMonth))
                .max(Comparator.comparing(SpcBaseline::fromMonth))
                .orElse(null);
        int from = changePoint == null ? 0
                : (int) months.stream().filter(v -> YearMonth.from(v.periodStart()).isBefore(changePoint.fromMonth())).count();
        SpcResult spc = XmrChart.evaluate(points, metric.direction(), from);
        SpcAssurance assurance = SpcAssurance.of(spc, target, metric.direction()).orElse(null);
        return new MonthlySeries(metric.id(), area, labels, points, spc, changePoint, from, target, assurance);
    }

    /**
     * Each LPA against the others: rank by direction, and place on the funnel around the LPAs' pooled
     * figure, unadjusted and adjusted for overdispersion. The five LPAs are too few to estimate phi and
     * tau2 from one quarter: their z-scores are pooled over this quarter and up to three before, each
     * against its own quarter's centre, and used only when there are at least 10 (metrics.md, "Area
     * comparison"). q_adjusted is filled in over the whole quarter afterwards ({@link #withQAdjusted}).
     */
    static List<AreaComparisonRow> compare(MetricInfo metric, Period quarter, Map<String, MetricValue> byKey) {
        MetricValue force = byKey.get(key(metric.id(), Areas.scorecardCodes().get(0), QUARTER, quarter.label()));
        return compare(metric, quarter, byKey, AreaComparisonRow.LPA_SET, label -> Areas.lpaCodes(), Areas::nameOf,
                force == null ? null : force.publishedValue());
    }

    /**
     * One comparison set's rows: each unit ranked among the set and placed on the funnel around the set's
     * pooled figure.
     *
     * @param codesOf the set's unit codes in a quarter (by label)
     */
    static List<AreaComparisonRow> compare(MetricInfo metric, Period quarter, Map<String, MetricValue> byKey, String setName,
            java.util.function.Function<String, List<String>> codesOf, java.util.function.Function<String, String> nameOf,
            Double forceValue) {
        String label = quarter.label();
        List<String> codes = codesOf.apply(label);
        Map<String, MetricValue> units = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String code : codes) {
            MetricValue value = byKey.get(key(metric.id(), code, QUARTER, label));
            if (value != null) {
                units.put(code, value);
                values.put(code, value.publishedValue());
            }
        }
        if (units.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> ranks = Ranking.rank(values, metric.direction());
        FunnelSet set = funnelSet(metric, label, byKey, codes);
        Dispersion dispersion = set == null ? null : Overdispersion.estimate(pooledZScores(metric, quarter, byKey, set, codesOf));
        List<AreaComparisonRow> rows = new ArrayList<>();
        units.forEach((code, value) -> {
            Double base = funnelBase(metric, value);
            FunnelUnit unit = set == null ? null : set.units().get(code);
            if (unit == null) {
                rows.add(new AreaComparisonRow(label, metric.id(), metric.theme(), metric.unit(), setName, code, nameOf.apply(code),
                        value.publishedValue(), value.status(), forceValue, base, ranks.get(code), null, null, null,
                        null, null, null, null, null, null, null, null));
                return;
            }
            FunnelPlace place = funnelPlace(metric, value, set.centre(), set.quantityPerEvent()).orElse(null);
            Double z = unit.z() == null ? null : unit.z().z();
            Double zAdjusted = unit.z() == null ? null : dispersion.adjustedZ(unit.y(), set.y0(), unit.s());
            FunnelPlace adjusted = place;
            if (dispersion.widens() && unit.z() != null) {
                adjusted = dispersion.adjustedBands(set.y0(), unit.s()).place(unit.y());
            }
            rows.add(new AreaComparisonRow(label, metric.id(), metric.theme(), metric.unit(), setName, code, nameOf.apply(code),
                    value.publishedValue(), value.status(), forceValue, base, ranks.get(code), set.centre(), z,
                    place == null ? null : place.label(),
                    dispersion.isEstimated() ? dispersion.phi() : null,
                    dispersion.isEstimated() ? dispersion.tau2() : null,
                    dispersion.zScores(), dispersion.status().label(), zAdjusted,
                    adjusted == null ? null : adjusted.label(),
                    zAdjusted == null ? null : Overdispersion.twoSidedPValue(zAdjusted), null));
        });
        return rows;
    }

    /**
     * The z-scores phi and tau2 are estimated from: this quarter's, and for a set of fewer than 10 units
     * also those of up to three previous quarters, each against its own quarter's pooled centre.
     */
    static List<UnitZScore> pooledZScores(MetricInfo metric, Period quarter, Map<String, MetricValue> byKey, FunnelSet current,
            java.util.function.Function<String, List<String>> codesOf) {
        List<UnitZScore> zScores = new ArrayList<>(current.zScores());
        if (current.units().size() < POOL_BELOW_UNITS) {
            Period earlier = quarter;
            for (int i = 0; i < POOLED_PREVIOUS_QUARTERS; i++) {
                earlier = earlier.previous();
                FunnelSet set = funnelSet(metric, earlier.label(), byKey, codesOf.apply(earlier.label()));
                if (set != null) {
                    zScores.addAll(set.zScores());
                }
            }
        }
        return zScores;
    }

    /** One unit (LPA or SNT) on a funnel: its value y and standard error s on the z-score's scale, and z (null when s is 0). */
    record FunnelUnit(MetricValue value, double y, double s, UnitZScore z) {
    }

    /**
     * The units (LPAs or SNTs) of one quarter placed on a funnel: the centre pooled over them (in the metric's unit), y0
     * on the z-scores' scale (proportions for percents), and for rates the quantity per event of the
     * pooled figure, q = sum(q^2) / sum(q).
     */
    record FunnelSet(double centre, double y0, double quantityPerEvent, Map<String, FunnelUnit> units) {
        List<UnitZScore> zScores() {
            return units.values().stream().map(FunnelUnit::z).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * The units of a set with a published figure and a base above 1 for a percent or rate metric in one quarter,
     * around their pooled centre; null when none can be placed.
     */
    static FunnelSet funnelSet(MetricInfo metric, String quarter, Map<String, MetricValue> byKey, List<String> codes) {
        if ((!metric.isPercent() && !metric.isRate()) || metric.isStock()) {
            return null;
        }
        Map<String, MetricValue> placed = new LinkedHashMap<>();
        List<FunnelCentre.Ratio> ratios = new ArrayList<>();
        double sumQ = 0;
        double sumQSquared = 0;
        for (String code : codes) {
            MetricValue value = byKey.get(key(metric.id(), code, QUARTER, quarter));
            if (value == null || value.publishedValue() == null || !Double.isFinite(value.publishedValue())
                    || value.numerator() == null || value.denominator() == null || !(value.numerator() >= 0)
                    || !(value.denominator() > 0)) {
                continue;
            }
            Double base = funnelBase(metric, value);
            // A base of one (an SNT's "does it hold a plan", say) is a yes or no, not a proportion to compare.
            if (base == null || !(base > 1)) {
                continue;
            }
            placed.put(code, value);
            ratios.add(new FunnelCentre.Ratio(value.numerator(), value.denominator()));
            sumQ += value.numerator();
            // Without an effective base in metric_values, each area's sum(q^2) is taken as numerator x its
            // quantity per event (numerator / event count): exact for a count, the mean weight's for a sum.
            sumQSquared += value.numerator() * value.quantityPerEvent();
        }
        if (placed.isEmpty()) {
            return null;
        }
        double scale = metric.isPercent() ? 100.0 : 1000.0;
        double centre = FunnelCentre.pooled(ratios, scale);
        if (!Double.isFinite(centre)) {
            return null;
        }
        double q = metric.isRate() && sumQ > 0 ? sumQSquared / sumQ : 1.0;
        double y0 = metric.isPercent() ? centre / 100.0 : centre;
        Map<String, FunnelUnit> units = new LinkedHashMap<>();
        placed.forEach((code, value) -> {
            double y = metric.isPercent() ? value.publishedValue() / 100.0 : value.publishedValue();
            double s = metric.isPercent()
                    ? Overdispersion.proportionStandardError(Math.max(0, Math.min(1, y0)), funnelBase(metric, value))
                    : Overdispersion.rateStandardError(y0, value.denominator(), q, 1000.0);
            UnitZScore z = s > 0 && Double.isFinite(s) ? UnitZScore.of(y, y0, s) : null;
            units.put(code, new FunnelUnit(value, y, s, z));
        });
        return new FunnelSet(centre, y0, q, units);
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
        if (force == null || force.publishedValue() == null) {
            return Optional.empty();
        }
        return funnelPlace(metric, area, force.publishedValue(), quantityPerEvent(force));
    }

    /**
     * As {@link #funnelPlace(MetricInfo, MetricValue, MetricValue)} around a centre given in the metric's
     * unit (the LPAs' pooled figure), with the centre's quantity per event for a rate.
     */
    public static Optional<FunnelPlace> funnelPlace(MetricInfo metric, MetricValue area, double centre, double quantityPerEvent) {
        if (area == null || area.publishedValue() == null || !Double.isFinite(centre) || metric.isStock()) {
            return Optional.empty();
        }
        if (metric.isPercent()) {
            Double n = ChangeSignificance.percentBase(area);
            double p0 = centre;
            double value = area.publishedValue();
            if (n == null || !(n > 0) || p0 < 0 || p0 > 100 || value < 0 || value > 100) {
                return Optional.empty();
            }
            return Optional.of(FunnelLimits.placeForPercent(value, p0, n));
        }
        if (metric.isRate()) {
            if (area.baseN() == null || area.denominator() == null || !(area.denominator() > 0) || centre < 0
                    || !(quantityPerEvent > 0)) {
                return Optional.empty();
            }
            return Optional.of(FunnelLimits.placeForWeightedRate(area.publishedValue(), area.denominator(), centre,
                    quantityPerEvent, 1000.0));
        }
        return Optional.empty();
    }

    static String key(String metricId, String area, String periodType, String periodLabel) {
        return metricId + "|" + area + "|" + periodType + "|" + periodLabel;
    }
}
