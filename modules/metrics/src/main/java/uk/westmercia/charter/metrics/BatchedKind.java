package uk.westmercia.charter.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** A kind whose metrics the engine computes together, in a {@link MetricBatch}: per source, or across sources. */
interface BatchedKind extends MetricKindComputer {
    /** Whether this metric can join a batch; if not, {@link #aggregate} computes it alone. */
    default boolean batches(MetricDefinition metric) {
        return true;
    }

    /** Kinds of one family share a batch: one per source, or one for every source if {@link #acrossSources}. */
    String family();

    /** Whether the family's metrics of different sources share a batch. */
    default boolean acrossSources() {
        return false;
    }

    MetricBatch batch();

    /** The metric alone: a batch of one. */
    @Override
    default Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        MetricBatch batch = batch();
        batch.add(new MetricBatch.Member(metric, source, this, context));
        return batch.figures().drop(MetricBatch.METRIC_ID);
    }
}
