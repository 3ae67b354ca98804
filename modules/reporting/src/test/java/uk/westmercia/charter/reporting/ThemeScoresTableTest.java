package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.testing.SharedSparkSession;

/** The nightly's theme_scores (one Spark aggregation) are the scorecard's ThemeScores, row for row. */
@ExtendWith(SharedSparkSession.class)
class ThemeScoresTableTest {
    private static final Period Q = Fixtures.quarter("2024-25 Q1");

    private static Dataset<Row> table(SparkSession spark, List<MetricValue> values) {
        return spark.createDataFrame(RecordRows.rows(values, MetricValue.class), RecordRows.schema(MetricValue.class));
    }

    @Test
    void countsEachStatusAndRatesTheRated(SparkSession spark) {
        // Force VIS: green, green, amber, red, no_target, low_base, and no status (no_data): attainment 100 * 2 / 4 = 50.
        List<MetricValue> values = new ArrayList<>();
        for (String status : new String[] {"green", "green", "amber", "red", "no_target", "low_base", null}) {
            values.add(Fixtures.percent("VIS-01", "VIS", "WM", Q, 1, 2, status));
        }
        // HER VIS: only no_target: none rated, attainment null.
        values.add(Fixtures.percent("VIS-01", "VIS", "HER", Q, 1, 2, "no_target"));

        List<Row> rows = ScorecardTables.themeScores(table(spark, values), "nightly-9").collectAsList();

        assertThat(rows).hasSize(2);
        Row force = rows.stream().filter(row -> row.getAs("area_code").equals("WM")).findFirst().orElseThrow();
        assertThat(List.of(force.<Long>getAs("green"), force.<Long>getAs("amber"), force.<Long>getAs("red"), force.<Long>getAs("no_target"),
                force.<Long>getAs("low_base"), force.<Long>getAs("no_data"))).containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(force.<Double>getAs("attainment")).isEqualTo(50.0);
        assertThat(force.<String>getAs("run_id")).isEqualTo("nightly-9");
        Row lpa = rows.stream().filter(row -> row.getAs("area_code").equals("HER")).findFirst().orElseThrow();
        assertThat(lpa.<Double>getAs("attainment")).isNull();
    }

    @Test
    void theTableIsThemeScoresRowForRowWithItsColumns(SparkSession spark) {
        List<MetricValue> values = Fixtures.twoYears();
        Dataset<Row> table = ScorecardTables.themeScores(table(spark, values), "nightly-1");

        List<String> columns = new ArrayList<>(List.of(RecordRows.schema(ThemeScore.class).fieldNames()));
        columns.add("run_id");
        assertThat(table.columns()).containsExactlyElementsOf(columns);
        List<ThemeScore> expected = ThemeScores.compute(values);
        List<ThemeScore> actual = table.collectAsList().stream().map(row -> new ThemeScore(row.getString(0), row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                row.isNullAt(11) ? null : row.getDouble(11))).toList();
        assertThat(actual).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }
}
