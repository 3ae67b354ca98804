package uk.westmercia.charter.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * What each of a metric's events adds to its figures: the events are the source rows {@code filter}
 * keeps; each adds {@code numerator}, {@code denominator} (if the metric has one of its own; a rate's
 * is the population), 1 to {@code base_n}, and {@code sum_w2} (weighted surveys).
 */
record Additive(Column filter, Column numerator, Optional<Column> denominator, Optional<Column> sumOfSquaredWeights) {
    Additive {
        requireNonNull(filter, "filter is null");
        requireNonNull(numerator, "numerator is null");
        requireNonNull(denominator, "denominator is null");
        requireNonNull(sumOfSquaredWeights, "sumOfSquaredWeights is null");
    }

    /** The names of the measures every additive metric sums, as its figure columns. */
    static final List<String> MEASURES = List.of("numerator", "denominator", "base_n", "sum_w2");

    /** The measures summed, by name ({@link #MEASURES}, in that order); an absent one sums to null. */
    Map<String, Column> measures() {
        Map<String, Column> measures = new LinkedHashMap<>();
        measures.put(MEASURES.get(0), numerator);
        measures.put(MEASURES.get(1), denominator.orElse(lit(null)));
        measures.put(MEASURES.get(2), lit(1L));
        measures.put(MEASURES.get(3), sumOfSquaredWeights.orElse(lit(null)));
        return measures;
    }

    /** Summed measures (decimals) as figures: the columns {@link MetricKindComputer#aggregate} returns after its keys. */
    private static Column[] figureColumns() {
        return new Column[] {
                col("numerator").cast(DataTypes.DoubleType).as("numerator"),
                col("denominator").cast(DataTypes.DoubleType).as("denominator"),
                col("base_n").cast(DataTypes.LongType).as("base_n"),
                col("sum_w2").cast(DataTypes.DoubleType).as("sum_w2"),
                lit(null).cast(DataTypes.DoubleType).as("direct_value")};
    }

    /** Summed measures as figures by area and period, after the given leading columns (a metric id, say). */
    static Dataset<Row> figures(Dataset<Row> totals, Column... leading) {
        List<Column> columns = new ArrayList<>(Arrays.asList(leading));
        for (String key : new String[] {"area_level", "area_code", "period_type", "period_label"}) {
            columns.add(col(key));
        }
        columns.addAll(Arrays.asList(figureColumns()));
        return totals.select(columns.toArray(Column[]::new));
    }
}
