package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

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

/**
 * The universe share metrics of one source ({@link UniverseShare}), computed together: one
 * distinct over every metric's covered members by period, one join to every metric's universe by
 * period, one aggregate by metric, area and period.
 */
final class UniverseCoverages extends MetricBatch {
    private static final StructType MEMBERS = DataTypes.createStructType(List.of(
            DataTypes.createStructField(METRIC_ID, DataTypes.StringType, false),
            DataTypes.createStructField("member", DataTypes.StringType, false),
            DataTypes.createStructField("snt_code", DataTypes.StringType, true),
            DataTypes.createStructField("lpa_code", DataTypes.StringType, true),
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false)));

    @Override
    Dataset<Row> figures() {
        List<Dataset<Row>> covered = new ArrayList<>();
        List<Row> members = new ArrayList<>();
        for (Member member : members()) {
            MetricDefinition metric = member.metric();
            MetricContext context = member.context();
            String universe = metric.parameters().string("universe");
            // Only the family's kinds join this batch (UniverseShare.family).
            covered.add(((UniverseShare) member.kind()).covered(metric, member.source(), context));
            // The universe comes from reference data, never from the events: members without events count in the base.
            for (Row row : UniverseCoverage.universe(universe, context.reference())) {
                for (PeriodType type : metric.periodTypes()) {
                    for (Period period : context.periods(member.source(), type)) {
                        members.add(RowFactory.create(metric.id(), row.get(0), row.get(1), row.get(2), type.label(), period.label()));
                    }
                }
            }
        }
        Dataset<Row> coveredMembers = covered.stream().reduce(Dataset::union).orElseThrow().distinct();
        Dataset<Row> marked = members().get(0).context().spark().createDataFrame(members, MEMBERS)
                .join(coveredMembers, col(METRIC_ID).equalTo(col("covered_metric"))
                        .and(col("member").equalTo(col("covered_member")))
                        .and(col("period_type").equalTo(col("covered_type")))
                        .and(col("period_label").equalTo(col("covered_label"))), "left")
                .withColumn("_covered", when(col("covered_member").isNotNull(), 1.0).otherwise(0.0));
        return MetricContext.coveredShare(MetricContext.byArea(marked, areaLevels()), KEYS);
    }
}
