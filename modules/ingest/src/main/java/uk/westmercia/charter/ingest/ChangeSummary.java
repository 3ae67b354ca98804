package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import uk.westmercia.charter.catalogue.Source;

/**
 * What {@link StagingResult#summariseChanges} found over a source's changes: the record months they
 * reach, and the values of the aggregates it was given, in their order.
 */
public record ChangeSummary(Source source, SortedSet<String> months, Row aggregates) {
    public ChangeSummary {
        requireNonNull(source, "source is null");
        requireNonNull(aggregates, "aggregates is null");
        months = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(months, "months is null")));
    }
}
