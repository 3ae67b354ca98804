package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricKind;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.catalogue.Unit;
import uk.westmercia.charter.warehouse.Lineage;
import uk.westmercia.charter.warehouse.RecordDates;

/** Computes {@code metric_values} for every catalogue metric whose source has staged rows. */
public final class MetricEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MetricEngine.class);
    private static final String[] KEYS = {"area_level", "area_code", "period_type", "period_label"};

    private final Catalogue catalogue;
    private final Map<MetricKind, MetricKindComputer> kinds;

    public MetricEngine(Catalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        Map<MetricKind, MetricKindComputer> computers = new EnumMap<>(MetricKind.class);
        computers.put(MetricKind.EVENT_PROPORTION, new EventProportion());
        computers.put(MetricKind.SURVEY_PROPORTION, new SurveyProportion());
        computers.put(MetricKind.RATE_PER_1000, new RatePer1000());
        computers.put(MetricKind.WEEKLY_COVERAGE, new WeeklyCoverage());
        computers.put(MetricKind.UNIVERSE_COVERAGE, new UniverseCoverage());
        computers.put(MetricKind.REPEAT_SHARE, new RepeatShare());
        computers.put(MetricKind.MEDIAN_DURATION, new MedianDuration());
        computers.put(MetricKind.CONCENTRATION, new HarmConcentration());
        computers.put(MetricKind.GROUP_GAP, new GroupGap());
        computers.put(MetricKind.LATEST_COUNT_RATE, new LatestCountRate());
        computers.put(MetricKind.HOTSPOT_DOSAGE, new HotspotDosage());
        computers.put(MetricKind.CURRENT_COVERAGE, new CurrentCoverage());
        this.kinds = Map.copyOf(computers);
    }

    /**
     * What was computed: the recomputed rows, the metrics recomputed, those with nothing to recompute
     * (their rows carry over), and those skipped because their source had no data.
     */
    public record Result(Dataset<Row> metricValues, List<String> computed, List<String> unchanged, Map<String, String> skipped) {
    }

    /** Every period of every metric. */
    public Result compute(MetricContext context, String runId, Consumer<String> progress) {
        return compute(context, RecomputePlan.full("every period requested"), runId, progress);
    }

    /** The periods the plan names: for each metric, those whose natural end is on or after its {@code from} date. */
    public Result compute(MetricContext staged, RecomputePlan plan, String runId, Consumer<String> progress) {
        requireNonNull(plan, "plan is null");
        requireNonNull(runId, "runId is null");
        List<String> unchanged = new ArrayList<>();
        MetricContext context = staged.retaining(rowsNeeded(staged, plan), unread(staged));
        Map<LocalDate, MetricContext> windows = new HashMap<>();
        List<Dataset<Row>> aggregates = new ArrayList<>();
        List<String> computed = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, MetricDefinition> byId = new LinkedHashMap<>();
        // Metrics of one kind family and source are computed together: see MetricBatch.
        Map<String, MetricBatch> batches = new LinkedHashMap<>();
        int index = 0;
        for (MetricDefinition metric : catalogue.metrics()) {
            index++;
            Optional<Source> source = context.effectiveSource(metric);
            if (source.isEmpty()) {
                skipped.put(metric.id(), "source " + metric.source().folder() + " has no data");
                continue;
            }
            MetricKindComputer kind = kinds.get(metric.kind());
            if (kind == null) {
                skipped.put(metric.id(), "kind " + metric.kind().label() + " is not implemented");
                continue;
            }
            Optional<LocalDate> from = plan.from(metric.id());
            if (from.isEmpty()) {
                unchanged.add(metric.id());
                continue;
            }
            byId.put(metric.id(), metric);
            MetricContext window = windows.computeIfAbsent(from.get(), context::recomputing);
            if (kind instanceof BatchedKind batched && batched.batches(metric) && window.hasColumns(source.get(), requiredColumns(metric))) {
                String batch = batched.acrossSources() ? batched.family() : source.get().folder() + " " + batched.family();
                batches.computeIfAbsent(batch, key -> batched.batch()).add(new MetricBatch.Member(metric, source.get(), batched, window));
            }
            else {
                aggregates.add(aggregate(metric, source.get(), kind, window));
            }
            computed.add(metric.id());
            progress.accept("metric " + index + " of " + catalogue.metrics().size() + " planned: " + metric.id());
        }
        batches.values().forEach(batch -> aggregates.add(batch.aggregate()));
        FigureCalculator calculator = new FigureCalculator(byId, context.reference().targets());
        Dataset<Row> all = aggregates.stream().reduce(Dataset::unionByName)
                .orElseGet(() -> context.spark().createDataFrame(List.of(), MetricValuesSchema.AGGREGATE));
        Dataset<Row> values = all.map((MapFunction<Row, Row>) row -> finish(row, calculator, runId),
                Encoders.row(MetricValuesSchema.SCHEMA));
        // A few thousand rows from dozens of aggregates: kept once computed, so that sorting (which
        // samples its input first) and writing do not each recompute every metric.
        return new Result(values.persist(), List.copyOf(computed), List.copyOf(unchanged), Map.copyOf(skipped));
    }

    /**
     * For each metric that reads a source, the earliest date of its {@code date} expression over the
     * given rows of that source (a run's staging changes): the first period those rows can move.
     * Crime metrics read police.uk rows where a landing has no force extract.
     */
    public Map<String, LocalDate> earliestDates(Source source, Dataset<Row> rows, LocalDate asOf) {
        DateMinima minima = dateMinima(source, rows, asOf);
        if (minima.columns().isEmpty()) {
            return Map.of();
        }
        // One small aggregate per changed source: a handful of minima.
        List<Column> columns = minima.columns();
        return minima.earliest(rows.agg(columns.get(0), columns.subList(1, columns.size()).toArray(Column[]::new)).first());
    }

    /**
     * The aggregates behind {@link #earliestDates}, for a caller that reads the rows anyway (staging
     * summarises its changes in one pass): one minimum per distinct date expression, in order, and the
     * metrics each one dates.
     */
    public record DateMinima(List<Column> columns, List<List<String>> metricIds) {
        public DateMinima {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            metricIds = requireNonNull(metricIds, "metricIds is null").stream().map(List::copyOf).toList();
            if (columns.size() != metricIds.size()) {
                throw new IllegalArgumentException("Cannot date changes: " + columns.size() + " minima for " + metricIds.size() + " groups of metrics");
            }
        }

        /** Each metric's earliest date from a row holding the minima in order; a null minimum (no rows) dates nothing. */
        public Map<String, LocalDate> earliest(Row row) {
            requireNonNull(row, "row is null");
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Cannot date changes: the row has " + row.size() + " values for " + columns.size() + " minima");
            }
            Map<String, LocalDate> earliest = new LinkedHashMap<>();
            for (int index = 0; index < columns.size(); index++) {
                if (!row.isNullAt(index)) {
                    LocalDate date = row.getAs(index);
                    metricIds.get(index).forEach(id -> earliest.put(id, date));
                }
            }
            return earliest;
        }
    }

    /** The minima {@link #earliestDates} aggregates over rows of {@code source} (only their columns are looked at here). */
    public DateMinima dateMinima(Source source, Dataset<Row> rows, LocalDate asOf) {
        requireNonNull(source, "source is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(asOf, "asOf is null");
        // Resolved against no rows of the same columns: analysing each expression over the rows' own plan
        // (unions and joins, for a run's changes) costs more, once per metric.
        Dataset<Row> columns = rows.sparkSession().createDataFrame(List.of(), rows.schema());
        Map<String, Boolean> resolved = new HashMap<>();
        Map<String, List<String>> metricsByExpression = new LinkedHashMap<>();
        for (MetricDefinition metric : catalogue.metrics()) {
            boolean reads = source.isOrStandsInFor(metric.source());
            String date = metric.parameters().string("date");
            if (!reads && metric.kind() == MetricKind.HOTSPOT_DOSAGE) {
                // Hotspots are chosen from crime: a crime changed on day d moves the periods of the year after it.
                Source crime = Source.fromFolder(metric.parameters().string(HotspotDosage.HOTSPOT_SOURCE));
                reads = source.isOrStandsInFor(crime);
                date = metric.parameters().string(HotspotDosage.HOTSPOT_DATE);
            }
            if (reads && resolved.computeIfAbsent(date, expression -> resolves(columns, expression))) {
                metricsByExpression.computeIfAbsent(date, key -> new ArrayList<>()).add(metric.id());
            }
        }
        List<Column> minima = new ArrayList<>();
        for (String date : metricsByExpression.keySet()) {
            minima.add(min(
                    expr(date.replace("{as_of}", "DATE'" + asOf + "'")).cast(DataTypes.DateType)));
        }
        return new DateMinima(minima, new ArrayList<>(metricsByExpression.values()));
    }

    /**
     * Of each source, the rows the plan's recomputed periods can read: for each metric recomputed,
     * the rows its filter selects, dated from the start of its first recomputed period (a repeat
     * window earlier for repeat shares; plans active into that period whatever their date). Where
     * every such metric is dated by the record date, the rows are also bounded by record month, the
     * staged tables' partition column, so the months before are not read at all.
     */
    private Map<Source, Column> rowsNeeded(MetricContext context, RecomputePlan plan) {
        Map<Source, Column> needed = new EnumMap<>(Source.class);
        // Per source, the first record month its recomputed metrics read; empty where one reads every month.
        Map<Source, Optional<YearMonth>> firstMonths = new EnumMap<>(Source.class);
        for (MetricDefinition metric : catalogue.metrics()) {
            Optional<Source> source = context.effectiveSource(metric);
            Optional<LocalDate> from = plan.from(metric.id());
            if (source.isEmpty() || from.isEmpty() || !kinds.containsKey(metric.kind())) {
                continue;
            }
            if (!context.hasColumns(source.get(), requiredColumns(metric))) {
                continue;
            }
            if (metric.kind() == MetricKind.HOTSPOT_DOSAGE) {
                // Hotspots come from the crime of a window before each period: those rows too.
                Optional<Source> crime = HotspotDosage.crimeSource(metric, context);
                if (crime.isPresent()) {
                    LocalDate earliest = HotspotDosage.earliestCrimeNeeded(metric, MetricContext.windowStart(from.get()));
                    Column crimeRows = context.expression(metric.parameters().string(HotspotDosage.HOTSPOT_FILTER));
                    Optional<YearMonth> crimeMonth = Optional.empty();
                    if (earliest.isAfter(LocalDate.MIN)) {
                        String date = metric.parameters().string(HotspotDosage.HOTSPOT_DATE);
                        crimeRows = crimeRows.and(context.expression(date).geq(lit(earliest)));
                        crimeMonth = date.strip().equals(RecordDates.recordDateExpression(crime.get())) ? Optional.of(YearMonth.from(earliest)) : Optional.empty();
                    }
                    needed.merge(crime.get(), coalesce(crimeRows, lit(false)), Column::or);
                    firstMonths.merge(crime.get(), crimeMonth, MetricEngine::earlierMonth);
                }
            }
            Column rows = metric.parameters().optionalString("filter").map(context::expression).orElse(lit(true));
            Optional<YearMonth> firstMonth = Optional.empty();
            // A state on a day (current priorities) reads every earlier event, however old.
            if (from.get().isAfter(LocalDate.MIN) && metric.kind() != MetricKind.CURRENT_COVERAGE) {
                LocalDate windowStart = MetricContext.windowStart(from.get());
                LocalDate earliest = metric.kind() == MetricKind.REPEAT_SHARE
                        ? RepeatShare.earliestNeeded(metric, source.get(), windowStart) : windowStart;
                String date = metric.parameters().string("date");
                Column dated = context.expression(date).geq(lit(earliest));
                Optional<String> until = metric.parameters().optionalString("active_until");
                if (until.isPresent()) {
                    Column end = context.expression(until.get());
                    dated = dated.or(end.isNull()).or(end.geq(lit(windowStart)));
                }
                else if (date.strip().equals(RecordDates.recordDateExpression(source.get()))) {
                    firstMonth = Optional.of(YearMonth.from(earliest));
                }
                rows = rows.and(dated);
            }
            needed.merge(source.get(), coalesce(rows, lit(false)), Column::or);
            firstMonths.merge(source.get(), firstMonth, MetricEngine::earlierMonth);
        }
        firstMonths.forEach((source, month) -> {
            if (month.isPresent() && context.hasColumns(source, List.of(RecordDates.RECORD_MONTH))) {
                // A condition on the partition column alone: Spark lists and reads only the months from this one.
                needed.put(source, col(RecordDates.RECORD_MONTH).geq(lit(month.get().toString())).and(needed.get(source)));
            }
        });
        return needed;
    }

    /**
     * The staged columns no metric reads: each row's lineage, and the identifiers ({@code _id},
     * {@code _ref}) that no metric's parameters name (a repeat share's key names the one it counts by).
     * A metric reading a column left out here fails to resolve it, loudly, rather than count wrong.
     */
    Set<String> unread(MetricContext context) {
        Set<String> named = new HashSet<>();
        for (MetricDefinition metric : catalogue.metrics()) {
            for (Object value : metric.parameters().values().values()) {
                for (String word : IDENTIFIER.split(String.valueOf(value))) {
                    named.add(word);
                }
            }
        }
        Set<String> unread = new TreeSet<>(Lineage.COLUMNS);
        for (Source source : Source.values()) {
            context.effectiveSource(source).ifPresent(read -> Arrays.stream(context.input(read).columns())
                    .filter(column -> (column.endsWith("_id") || column.endsWith("_ref")) && !named.contains(column))
                    .forEach(unread::add));
        }
        return unread;
    }

    /** What separates the column names in a parameter's text. */
    private static final Pattern IDENTIFIER = Pattern.compile("[^A-Za-z0-9_]+");

    /** The earlier of two first months; empty (every month) if either is. */
    private static Optional<YearMonth> earlierMonth(Optional<YearMonth> a, Optional<YearMonth> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get()) : Optional.empty();
    }

    /** The columns a metric needs beyond its kind's (parameter {@code requires}): police.uk rows have no victim, say. */
    private static List<String> requiredColumns(MetricDefinition metric) {
        return metric.parameters().values().containsKey("requires") ? metric.parameters().strings("requires") : List.of();
    }

    /** Whether an expression resolves against the rows' columns (police.uk rows lack most crime columns). */
    private static boolean resolves(Dataset<Row> rows, String expression) {
        try {
            rows.select(expr(expression));
            return true;
        }
        catch (Exception e) {
            if (e instanceof AnalysisException) {
                return false;
            }
            throw e;
        }
    }

    private Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricKindComputer kind, MetricContext context) {
        Dataset<Row> grid = context.grid(metric, source);
        List<String> requires = requiredColumns(metric);
        boolean available = context.hasColumns(source, requires);
        if (!available) {
            LOG.info("{}: {} has no {}; reported as no_data", metric.id(), source.folder(), requires);
            return grid.select(lit(metric.id()).as("metric_id"), col("area_level"), col("area_code"), col("period_type"),
                    col("period_label"), col("period_start"), col("period_end"),
                    lit(null).cast(DataTypes.DoubleType).as("numerator"), lit(null).cast(DataTypes.DoubleType).as("denominator"),
                    lit(null).cast(DataTypes.LongType).as("base_n"), lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                    lit(null).cast(DataTypes.DoubleType).as("direct_value"), lit(false).as("available"));
        }
        Dataset<Row> figures = kind.aggregate(metric, source, context);
        return withGrid(grid, figures, lit(metric.id()), lit(kind.zeroWhenEmpty()), lit(metric.unit() == Unit.PER_1000), KEYS);
    }

    /**
     * Every grid cell with its figures ({@link MetricValuesSchema#AGGREGATE}): where no event fell,
     * numerator and base are 0 if {@code zero}, else absent; a rate's denominator is the population.
     */
    static Dataset<Row> withGrid(Dataset<Row> grid, Dataset<Row> figures, Column metricId, Column zero, Column rate, String[] keys) {
        // Figures are at most one row per grid cell: broadcast, so the grid is never shuffled for a sort-merge join.
        Dataset<Row> joined = grid.join(broadcast(figures), scala.jdk.javaapi.CollectionConverters.asScala(List.of(keys)).toSeq(), "left");
        return joined.select(metricId.as("metric_id"), col("area_level"), col("area_code"), col("period_type"),
                col("period_label"), col("period_start"), col("period_end"),
                when(zero, coalesce(col("numerator"), lit(0.0))).otherwise(col("numerator")).as("numerator"),
                when(rate, col("population")).when(zero, coalesce(col("denominator"), lit(0.0))).otherwise(col("denominator")).as("denominator"),
                when(zero, coalesce(col("base_n"), lit(0L))).otherwise(col("base_n")).as("base_n"),
                col("sum_w2"), col("direct_value"), lit(true).as("available"));
    }

    private static Row finish(Row aggregate, FigureCalculator calculator, String runId) {
        String metricId = aggregate.getAs("metric_id");
        Double numerator = aggregate.getAs("numerator");
        Long baseN = aggregate.getAs("base_n");
        FigureCalculator.Figure figure = calculator.figure(metricId, numerator, aggregate.getAs("denominator"), baseN,
                aggregate.getAs("sum_w2"), aggregate.getAs("direct_value"), aggregate.<Boolean>getAs("available"));
        MetricDefinition metric = calculator.metric(metricId);
        return new MetricValue(metricId, metric.theme().code(), aggregate.getAs("area_level"), aggregate.getAs("area_code"),
                aggregate.getAs("period_type"), aggregate.getAs("period_label"), aggregate.getAs("period_start"),
                aggregate.getAs("period_end"), numerator, aggregate.getAs("denominator"), figure.value(), metric.unit().label(),
                figure.ciLow(), figure.ciHigh(), baseN, figure.effectiveBase(), figure.target(), figure.status().label(), runId).toRow();
    }
}
