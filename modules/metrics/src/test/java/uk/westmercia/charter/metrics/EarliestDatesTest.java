package uk.westmercia.charter.metrics;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.westmercia.charter.metrics.MetricTestSupport.CONTACTS;
import static uk.westmercia.charter.metrics.MetricTestSupport.POLICEUK;
import static uk.westmercia.charter.metrics.MetricTestSupport.d;
import static uk.westmercia.charter.metrics.MetricTestSupport.row;
import static uk.westmercia.charter.metrics.MetricTestSupport.t;
import static uk.westmercia.charter.metrics.MetricTestSupport.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

/** The first date a night's changes reach, per metric: by {@link MetricEngine#earliestDates} or its minima aggregated in another pass. */
@ExtendWith(SharedSparkSession.class)
class EarliestDatesTest {
    private static final MetricEngine ENGINE = new MetricEngine(Catalogue.bundled());
    private static final LocalDate AS_OF = d("2024-04-30");

    private static Row contact(String id, String received, String due, String responded) {
        return row(id, t(received), "email", "correspondence", "S1", "HER", null, false, due == null ? null : t(due),
                responded == null ? null : t(responded));
    }

    private static Dataset<Row> changedContacts(SparkSession spark) {
        return table(spark, CONTACTS,
                contact("c1", "2024-04-03T10:00:00", "2024-04-10T17:00:00", "2024-04-05T09:00:00"),
                // 23:30 on 31 March in UTC: received on 1 April in London.
                contact("c2", "2024-04-01T00:30:00", null, null),
                contact("c3", "2024-04-02T09:00:00", "2024-04-08T17:00:00", "2024-04-04T12:00:00"));
    }

    @Test
    void eachContactMetricIsDatedByTheEarliestDateOfItsOwnExpression(SparkSession spark) {
        // VIS-05 and VIS-06 count contacts on the day received (c2, 1 April); RSP-01 on the day due (c3, 8 April);
        // RSP-02 on the day replied (c3, 4 April); RSP-09 on the day received, as VIS-05.
        assertThat(ENGINE.earliestDates(Source.CONTACTS, changedContacts(spark), AS_OF)).containsExactly(
                Map.entry("VIS-05", d("2024-04-01")), Map.entry("VIS-06", d("2024-04-01")), Map.entry("RSP-09", d("2024-04-01")),
                Map.entry("RSP-01", d("2024-04-08")), Map.entry("RSP-02", d("2024-04-04")));
    }

    @Test
    void theMinimaAggregatedBesideOtherAggregatesGiveTheSameDates(SparkSession spark) {
        Dataset<Row> rows = changedContacts(spark);
        MetricEngine.DateMinima minima = ENGINE.dateMinima(Source.CONTACTS, rows, AS_OF);
        assertThat(minima.metricIds()).containsExactly(List.of("VIS-05", "VIS-06", "RSP-09"), List.of("RSP-01"), List.of("RSP-02"));
        // As staging summarises its changes: the caller's own aggregate first, then the minima.
        List<Column> columns = new ArrayList<>(minima.columns());
        Row row = rows.agg(count(lit(1)), columns.toArray(Column[]::new)).first();
        assertThat(row.getLong(0)).isEqualTo(3);
        Object[] dates = new Object[columns.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = row.get(i + 1);
        }
        assertThat(minima.earliest(RowFactory.create(dates))).isEqualTo(ENGINE.earliestDates(Source.CONTACTS, rows, AS_OF));
    }

    @Test
    void policeUkRowsDateTheCrimeMetricsAndNoRowsDateNothing(SparkSession spark) {
        Dataset<Row> none = table(spark, POLICEUK);
        MetricEngine.DateMinima minima = ENGINE.dateMinima(Source.POLICEUK, none, AS_OF);
        // Every crime metric is dated by recorded_date, which police.uk rows have: one minimum for all nine, and
        // for VIS-10, whose hotspots are chosen from the crime of the year before a period.
        assertThat(minima.metricIds()).containsExactly(
                List.of("VIS-10", "PRV-01", "PRV-02", "PRV-03", "PRV-04", "PRV-05", "VUL-01", "VUL-02", "VUL-03", "VUL-04"));
        assertThat(ENGINE.earliestDates(Source.POLICEUK, none, AS_OF)).isEmpty();
        assertThat(ENGINE.earliestDates(Source.POLICEUK, table(spark, POLICEUK,
                row("P1", d("2024-03-01"), "Burglary", "HER", "Herefordshire", "E01", "L1", "in_force"),
                row("P2", d("2024-02-01"), "Drugs", null, null, null, "L2", "no_location")), AS_OF))
                .hasSize(10).containsEntry("PRV-01", d("2024-02-01")).containsEntry("VIS-10", d("2024-02-01")).containsEntry("VUL-04", d("2024-02-01"));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused(SparkSession spark) {
        MetricEngine.DateMinima minima = ENGINE.dateMinima(Source.CONTACTS, changedContacts(spark), AS_OF);
        assertThatThrownBy(() -> minima.earliest(RowFactory.create(d("2024-04-01"), d("2024-04-02"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot date changes: the row has 2 values for 3 minima");
    }
}
