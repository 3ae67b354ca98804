package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The one typed metric_values row: what the engine writes is what the scorecard reads, column by column. No Spark session. */
class MetricValueTest {
    // Every number distinct, so that two columns swapped in toRow or fromRow cannot go unseen.
    private static final MetricValue VALUE = new MetricValue("VUL-02", "VUL", "lpa", "E23000001", "quarter", "2024-25 Q3",
            LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31), 1.5, 2.5, 3.5, "per_1000", 4.5, 5.5, 6L, 7.5, 8.5, "green", "run-1");

    private static Row withSchema(Row row, StructType schema) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return new GenericRowWithSchema(values, schema);
    }

    @Test
    void aRowWrittenIsTheRowRead() {
        Row row = withSchema(VALUE.toRow(), MetricValue.SCHEMA);

        assertThat(MetricValue.fromRow(row)).isEqualTo(VALUE);
        assertThat(row.<Double>getAs("ci_low")).isEqualTo(4.5);
        assertThat(row.<Double>getAs("effective_base")).isEqualTo(7.5);
        assertThat(row.<Double>getAs("target")).isEqualTo(8.5);
        assertThat(row.<Long>getAs("base_n")).isEqualTo(6L);
    }

    @Test
    void everyValueHasItsColumnsType() {
        Row row = VALUE.toRow();
        assertThat(row.length()).isEqualTo(MetricValue.SCHEMA.size());
        StructField[] fields = MetricValue.SCHEMA.fields();
        for (int i = 0; i < fields.length; i++) {
            Class<?> expected = fields[i].dataType().equals(DataTypes.StringType) ? String.class
                    : fields[i].dataType().equals(DataTypes.DoubleType) ? Double.class
                    : fields[i].dataType().equals(DataTypes.LongType) ? Long.class : LocalDate.class;
            assertThat(row.get(i)).as(fields[i].name()).isInstanceOf(expected);
        }
    }

    @Test
    void aTablePublishedBeforeEffectiveBaseReadsItAsNullAndSqlDatesAsLocalDates() {
        StructType old = new StructType(Arrays.stream(MetricValue.SCHEMA.fields())
                .filter(field -> !field.name().equals("effective_base")).toArray(StructField[]::new));
        Object[] values = Arrays.stream(old.fieldNames()).map(name -> switch (name) {
            case "period_start" -> Date.valueOf("2024-10-01");
            case "period_end" -> Date.valueOf("2024-12-31");
            default -> withSchema(VALUE.toRow(), MetricValue.SCHEMA).<Object>getAs(name);
        }).toArray();

        MetricValue read = MetricValue.fromRow(new GenericRowWithSchema(values, old));

        assertThat(read.effectiveBase()).isNull();
        assertThat(read.periodStart()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(read.periodEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(read.baseN()).isEqualTo(6L);
    }

    @Test
    void aPeriodDateOfAnotherTypeIsRefused() {
        Object[] values = Arrays.stream(MetricValue.SCHEMA.fieldNames())
                .map(name -> name.equals("period_end") ? (Object) "2024-12-31" : withSchema(VALUE.toRow(), MetricValue.SCHEMA).<Object>getAs(name)).toArray();

        assertThatThrownBy(() -> MetricValue.fromRow(new GenericRowWithSchema(values, MetricValue.SCHEMA)))
                .hasMessage("Cannot read metric_values: period_end is 2024-12-31");
    }
}
