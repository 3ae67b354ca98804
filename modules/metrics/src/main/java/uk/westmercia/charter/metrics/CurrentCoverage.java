package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricParameters;
import uk.westmercia.charter.catalogue.Source;

/**
 * Share of a reference universe (parameter {@code universe}, as {@link UniverseCoverage}) holding,
 * on the last day D of the period (or --as-of, if earlier), at least one current item: an item
 * (parameter {@code item}, a priority) with an {@code opened_by} event on or before D, no {@code
 * closed_by} event on or before D, and whose latest {@code reviewed_by} event on or before D lies in
 * [D - {@code review_days}, D]. A state on a day, not events in the period: every earlier event
 * counts, so the rows are never cut at the start of the recomputed periods.
 */
final class CurrentCoverage implements MetricKindComputer {
    private static final StructType MEMBERS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("_member", DataTypes.StringType, false),
            DataTypes.createStructField("snt_code", DataTypes.StringType, true),
            DataTypes.createStructField("lpa_code", DataTypes.StringType, true)));

    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        MetricParameters parameters = metric.parameters();
        String universe = parameters.string("universe");
        String member = UniverseCoverage.memberColumn(metric.id(), universe);
        String event = parameters.string("event");
        Column date = context.expression(parameters.string("date"));
        Column opened = col(event).isin(parameters.strings("opened_by").toArray());
        Column closed = col(event).isin(parameters.strings("closed_by").toArray());
        Column reviewed = col(event).isin(parameters.strings("reviewed_by").toArray());
        Dataset<Row> events = context.input(source)
                .filter(parameters.optionalString("filter").map(context::expression).orElse(lit(true)))
                .withColumn("_date", date)
                .filter(col("_date").isNotNull().and(col("_date").leq(lit(context.asOf()))));
        // Each item's state on each period's last day D (periods are cut at --as-of already).
        Dataset<Row> periods = context.periodTable(source, metric.periodTypes());
        Dataset<Row> items = events.join(broadcast(periods), col("_date").leq(col("_period_end")))
                .groupBy(col("period_type"), col("period_label"), col("_period_end"), col(member).as("_item_member"), col(parameters.string("item")))
                .agg(max(when(opened, 1).otherwise(0)).as("_opened"),
                        max(when(closed, 1).otherwise(0)).as("_closed"),
                        max(when(reviewed, col("_date"))).as("_last_review"));
        long reviewDays = (long) parameters.number("review_days");
        Dataset<Row> current = items
                .filter(col("_opened").equalTo(1).and(col("_closed").equalTo(0))
                        .and(col("_last_review").geq(date_sub(col("_period_end"), (int) reviewDays))))
                .select(col("period_type").as("_current_type"), col("period_label").as("_current_label"), col("_item_member"))
                .distinct();

        List<Row> members = new ArrayList<>();
        List<Row> universeRows = UniverseCoverage.universe(universe, context.reference());
        for (PeriodType type : metric.periodTypes()) {
            for (Period period : context.periods(source, type)) {
                for (Row row : universeRows) {
                    members.add(RowFactory.create(type.label(), period.label(), row.getString(0), row.getString(1), row.getString(2)));
                }
            }
        }
        Dataset<Row> marked = context.spark().createDataFrame(members, MEMBERS)
                .join(current, col("_member").equalTo(col("_item_member"))
                        .and(col("period_type").equalTo(col("_current_type")))
                        .and(col("period_label").equalTo(col("_current_label"))), "left")
                .select(col("period_type"), col("period_label"), col("snt_code"), col("lpa_code"),
                        when(col("_item_member").isNotNull(), 1.0).otherwise(0.0).as("_covered"));
        return MetricContext.coveredShare(MetricContext.byArea(marked, metric.areaLevels()));
    }
}
