package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.AreaLevel;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.warehouse.RecordDates;

/**
 * What every metric kind shares: the staged inputs as metrics read them, the run's --as-of date,
 * the calendar as a small broadcast table, and the grid of areas and periods a metric is reported on.
 */
public final class MetricContext {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MetricContext.class);
    public static final String EVENT_DATE = "event_date";

    private final SparkSession spark;
    private final ReferenceData reference;
    private final LocalDate asOf;
    // Every current row of each source: what decides the periods (first and last record date).
    private final Map<Source, Dataset<Row>> rows;
    // What metrics read: every row, or after retaining() only the rows the recomputed periods need, kept in memory.
    private final Map<Source, Dataset<Row>> inputs;
    private final Map<Source, Optional<LocalDate[]>> ranges;
    // Periods whose natural end is before this are not recomputed (LocalDate.MIN: every period).
    private final LocalDate from;
    // The first date any recomputed period can hold: the start of the longest period holding `from`.
    private final LocalDate windowStart;
    // Small driver-built tables, shared by the metrics of a run rather than rebuilt per metric.
    private final Map<String, Dataset<Row>> calendars = new java.util.HashMap<>();
    private final Map<String, Dataset<Row>> periodTables = new java.util.HashMap<>();

    /**
     * @param staged the staged tables present in the warehouse; a metric of source {@code crime}
     *     reads {@code policeuk} where the landing has no force extract
     */
    public MetricContext(SparkSession spark, ReferenceData reference, LocalDate asOf, Map<Source, Dataset<Row>> staged) {
        this.spark = requireNonNull(spark, "spark is null");
        this.reference = requireNonNull(reference, "reference is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.rows = new EnumMap<>(Source.class);
        this.ranges = new EnumMap<>(Source.class);
        this.from = LocalDate.MIN;
        this.windowStart = LocalDate.MIN;
        staged.forEach((source, staged_) -> rows.put(source, withHarmWeights(source, currentRows(source, staged_))));
        this.inputs = Map.copyOf(rows);
    }

    private MetricContext(MetricContext base, Map<Source, Dataset<Row>> inputs, LocalDate from) {
        this.spark = base.spark;
        this.reference = base.reference;
        this.asOf = base.asOf;
        this.rows = base.rows;
        this.inputs = inputs;
        this.ranges = base.ranges;
        this.from = from;
        this.windowStart = windowStart(from);
    }

    /** The first date a period whose natural end is on or after {@code from} can hold: the start of the longest one. */
    public static LocalDate windowStart(LocalDate from) {
        return from.equals(LocalDate.MIN) ? LocalDate.MIN : java.util.Arrays.stream(PeriodType.values())
                .map(type -> Period.containing(type, from).start())
                .min(LocalDate::compareTo).orElseThrow();
    }

    /**
     * The same context reading, of each source named, only the rows the predicate keeps, held in
     * memory: each source feeds several metrics, so its rows are read once. Sources not named are
     * read as they are. The rows are held without the columns named {@code unread}: filling the cache
     * costs by the byte, and identifiers and lineage are the widest columns.
     */
    public MetricContext retaining(Map<Source, Column> kept, Set<String> unread) {
        requireNonNull(kept, "kept is null");
        requireNonNull(unread, "unread is null");
        Map<Source, Dataset<Row>> retained = new EnumMap<>(Source.class);
        List<Dataset<Row>> fills = new ArrayList<>();
        rows.forEach((source, all) -> {
            if (kept.containsKey(source)) {
                Dataset<Row> cached = all.filter(kept.get(source)).drop(unread.toArray(String[]::new)).persist();
                fills.add(cached.select(lit(1).as("_row")));
                retained.put(source, cached);
            }
            else {
                retained.put(source, all);
            }
        });
        // Filled now, each source in one scan: left to the metrics' single action, concurrent stages each
        // read the source again. One action for all: the caches fill side by side, not one after another.
        fills.stream().reduce(Dataset::union).ifPresent(Dataset::count);
        if (LOG.isInfoEnabled() && !fills.isEmpty()) {
            // The size each cache reached, as Spark measured it while filling: what a heap must hold for the metrics.
            List<String> sizes = new ArrayList<>();
            kept.keySet().stream().filter(retained::containsKey).sorted().forEach(source -> sizes.add(source.folder() + " "
                    + retained.get(source).queryExecution().optimizedPlan().stats().sizeInBytes().$div(scala.math.BigInt.apply(1 << 20)) + " MiB"));
            LOG.info("Metric inputs held in memory: {}", String.join(", ", sizes));
        }
        return new MetricContext(this, retained, from);
    }

    /**
     * The same inputs, restricted to the periods whose natural end (before any cut at --as-of) is
     * on or after {@code from}: grids, calendars and period tables hold only those periods, and
     * events dated before they start are dropped early. {@link LocalDate#MIN} is every period.
     */
    public MetricContext recomputing(LocalDate from) {
        requireNonNull(from, "from is null");
        return from.equals(this.from) ? this : new MetricContext(this, inputs, from);
    }

    /** The first date a recomputed period can hold; {@link LocalDate#MIN} when every period is recomputed. */
    public LocalDate windowStart() {
        return windowStart;
    }

    /** The first record date of each source with rows, by source folder: what decides the periods of a full recompute. */
    public Map<String, LocalDate> firstRecordDates() {
        loadRanges();
        Map<String, LocalDate> dates = new java.util.TreeMap<>();
        for (Source source : inputs.keySet()) {
            range(source).ifPresent(range -> dates.put(source.folder(), range[0]));
        }
        return dates;
    }

    /** The harm weight of each crime's category as {@code harm_weight}, where the landing has harm-weights.csv. */
    private Dataset<Row> withHarmWeights(Source source, Dataset<Row> rows) {
        if (!source.isOrStandsInFor(Source.CRIME) || reference.harmWeights().isEmpty()) {
            return rows;
        }
        return rows.join(broadcast(harmWeights()), rows.col("category").equalTo(col("harm_category")), "left").drop("harm_category");
    }

    /** harm-weights.csv as a small table: {@code harm_category, harm_weight}. */
    public Dataset<Row> harmWeights() {
        List<Row> rows = new ArrayList<>();
        reference.harmWeights().forEach((category, weight) -> rows.add(RowFactory.create(category, weight)));
        return spark.createDataFrame(rows, HARM_WEIGHTS);
    }

    private static final StructType HARM_WEIGHTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("harm_category", DataTypes.StringType, false),
            DataTypes.createStructField("harm_weight", DataTypes.DoubleType, false)));

    public SparkSession spark() {
        return spark;
    }

    public ReferenceData reference() {
        return reference;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The source a metric actually reads, if the warehouse has it. */
    public Optional<Source> effectiveSource(MetricDefinition metric) {
        return effectiveSource(metric.source());
    }

    /**
     * The source read for rows of {@code named}: its own, or where the warehouse has none, those of a
     * source that stands in for it (police.uk rows for crime where the landing has no force extract).
     */
    public Optional<Source> effectiveSource(Source named) {
        if (inputs.containsKey(named)) {
            return Optional.of(named);
        }
        return Arrays.stream(Source.values())
                .filter(source -> source.standsInFor().equals(Optional.of(named)) && inputs.containsKey(source))
                .findFirst();
    }

    public Dataset<Row> input(Source source) {
        return requireNonNull(inputs.get(source), () -> "no staged rows for " + source.folder());
    }

    /** Whether a source's rows have every column a metric requires (police.uk rows have no victim, say). */
    public boolean hasColumns(Source source, List<String> columns) {
        List<String> present = Arrays.asList(input(source).columns());
        return present.containsAll(columns);
    }

    /** A catalogue expression as a Spark column, with {@code {as_of}} replaced by the run's date. */
    public Column expression(String sql) {
        return expr(sql.replace("{as_of}", "DATE'" + asOf + "'"));
    }

    /**
     * The metric's events: its filter applied, its date as {@code event_date}, nothing after --as-of,
     * and one row per period of the metric's period types the event falls in.
     */
    public Dataset<Row> eventsByPeriod(MetricDefinition metric, Source source, Column filter, List<PeriodType> periodTypes) {
        return byPeriod(input(source).filter(filter), metric, source, periodTypes);
    }

    /**
     * The rows with the metric's date as {@code event_date}, none undated or after --as-of, and none
     * before the first recomputed period unless the metric's records stay active over periods ({@code active_until}).
     */
    Dataset<Row> dated(Dataset<Row> rows, MetricDefinition metric) {
        Dataset<Row> events = rows
                .withColumn(EVENT_DATE, expression(metric.parameters().string("date")))
                .filter(col(EVENT_DATE).isNotNull().and(col(EVENT_DATE).leq(lit(asOf))));
        if (windowStart.isAfter(LocalDate.MIN) && metric.parameters().optionalString("active_until").isEmpty()) {
            events = events.filter(col(EVENT_DATE).geq(lit(windowStart)));
        }
        return events;
    }

    /**
     * Given rows (already filtered) by period: with parameter {@code active_until} (plans), one row per
     * period the record is active in ({@code date <= end of P} and {@code active_until} null or
     * {@code >= start of P}); otherwise one row per period holding its {@code date}. Nothing dated after --as-of.
     */
    public Dataset<Row> byPeriod(Dataset<Row> rows, MetricDefinition metric, Source source, List<PeriodType> periodTypes) {
        Dataset<Row> events = dated(rows, metric);
        Optional<String> until = metric.parameters().optionalString("active_until");
        if (until.isPresent()) {
            Column end = expression(until.get());
            Dataset<Row> periods = broadcast(periodTable(source, periodTypes));
            return events.join(periods, col(EVENT_DATE).leq(col("_period_end"))
                            .and(end.isNull().or(end.geq(col("_period_start")))))
                    .drop("_period_start", "_period_end");
        }
        return events.join(broadcast(calendar(source, periodTypes)), col(EVENT_DATE).equalTo(col("calendar_date")))
                .drop("calendar_date");
    }

    /** Measures are summed as exact decimals, so a figure does not depend on the order rows are added in. */
    static final DataType EXACT = DataTypes.createDecimalType(28, 9);

    /**
     * Additive measures (each a column summed) of a plan metric, one active over several periods
     * ({@code active_until}): it has no single day to sum by, so its rows are taken period by period.
     * Metrics with a day are summed together by {@link AdditiveMetrics}. Measures are added as
     * decimals (9 places), whose sums are exact: the figures do not depend on how Spark partitions
     * the rows, so a cluster and a laptop give the same digits. Returned sums are decimals.
     */
    public Dataset<Row> activeTotals(MetricDefinition metric, Source source, Column filter, Map<String, Column> measures) {
        if (metric.parameters().optionalString("active_until").isEmpty()) {
            throw new IllegalArgumentException("Cannot sum " + metric.id() + " period by period: it has no active_until");
        }
        List<Column> totals = new ArrayList<>();
        measures.forEach((name, measure) -> totals.add(sum(col(name)).as(name)));
        Dataset<Row> events = eventsByPeriod(metric, source, filter, metric.periodTypes());
        List<Column> measured = new ArrayList<>(List.of(col("period_type"), col("period_label")));
        measured.addAll(placeColumns(events));
        measures.forEach((name, measure) -> measured.add(measure.cast(EXACT).as(name)));
        return byArea(events.select(measured.toArray(Column[]::new)), metric.areaLevels())
                .groupBy("area_level", "area_code", "period_type", "period_label")
                .agg(totals.get(0), totals.subList(1, totals.size()).toArray(Column[]::new));
    }

    /** Share of covered members (column {@code _covered}, 1 or 0) by area and period: covered over all members. */
    static Dataset<Row> coveredShare(Dataset<Row> marked) {
        return coveredShare(marked, "area_level", "area_code", "period_type", "period_label");
    }

    /** {@link #coveredShare(Dataset)} by the given keys (a metric id and the area and period, say). */
    static Dataset<Row> coveredShare(Dataset<Row> marked, String... keys) {
        return marked.groupBy(Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .agg(sum("_covered").as("numerator"),
                        count(lit(1)).cast(DataTypes.DoubleType).as("denominator"),
                        count(lit(1)).as("base_n"),
                        lit(null).cast(DataTypes.DoubleType).as("sum_w2"),
                        lit(null).cast(DataTypes.DoubleType).as("direct_value"));
    }

    private static List<Column> placeColumns(Dataset<Row> rows) {
        List<String> present = Arrays.asList(rows.columns());
        return java.util.stream.Stream.of("lpa_code", "snt_code").filter(present::contains).map(org.apache.spark.sql.functions::col).toList();
    }

    /** The metric's periods as a small table: {@code period_type, period_label, _period_start, _period_end}. */
    public Dataset<Row> periodTable(Source source, List<PeriodType> periodTypes) {
        return periodTables.computeIfAbsent(source + "/" + periodTypes, key -> buildPeriodTable(source, periodTypes));
    }

    private Dataset<Row> buildPeriodTable(Source source, List<PeriodType> periodTypes) {
        List<Row> rows = new ArrayList<>();
        for (PeriodType type : periodTypes) {
            for (Period period : periods(source, type)) {
                rows.add(RowFactory.create(type.label(), period.label(), period.start(), period.end()));
            }
        }
        return spark.createDataFrame(rows, PERIODS);
    }

    private static final StructType PERIODS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("_period_start", DataTypes.DateType, false),
            DataTypes.createStructField("_period_end", DataTypes.DateType, false)));

    /** One row per area an event counts in: the force, its LPA if known, its SNT if known. */
    public static Dataset<Row> byArea(Dataset<Row> events, List<AreaLevel> levels) {
        List<String> columns = Arrays.asList(events.columns());
        Column lpa = columns.contains("lpa_code") ? col("lpa_code") : lit(null).cast(DataTypes.StringType);
        Column snt = columns.contains("snt_code") ? col("snt_code") : lit(null).cast(DataTypes.StringType);
        List<Column> areas = new ArrayList<>();
        for (AreaLevel level : levels) {
            Column code = switch (level) {
                case FORCE -> lit(uk.westmercia.charter.reference.Lpa.FORCE_CODE);
                case LPA -> lpa;
                case SNT -> snt;
            };
            areas.add(struct(lit(level.label()).as("area_level"), code.as("area_code")));
        }
        return events.withColumn("_area", explode(array(areas.toArray(Column[]::new))))
                .withColumn("area_level", col("_area.area_level"))
                .withColumn("area_code", col("_area.area_code"))
                .drop("_area")
                .filter(col("area_code").isNotNull());
    }

    /** The periods of a metric: from the one holding the source's earliest record to the one holding min(as-of, latest record). */
    public List<Period> periods(Source source, PeriodType type) {
        Optional<LocalDate[]> range = range(source);
        if (range.isEmpty()) {
            return List.of();
        }
        LocalDate first = range.get()[0];
        LocalDate last = range.get()[1].isBefore(asOf) ? range.get()[1] : asOf;
        if (last.isBefore(first)) {
            return List.of();
        }
        return Period.covering(type, first, last).stream()
                .filter(period -> !period.end().isBefore(from))
                .map(period -> period.endingNoLaterThan(asOf))
                .toList();
    }

    /** The grid a metric is reported on, with each area's population for rates. */
    public Dataset<Row> grid(MetricDefinition metric, Source source) {
        return spark.createDataFrame(gridRows(metric, source), GRID);
    }

    /** The rows of {@link #grid}, each after the given leading values. */
    List<Row> gridRows(MetricDefinition metric, Source source, Object... leading) {
        List<Row> rows = new ArrayList<>();
        for (AreaLevel level : metric.areaLevels()) {
            if (level == AreaLevel.SNT && source.placedByDistrict()) {
                continue;
            }
            for (String area : reference.areaCodes(level)) {
                double population = source.placedByDistrict()
                        ? reference.districtPopulation(level, area)
                        : reference.population(level, area);
                for (PeriodType type : metric.periodTypes()) {
                    for (Period period : periods(source, type)) {
                        Object[] values = Arrays.copyOf(leading, leading.length + 7);
                        System.arraycopy(new Object[] {level.label(), area, type.label(), period.label(), period.start(), period.end(), population},
                                0, values, leading.length, 7);
                        rows.add(RowFactory.create(values));
                    }
                }
            }
        }
        return rows;
    }

    static final StructType GRID = MetricValuesSchema.schema(List.of(),
            List.of(DataTypes.createStructField("population", DataTypes.DoubleType, false)));

    private static final StructType CALENDAR = DataTypes.createStructType(List.of(
            DataTypes.createStructField("calendar_date", DataTypes.DateType, false),
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false)));

    /** Every date of the source's range, with the label of each period type holding it: a few thousand rows. */
    public Dataset<Row> calendar(Source source, List<PeriodType> types) {
        return calendar(EnumSet.of(source), types);
    }

    /** {@link #calendar(Source, List)} over the sources' ranges together: from the earliest first record of any. */
    public Dataset<Row> calendar(Set<Source> sources, List<PeriodType> types) {
        return calendars.computeIfAbsent(new TreeSet<>(sources) + "/" + types, key -> buildCalendar(sources, types));
    }

    private Dataset<Row> buildCalendar(Set<Source> sources, List<PeriodType> types) {
        Optional<LocalDate> earliest = sources.stream().map(this::range).flatMap(Optional::stream).map(range -> range[0]).min(LocalDate::compareTo);
        List<Row> rows = new ArrayList<>();
        if (earliest.isPresent()) {
            // From a year before the earliest record to a week after --as-of: due dates and week ends away from the records' own dates still find their period.
            LocalDate first = earliest.get().minusYears(1);
            for (LocalDate date = first.isBefore(windowStart) ? windowStart : first; !date.isAfter(asOf.plusDays(7)); date = date.plusDays(1)) {
                for (PeriodType type : types) {
                    rows.add(RowFactory.create(date, type.label(), Period.containing(type, date).label()));
                }
            }
        }
        return spark.createDataFrame(rows, CALENDAR);
    }

    /** Earliest and latest record date of a source, found once per run ({@link #firstRecordDates} finds every source's together). */
    public Optional<LocalDate[]> range(Source source) {
        return ranges.computeIfAbsent(source, key -> {
            Dataset<Row> all = requireNonNull(rows.get(key), () -> "no staged rows for " + key.folder());
            return rangeFromEndMonths(all).or(() -> everyMonthsRange(all));
        });
    }

    /**
     * The ranges of every source not yet known, from their end months ({@link #rangeFromEndMonths}):
     * one scan of those months' files for every source, one small shuffle. A source whose end months
     * hold no counted row has its range read from every month.
     */
    private void loadRanges() {
        Map<Source, Dataset<Row>> ends = new EnumMap<>(Source.class);
        rows.forEach((source, all) -> {
            if (!ranges.containsKey(source)) {
                endMonthRows(all).ifPresent(end -> ends.put(source, end));
            }
        });
        if (ends.isEmpty()) {
            return;
        }
        Dataset<Row> bySource = ends.entrySet().stream()
                .map(end -> end.getValue().select(lit(end.getKey().name()).as("source"), col("first"), col("last")))
                .reduce(Dataset::union).orElseThrow();
        // One row per source with end-month rows.
        for (Row row : bySource.groupBy("source").agg(min(col("first")), max(col("last"))).collectAsList()) {
            dates(row, 1).ifPresent(range -> ranges.put(Source.valueOf(row.getString(0)), Optional.of(range)));
        }
        ends.keySet().forEach(source -> ranges.computeIfAbsent(source, key -> everyMonthsRange(rows.get(key))));
    }

    /**
     * The range read from the first and last record months only, where the staged table is
     * partitioned by month (a month's rows all have their record date in it): two months' files
     * rather than every month's. Empty when a month has no counted rows (say, only cancelled crimes).
     */
    static Optional<LocalDate[]> rangeFromEndMonths(Dataset<Row> rows) {
        return endMonthRows(rows).flatMap(ends -> dates(ends.agg(min(col("first")), max(col("last"))).first(), 0));
    }

    /** The range read from every row: for tables not partitioned by month, or whose end months hold no counted row. */
    private static Optional<LocalDate[]> everyMonthsRange(Dataset<Row> rows) {
        return dates(rows.agg(min(col("_record_date")), max(col("_record_date"))).first(), 0);
    }

    /** The first and last date at {@code index} and the next, where both are known. */
    private static Optional<LocalDate[]> dates(Row row, int index) {
        if (row.isNullAt(index) || row.isNullAt(index + 1)) {
            return Optional.empty();
        }
        return Optional.of(new LocalDate[] {row.getAs(index), row.getAs(index + 1)});
    }

    /**
     * The rows of the first and last record months, each with its record date as {@code first} if it
     * is in the first month and as {@code last} if in the last; empty when the rows are not in month folders.
     */
    private static Optional<Dataset<Row>> endMonthRows(Dataset<Row> rows) {
        if (!Arrays.asList(rows.columns()).contains(RecordDates.RECORD_MONTH)) {
            return Optional.empty();
        }
        java.util.SortedSet<String> months = new java.util.TreeSet<>();
        for (String file : rows.inputFiles()) {
            java.util.regex.Matcher month = RecordDates.MONTH_FOLDER.matcher(file);
            if (month.find()) {
                months.add(month.group(1));
            }
        }
        if (months.isEmpty()) {
            return Optional.empty();
        }
        Column first = col(RecordDates.RECORD_MONTH).equalTo(lit(months.first()));
        Column last = col(RecordDates.RECORD_MONTH).equalTo(lit(months.last()));
        return Optional.of(rows.filter(first.or(last))
                .select(org.apache.spark.sql.functions.when(first, col("_record_date")).as("first"),
                        org.apache.spark.sql.functions.when(last, col("_record_date")).as("last")));
    }

    /** The rows metrics read: those the source counts ({@link Source#countedRows}: recorded crimes only, cancelled count nowhere), each with its record date. */
    private static Dataset<Row> currentRows(Source source, Dataset<Row> staged) {
        Dataset<Row> rows = source.countedRows().map(condition -> staged.filter(expr(condition))).orElse(staged);
        return rows.withColumn("_record_date", RecordDates.recordDate(source));
    }
}
