package uk.westmercia.charter.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * A kind whose figure is the share of a reference universe covered in each period: {@link UniverseCoverage}
 * (members with a qualifying event) and {@link CurrentCoverage} (members holding a current item). Only which
 * members are covered differs; {@link UniverseCoverages} joins them to the universe and shares them out together.
 */
interface UniverseShare extends BatchedKind {
    @Override
    default String family() {
        return "universe";
    }

    @Override
    default MetricBatch batch() {
        return new UniverseCoverages();
    }

    /** The members covered in each period: {@code covered_metric}, {@code covered_member}, {@code covered_type}, {@code covered_label}. */
    Dataset<Row> covered(MetricDefinition metric, Source source, MetricContext context);
}
