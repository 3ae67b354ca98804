package uk.westmercia.charter.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** A kind whose metrics of one source the engine computes together, in a {@link MetricBatch}. */
interface BatchedKind extends MetricKindComputer {
    /** Whether this metric can join a batch; if not, {@link #aggregate} computes it alone. */
    default boolean batches(MetricDefinition metric) {
        return true;
    }

    /** Kinds of one family share a batch per source. */
    String family();

    MetricBatch batch(Source source);

    /** The metric alone: a batch of one. */
    @Override
    default Dataset<Row> aggregate(MetricDefinition metric, Source source, MetricContext context) {
        MetricBatch batch = batch(source);
        batch.add(new MetricBatch.Member(metric, this, context));
        return batch.figures().drop(MetricBatch.METRIC_ID);
    }
}
