package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.metrics.MetricValue;

/** Theme scores: metrics counted by status per area, period and theme; attainment over the rated ones. No Spark needed. */
class ThemeScoresTest {
    private static final Period Q = Fixtures.quarter("2024-25 Q1");

    @Test
    void countsEachStatusAndRatesTheRated() {
        // Force VIS: green, green, amber, red, no_target, low_base, and no status (no_data): attainment 100 * 2 / 4 = 50.
        List<MetricValue> values = new ArrayList<>();
        for (String status : new String[] {"green", "green", "amber", "red", "no_target", "low_base", null}) {
            values.add(Fixtures.percent("VIS-01", "VIS", "WM", Q, 1, 2, status));
        }
        // HER VIS: only no_target: none rated, attainment null.
        values.add(Fixtures.percent("VIS-01", "VIS", "HER", Q, 1, 2, "no_target"));

        List<ThemeScore> scores = ThemeScores.compute(values);

        assertThat(scores).hasSize(2);
        ThemeScore force = scores.stream().filter(score -> score.areaCode().equals("WM")).findFirst().orElseThrow();
        assertThat(List.of(force.green(), force.amber(), force.red(), force.noTarget(), force.lowBase(), force.noData()))
                .containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(force.attainment()).isEqualTo(50.0);
        ThemeScore lpa = scores.stream().filter(score -> score.areaCode().equals("HER")).findFirst().orElseThrow();
        assertThat(lpa.attainment()).isNull();
    }
}
