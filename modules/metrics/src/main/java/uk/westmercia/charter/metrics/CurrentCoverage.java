package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
final class CurrentCoverage implements UniverseShare {
    /** The members holding a current item on each period's last day. */
    @Override
    public Dataset<Row> covered(MetricDefinition metric, Source source, MetricContext context) {
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
        return items
                .filter(col("_opened").equalTo(1).and(col("_closed").equalTo(0))
                        .and(col("_last_review").geq(date_sub(col("_period_end"), (int) reviewDays))))
                .select(lit(metric.id()).as("covered_metric"), col("_item_member").as("covered_member"),
                        col("period_type").as("covered_type"), col("period_label").as("covered_label"));
    }
}
