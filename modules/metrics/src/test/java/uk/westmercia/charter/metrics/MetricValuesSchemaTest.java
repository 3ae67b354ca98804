package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The table's columns as section 4 of the data contract lists them: names, order, types. No Spark session needed. */
class MetricValuesSchemaTest {
    private static List<String> columns(StructType schema) {
        return Arrays.stream(schema.fields()).map(field -> field.name() + " " + field.dataType().typeName()).toList();
    }

    @Test
    void metricValuesHasTheContractsColumnsInOrder() {
        assertThat(columns(MetricValuesSchema.SCHEMA)).containsExactly(
                "metric_id string", "theme string", "area_level string", "area_code string", "period_type string",
                "period_label string", "period_start date", "period_end date", "numerator double", "denominator double",
                "value double", "unit string", "ci_low double", "ci_high double", "base_n long", "effective_base double", "target double",
                "status string", "run_id string");
    }

    @Test
    void onlyFiguresAndTargetMayBeNull() {
        assertThat(Arrays.stream(MetricValuesSchema.SCHEMA.fields()).filter(StructField::nullable).map(StructField::name))
                .containsExactly("numerator", "denominator", "value", "ci_low", "ci_high", "base_n", "effective_base", "target");
    }

    @Test
    void aggregateAndGridShareTheAreaAndPeriodColumns() {
        assertThat(columns(MetricValuesSchema.AGGREGATE)).containsExactly(
                "metric_id string", "area_level string", "area_code string", "period_type string", "period_label string",
                "period_start date", "period_end date", "numerator double", "denominator double", "base_n long",
                "sum_w2 double", "direct_value double", "available boolean");
        assertThat(columns(MetricContext.GRID)).containsExactly(
                "area_level string", "area_code string", "period_type string", "period_label string", "period_start date",
                "period_end date", "population double");
    }
}
