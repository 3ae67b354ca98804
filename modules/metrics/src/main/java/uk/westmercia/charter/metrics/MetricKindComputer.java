package uk.westmercia.charter.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/**
 * Computes every metric of one kind. Returns per area and period the columns {@code area_level,
 * area_code, period_type, period_label, numerator, denominator, base_n, sum_w2, direct_value};
 * areas and periods with no events may be missing: the engine fills them from the grid.
 */
public interface MetricKindComputer {
    Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context);

    /** Whether an area and period without events has numerator and base 0 (true) or no figure (false). */
    default boolean zeroWhenEmpty() {
        return true;
    }
}
