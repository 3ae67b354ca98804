package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.catalogue.Unit;
import uk.westmercia.charter.reference.AreaLevel;

/**
 * Metrics of one kind family, computed together: one shuffle for all of them where each alone would
 * cost its own. Computed one by one, a night's time went to the fixed cost of each metric's
 * shuffles, joins and generated code rather than to its rows. A family batches per source, or across
 * sources where its rows come to one shape early ({@link BatchedKind#acrossSources}). Each member
 * keeps its own source and recompute window: its events are read, dated and cut by its own context.
 */
abstract class MetricBatch {
    /** A metric of the batch, the source it reads, its kind, and the context of its recompute window. */
    record Member(MetricDefinition metric, Source source, BatchedKind kind, MetricContext context) {
        Member {
            requireNonNull(metric, "metric is null");
            requireNonNull(source, "source is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(context, "context is null");
        }

        /** Whether a rate: its denominator is the area's population. */
        boolean rate() {
            return metric.unit() == Unit.PER_1000;
        }
    }

    static final String METRIC_ID = "metric_id";
    static final String[] KEYS = {METRIC_ID, "area_level", "area_code", "period_type", "period_label"};
    private static final StructType GRID = grid();

    private final List<Member> members = new ArrayList<>();

    final void add(Member member) {
        members.add(requireNonNull(member, "member is null"));
    }

    final List<Member> members() {
        return List.copyOf(members);
    }

    /**
     * The members' figures by {@link #KEYS}: {@code numerator, denominator, base_n, sum_w2,
     * direct_value}; cells without events may be missing, and cells outside a member's grid are dropped.
     */
    abstract Dataset<Row> figures();

    /** The batch's rows in {@link MetricValuesSchema#AGGREGATE}: every grid cell of every member. */
    final Dataset<Row> aggregate() {
        if (members.isEmpty()) {
            throw new IllegalStateException("Cannot aggregate a batch of metrics: it has none");
        }
        List<Row> cells = new ArrayList<>();
        for (Member member : members) {
            cells.addAll(member.context().gridRows(member.metric(), member.source(), member.metric().id(), member.kind().zeroWhenEmpty(), member.rate()));
        }
        Dataset<Row> grid = members.get(0).context().spark().createDataFrame(cells, GRID);
        return MetricEngine.withGrid(grid, figures(), col(METRIC_ID), col("_zero"), col("_rate"), KEYS);
    }

    /** The sources the members read. */
    final Set<Source> sources() {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        members.forEach(member -> sources.add(member.source()));
        return sources;
    }

    /** Every period type of any member. */
    final List<PeriodType> periodTypes() {
        Set<PeriodType> types = EnumSet.noneOf(PeriodType.class);
        members.forEach(member -> types.addAll(member.metric().periodTypes()));
        return List.copyOf(types);
    }

    /** Every area level of any member. */
    final List<AreaLevel> areaLevels() {
        Set<AreaLevel> levels = EnumSet.noneOf(AreaLevel.class);
        members.forEach(member -> levels.addAll(member.metric().areaLevels()));
        return List.copyOf(levels);
    }

    /** A place column of the rows ({@code lpa_code}, {@code snt_code}), null where the source has none. */
    static Column place(Dataset<Row> rows, String column) {
        return (Arrays.asList(rows.columns()).contains(column) ? col(column) : lit(null).cast(DataTypes.StringType)).as(column);
    }

    private static StructType grid() {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(METRIC_ID, DataTypes.StringType, false),
                DataTypes.createStructField("_zero", DataTypes.BooleanType, false),
                DataTypes.createStructField("_rate", DataTypes.BooleanType, false)));
        fields.addAll(Arrays.asList(MetricContext.GRID.fields()));
        return DataTypes.createStructType(fields);
    }
}
