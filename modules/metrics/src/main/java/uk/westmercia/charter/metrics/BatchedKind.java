package uk.westmercia.charter.metrics;

import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.Source;

/** A kind whose metrics of one source the engine computes together, in a {@link MetricBatch}. */
interface BatchedKind extends MetricKindComputer {
    /** Whether this metric can join a batch; if not, {@link #aggregate} computes it alone. */
    boolean batches(MetricDefinition metric);

    /** Kinds of one family share a batch per source. */
    String family();

    MetricBatch batch(Source source);
}
