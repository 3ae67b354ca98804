package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.Lpa;
import uk.westmercia.charter.reference.Parish;
import uk.westmercia.charter.reference.ReferenceData;
import uk.westmercia.charter.reference.Snt;

/**
 * Share of a reference universe (parameter {@code universe}: {@code parish}, {@code snt} or
 * {@code lpa}) in the area with at least one qualifying event in the period. The universe comes
 * from reference data, never from the events: an area's members without events count in the base.
 * With parameter {@code active_until} an event counts in every period it is active in.
 */
final class UniverseCoverage implements UniverseShare {
    /** The members with a qualifying event in each period. */
    @Override
    public Dataset<Row> covered(MetricDefinition metric, Source source, MetricContext context) {
        String memberColumn = memberColumn(metric.id(), metric.parameters().string("universe"));
        return context.eventsByPeriod(metric, source, context.expression(metric.parameters().string("filter")), metric.periodTypes())
                .filter(col(memberColumn).isNotNull())
                .select(lit(metric.id()).as("covered_metric"), col(memberColumn).as("covered_member"),
                        col("period_type").as("covered_type"), col("period_label").as("covered_label"));
    }

    static String memberColumn(String metricId, String universe) {
        return switch (universe) {
            case "parish" -> "parish_code";
            case "snt" -> "snt_code";
            case "lpa" -> "lpa_code";
            default -> throw new IllegalArgumentException("Cannot compute " + metricId + ": unknown universe '" + universe
                    + "', expected parish, snt or lpa");
        };
    }

    /** The members of the universe, each with the SNT and LPA it lies in. */
    static List<Row> universe(String universe, ReferenceData reference) {
        List<Row> rows = new ArrayList<>();
        Map<String, Lpa> lpaBySnt = reference.lpaBySnt();
        switch (universe) {
            case "parish" -> {
                for (Parish parish : reference.parishes()) {
                    Lpa lpa = lpaBySnt.get(parish.sntCode());
                    rows.add(RowFactory.create(parish.code(), parish.sntCode(), lpa == null ? null : lpa.code()));
                }
            }
            case "snt" -> {
                for (Snt snt : reference.snts()) {
                    rows.add(RowFactory.create(snt.code(), snt.code(), snt.lpa().code()));
                }
            }
            case "lpa" -> {
                for (Lpa lpa : Lpa.values()) {
                    rows.add(RowFactory.create(lpa.code(), null, lpa.code()));
                }
            }
            default -> throw new IllegalArgumentException("Cannot build universe '" + universe + "'");
        }
        return rows;
    }
}
