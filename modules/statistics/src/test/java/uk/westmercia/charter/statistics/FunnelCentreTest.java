package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.statistics.FunnelCentre.Ratio;

/**
 * The funnel's centre is the target the units are compared with: FunnelPlotR takes it as
 * sum(numerator) / sum(denominator) over the units plotted, and metrics.md ("Area comparison")
 * pools over the units compared, not the force figure.
 */
class FunnelCentreTest {
  @Test
  void pooledOverTheUnitsNotTheForceFigure() {
    // police.uk: 1,000 crimes in the force, 27 of them (2.7%) with no LPA, over 100,000 people.
    // Force rate 10.0 per 1,000; the LPAs' pool is 973 / 100,000 = 9.73 per 1,000.
    List<Ratio> lpas = List.of(new Ratio(300, 30_000), new Ratio(200, 20_000), new Ratio(173, 20_000),
        new Ratio(150, 15_000), new Ratio(150, 15_000));
    assertThat(FunnelCentre.pooled(lpas, 1000)).isCloseTo(9.73, within(1e-12));
  }

  @Test
  void aPercentPoolsItsNumeratorsNotItsPercents() {
    // 10 of 20 (50%) and 90 of 100 (90%): pooled 100 / 120 = 83.33%, not the mean of 70%.
    assertThat(FunnelCentre.pooled(List.of(new Ratio(10, 20), new Ratio(90, 100)), 100))
        .isCloseTo(83.333333333, within(1e-8));
    // Weighted survey sums pool the same way: sum(w positive) / sum(w).
    assertThat(FunnelCentre.pooled(List.of(new Ratio(12.5, 25.0), new Ratio(7.5, 25.0)), 100))
        .isCloseTo(40.0, within(1e-12));
  }

  @Test
  void noUnitsOrNoDenominatorIsNoCentre() {
    assertThat(FunnelCentre.pooled(List.of(), 100)).isNaN();
    assertThat(FunnelCentre.pooled(List.of(new Ratio(0, 0)), 100)).isNaN();
    assertThatThrownBy(() -> new Ratio(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create ratio: numerator must be finite and >= 0, got -1.0");
  }
}
