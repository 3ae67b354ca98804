package uk.westmercia.charter.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns of {@code metrics/metric_values}, section 4 of the data contract. */
public final class MetricValuesSchema {
    /** The area and period a figure is for: the columns every metric's grid, aggregate and value share. */
    static final List<StructField> CELL = List.of(
            DataTypes.createStructField("area_level", DataTypes.StringType, false),
            DataTypes.createStructField("area_code", DataTypes.StringType, false),
            DataTypes.createStructField("period_type", DataTypes.StringType, false),
            DataTypes.createStructField("period_label", DataTypes.StringType, false),
            DataTypes.createStructField("period_start", DataTypes.DateType, false),
            DataTypes.createStructField("period_end", DataTypes.DateType, false));

    public static final StructType SCHEMA = schema(
            List.of(DataTypes.createStructField("metric_id", DataTypes.StringType, false),
                    DataTypes.createStructField("theme", DataTypes.StringType, false)),
            List.of(DataTypes.createStructField("numerator", DataTypes.DoubleType, true),
                    DataTypes.createStructField("denominator", DataTypes.DoubleType, true),
                    DataTypes.createStructField("value", DataTypes.DoubleType, true),
                    DataTypes.createStructField("unit", DataTypes.StringType, false),
                    DataTypes.createStructField("ci_low", DataTypes.DoubleType, true),
                    DataTypes.createStructField("ci_high", DataTypes.DoubleType, true),
                    DataTypes.createStructField("base_n", DataTypes.LongType, true),
                    DataTypes.createStructField("effective_base", DataTypes.DoubleType, true),
                    DataTypes.createStructField("target", DataTypes.DoubleType, true),
                    DataTypes.createStructField("status", DataTypes.StringType, false),
                    DataTypes.createStructField("run_id", DataTypes.StringType, false)));

    /**
     * What a metric kind hands on per area and period, before statistics: {@code numerator} and
     * {@code denominator} (events, respondents, weeks, or the rate's quantity and population),
     * {@code base_n} unweighted, {@code sum_w2} for a weighted survey's effective base, and
     * {@code direct_value} for kinds whose figure is no ratio (median, gap, share).
     */
    public static final StructType AGGREGATE = schema(
            List.of(DataTypes.createStructField("metric_id", DataTypes.StringType, false)),
            List.of(DataTypes.createStructField("numerator", DataTypes.DoubleType, true),
                    DataTypes.createStructField("denominator", DataTypes.DoubleType, true),
                    DataTypes.createStructField("base_n", DataTypes.LongType, true),
                    DataTypes.createStructField("sum_w2", DataTypes.DoubleType, true),
                    DataTypes.createStructField("direct_value", DataTypes.DoubleType, true),
                    DataTypes.createStructField("available", DataTypes.BooleanType, false)));

    /** The given columns, then the {@link #CELL} columns, then the rest. */
    static StructType schema(List<StructField> before, List<StructField> after) {
        List<StructField> fields = new ArrayList<>(before);
        fields.addAll(CELL);
        fields.addAll(after);
        return DataTypes.createStructType(fields);
    }

    private MetricValuesSchema() {
    }
}
