package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConcentrationTest {
  @Test
  void topFivePercentOfTwentyLocationsIsOne() {
    // 20 locations: one with harm 10, nineteen with harm 1; total 29.
    // k = ceil(0.05 * 20) = 1 -> 100 * 10 / 29 = 34.48276
    double[] harm = new double[20];
    Arrays.fill(harm, 1.0);
    harm[7] = 10.0;
    assertThat(Concentration.topShare(harm, 0.05)).isCloseTo(34.48276, within(1e-5));
  }

  @Test
  void kRoundsUp() {
    // 21 locations: harms 5, 4 and nineteen of 1; total 28.
    // k = ceil(0.05 * 21) = ceil(1.05) = 2 -> 100 * (5 + 4) / 28 = 32.142857
    double[] harm = new double[21];
    Arrays.fill(harm, 1.0);
    harm[0] = 4.0;
    harm[20] = 5.0;
    assertThat(Concentration.topShare(harm, Concentration.VUL_03_FRACTION))
        .isCloseTo(32.142857, within(1e-6));
  }

  @Test
  void kIsComputedOnTheDecimalFraction() {
    // 7% of 100 is exactly 7 (binary 0.07 * 100 = 7.000000000000001 would round up to 8).
    assertThat(0.07 * 100).isGreaterThan(7.0);
    assertThat(Concentration.topCount(100, 0.07)).isEqualTo(7);
    // 5% of 60 = 3, 5% of 61 = 3.05 -> 4
    assertThat(Concentration.topCount(60, 0.05)).isEqualTo(3);
    assertThat(Concentration.topCount(61, 0.05)).isEqualTo(4);
  }

  @Test
  void allLocationsIsOneHundredPercent() {
    assertThat(Concentration.topShare(new double[] {0.1, 0.2, 0.3}, 1.0)).isEqualTo(100.0);
  }

  @Test
  void undefinedShareIsNaN() {
    assertThat(Concentration.topShare(new double[0], 0.05)).isNaN();
    assertThat(Concentration.topShare(new double[] {0, 0, 0}, 0.05)).isNaN();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Concentration.topShare(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute top share: fraction must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> Concentration.topShare(new double[] {1, -1}, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute top share: harm must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> Concentration.topShare(null, 0.05))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("harmByLocation is null");
  }
}
