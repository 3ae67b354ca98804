package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricParameters;
import uk.westmercia.charter.catalogue.Source;

/**
 * Patrol dosage in crime hotspots. The hotspots of an LPA for a period: of the LSOAs with at least
 * one recorded crime in the LPA in the {@code hotspot_window_days} before the period starts, the k
 * with most harm (sum of {@code hotspot_harm}; ties by LSOA code), k = ceil({@code
 * hotspot_share_percent}% of those LSOAs). Over (hotspot, week) pairs, weeks as in {@link
 * WeeklyCoverage}: the share with at least {@code minutes} of patrol selected by {@code filter} in
 * that LSOA, from visits whose start lies in the week (any SNT's). The force runs over every LPA's
 * pairs. Every number is a catalogue parameter, so a force changes them without code.
 */
final class HotspotDosage implements MetricKindComputer {
    static final String HOTSPOT_SOURCE = "hotspot_source";
    static final String HOTSPOT_DATE = "hotspot_date";
    static final String HOTSPOT_FILTER = "hotspot_filter";
    static final String HOTSPOT_WINDOW_DAYS = "hotspot_window_days";
    static final String HOTSPOT_REQUIRES = "hotspot_requires";

    private static final StructType PERIODS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("_window_start", DataTypes.DateType, false),
            DataTypes.createStructField("_period_start", DataTypes.DateType, false)));
    private static final StructType WEEKS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("_week", DataTypes.StringType, false)));

    @Override
    public Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        MetricParameters parameters = metric.parameters();
        Optional<Source> crimeSource = crimeSource(metric, context);
        if (crimeSource.isEmpty() || !context.hasColumns(crimeSource.get(), parameters.strings(HOTSPOT_REQUIRES))) {
            // No crime to choose hotspots from: no figure (the engine leaves the grid empty).
            return context.spark().createDataFrame(List.of(), MetricValuesSchema.AGGREGATE).drop(MetricBatch.METRIC_ID);
        }
        long windowDays = (long) parameters.number(HOTSPOT_WINDOW_DAYS);
        List<Row> periods = new ArrayList<>();
        List<Row> weeks = new ArrayList<>();
        for (PeriodType type : metric.periodTypes()) {
            for (Period period : context.periods(source, type)) {
                periods.add(RowFactory.create(type.label(), period.label(), period.start().minusDays(windowDays), period.start()));
                for (Period week : WeeklyCoverage.weeksStartingIn(period, context.asOf())) {
                    weeks.add(RowFactory.create(type.label(), period.label(), week.label()));
                }
            }
        }
        // Harm per (period, LPA, LSOA) over the window before the period; a crime reaches up to a year of periods.
        Dataset<Row> crimes = context.input(crimeSource.get())
                .filter(context.expression(parameters.string(HOTSPOT_FILTER)).and(col("lsoa_code").isNotNull()).and(col("lpa_code").isNotNull()))
                .select(col("lpa_code"), col("lsoa_code"), context.expression(parameters.string(HOTSPOT_DATE)).as("_crime_date"),
                        context.expression(parameters.string("hotspot_harm")).cast(MetricContext.EXACT).as("_harm"));
        Dataset<Row> harm = crimes.join(broadcast(context.spark().createDataFrame(periods, PERIODS)),
                        col("_crime_date").geq(col("_window_start")).and(col("_crime_date").lt(col("_period_start"))))
                .groupBy("period_type", "period_label", "lpa_code", "lsoa_code")
                .agg(sum(col("_harm")).as("_lsoa_harm"));
        Column[] periodLpa = {col("period_type"), col("period_label"), col("lpa_code")};
        double share = parameters.number("hotspot_share_percent");
        Dataset<Row> hotspots = harm
                .withColumn("_rank", row_number().over(Window.partitionBy(periodLpa).orderBy(desc("_lsoa_harm"), asc("lsoa_code"))))
                .withColumn("_k", ceil(count(lit(1)).over(Window.partitionBy(periodLpa)).multiply(share).divide(100.0)))
                .filter(col("_rank").leq(col("_k")))
                .select("period_type", "period_label", "lpa_code", "lsoa_code");

        // Patrol seconds per (LSOA, ISO week of the visit's start), the week from the calendar as VIS-01's.
        long seconds = Math.round(parameters.number("minutes") * 60);
        Dataset<Row> visits = context.eventsByPeriod(metric, source, context.expression(parameters.string("filter")), List.of(PeriodType.WEEK));
        Dataset<Row> dosed = visits
                .select(col("lsoa_code").as("_visit_lsoa"), col("period_label").as("_visit_week"),
                        expr("unix_seconds(ended_at) - unix_seconds(started_at)").as("_seconds"))
                .groupBy("_visit_lsoa", "_visit_week")
                .agg(sum(col("_seconds")).as("_seconds"))
                .filter(col("_seconds").geq(lit(seconds)));

        Dataset<Row> pairs = hotspots.join(broadcast(context.spark().createDataFrame(weeks, WEEKS)),
                        scala.jdk.javaapi.CollectionConverters.asScala(List.of("period_type", "period_label")).toSeq())
                .join(dosed, col("lsoa_code").equalTo(col("_visit_lsoa")).and(col("_week").equalTo(col("_visit_week"))), "left")
                .withColumn("_covered", when(col("_visit_week").isNotNull(), 1.0).otherwise(0.0));
        return WeeklyCoverage.byForceAndLpa(metric, pairs, "hotspots are chosen by LPA");
    }

    @Override
    public boolean zeroWhenEmpty() {
        // An LPA with no crime in the year before a period has no hotspots, so no figure.
        return false;
    }

    /** The crime rows hotspots are chosen from: the force extract, else data.police.uk files. */
    static Optional<Source> crimeSource(MetricDefinition metric, MetricContext context) {
        return context.effectiveSource(Source.fromFolder(metric.parameters().string(HOTSPOT_SOURCE)));
    }

    /** The first record date of crime a recomputation from {@code windowStart} reads. */
    static LocalDate earliestCrimeNeeded(MetricDefinition metric, LocalDate windowStart) {
        return windowStart.equals(LocalDate.MIN) ? LocalDate.MIN : windowStart.minusDays((long) metric.parameters().number(HOTSPOT_WINDOW_DAYS));
    }
}
