package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.AreaLevel;
import uk.westmercia.charter.reference.Lpa;

/**
 * Weeks (ISO, Monday in the period, Sunday on or before --as-of) in which the LPA had a qualifying
 * event; the force figure runs over (LPA, week) pairs.
 */
final class WeeklyCoverage implements MetricKindComputer {
    private static final StructType WEEKS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("week_label", DataTypes.StringType, false),
            DataTypes.createStructField("lpa_code", DataTypes.StringType, false)));

    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        Dataset<Row> weeksWithEvent = context.eventsByPeriod(metric, source,
                        context.expression(metric.parameters().string("filter")), List.of(PeriodType.WEEK))
                .select(col("lpa_code").as("event_lpa"), col("period_label").as("event_week"))
                .distinct();

        List<Row> universe = new ArrayList<>();
        for (PeriodType type : metric.periodTypes()) {
            for (Period period : context.periods(source, type)) {
                for (Period week : weeksStartingIn(period, context.asOf())) {
                    for (Lpa lpa : Lpa.values()) {
                        universe.add(RowFactory.create(type.label(), period.label(), week.label(), lpa.code()));
                    }
                }
            }
        }
        Dataset<Row> covered = context.spark().createDataFrame(universe, WEEKS)
                .join(broadcast(weeksWithEvent),
                        col("lpa_code").equalTo(col("event_lpa")).and(col("week_label").equalTo(col("event_week"))), "left")
                .withColumn("_covered", when(col("event_week").isNotNull(), 1.0).otherwise(0.0));

        return byForceAndLpa(metric, covered, "weekly coverage is by LPA");
    }

    /** Share of covered members ({@code _covered}, each with its {@code lpa_code}) by LPA and for the force, over their (LPA, week) pairs. */
    static Dataset<Row> byForceAndLpa(MetricDefinition metric, Dataset<Row> covered, String whyNoSnts) {
        Dataset<Row> result = null;
        for (AreaLevel level : metric.areaLevels()) {
            Dataset<Row> grouped = switch (level) {
                case FORCE -> covered.withColumn("area_code", lit(Lpa.FORCE_CODE));
                case LPA -> covered.withColumn("area_code", col("lpa_code"));
                case SNT -> throw new IllegalArgumentException("Cannot compute " + metric.id() + " for SNTs: " + whyNoSnts);
            };
            Dataset<Row> level_ = MetricContext.coveredShare(grouped.withColumn("area_level", lit(level.label())));
            result = result == null ? level_ : result.unionByName(level_);
        }
        return result;
    }

    /** ISO weeks whose Monday lies in the period and whose Sunday is on or before --as-of. */
    static List<Period> weeksStartingIn(Period period, LocalDate asOf) {
        List<Period> weeks = new ArrayList<>();
        for (Period week = Period.containing(PeriodType.WEEK, period.start()); !week.start().isAfter(period.end()); week = week.next()) {
            if (!week.start().isBefore(period.start()) && !week.end().isAfter(asOf)) {
                weeks.add(week);
            }
        }
        return weeks;
    }
}
