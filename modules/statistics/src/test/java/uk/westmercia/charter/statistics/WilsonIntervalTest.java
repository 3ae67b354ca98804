package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values are worked by hand from the Wilson formula
 * centre = (p + z^2/(2n)) / (1 + z^2/n),
 * half-width = z sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n),
 * with z = 1.959964, z^2 = 3.841459.
 */
class WilsonIntervalTest {
  private static final double TOLERANCE = 1e-6;

  @Test
  void contractConstants() {
    assertThat(WilsonInterval.Z_95).isEqualTo(1.959964);
    assertThat(ConfidenceLevel.Z_95).isEqualTo(1.959964);
    assertThat(ConfidenceLevel.Z_99_8).isEqualTo(3.090232);
    assertThat(ConfidenceLevel.NINETY_FIVE.z()).isEqualTo(1.959964);
    assertThat(ConfidenceLevel.NINETY_FIVE.confidence()).isEqualTo(0.95);
    assertThat(ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z()).isEqualTo(3.090232);
    assertThat(ConfidenceLevel.NINETY_NINE_POINT_EIGHT.confidence()).isEqualTo(0.998);
  }

  @Test
  void eightOutOfTen() {
    // p = 0.8, n = 10: z^2/n = 0.3841459, denominator = 1.3841459
    // centre = (0.8 + 0.1920729) / 1.3841459 = 0.9920729 / 1.3841459 = 0.7167402
    // half   = 1.959964 * sqrt(0.016 + 0.0096036) / 1.3841459
    //        = 1.959964 * 0.1600114 / 1.3841459 = 0.3136166 / 1.3841459 = 0.2265777
    // => (0.4901625, 0.9433178); published: (0.490, 0.943)
    Interval interval = WilsonInterval.of(8, 10);
    assertThat(interval.low()).isCloseTo(0.4901625, within(TOLERANCE));
    assertThat(interval.high()).isCloseTo(0.9433178, within(TOLERANCE));
  }

  @Test
  void eightOutOfTenAsPercent() {
    // As above, x 100.
    Interval interval = WilsonInterval.ofPercent(8, 10);
    assertThat(interval.low()).isCloseTo(49.01625, within(1e-4));
    assertThat(interval.high()).isCloseTo(94.33178, within(1e-4));
  }

  @Test
  void zeroOutOfTenStartsAtZero() {
    // p = 0: centre = 0.1920729 / 1.3841459 = 0.1387664
    // half = 1.959964 * sqrt(3.841459 / 400) / 1.3841459 = 1.959964 * 0.0979982 / 1.3841459
    //      = 0.1387664, so low = centre - half = 0 and high = 2 * 0.1387664 = 0.2775328
    Interval interval = WilsonInterval.of(0, 10);
    assertThat(interval.low()).isEqualTo(0.0);
    assertThat(interval.high()).isCloseTo(0.2775328, within(TOLERANCE));
  }

  @Test
  void tenOutOfTenEndsAtOne() {
    // Mirror of 0/10: (1 - 0.2775328, 1) = (0.7224672, 1)
    Interval interval = WilsonInterval.of(10, 10);
    assertThat(interval.low()).isCloseTo(0.7224672, within(TOLERANCE));
    assertThat(interval.high()).isCloseTo(1.0, within(1e-12));
    assertThat(interval.high()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void effectiveBaseIsKish() {
    // weights 1, 1, 2, 4: (1+1+2+4)^2 / (1+1+4+16) = 64 / 22 = 2.9090909
    assertThat(WilsonInterval.effectiveBase(8, 22)).isCloseTo(2.9090909, within(1e-7));
    // 50 weights of 1: 50^2 / 50 = 50, the respondent count
    assertThat(WilsonInterval.effectiveBase(50, 50)).isEqualTo(50.0);
  }

  @Test
  void weightedUsesEffectiveBase() {
    // weights 1, 1, 2, 4 with the last two positive: p = 6/8 = 0.75, n_eff = 32/11 = 2.9090909
    // z^2/n = 3.841459 * 11/32 = 1.3205015, denominator = 2.3205015
    // centre = (0.75 + 0.6602508) / 2.3205015 = 0.6077353
    // p(1-p)/n = 0.1875 * 11/32 = 0.0644531; z^2/(4n^2) = 3.841459 / (4 * 1024/121) = 0.1134806
    // half = 1.959964 * sqrt(0.1779337) / 2.3205015 = 1.959964 * 0.4218219 / 2.3205015
    //      = 0.3562832
    // => (0.2514521, 0.9640185)
    Interval interval = WilsonInterval.ofWeighted(6, 8, 22);
    assertThat(interval.low()).isCloseTo(0.2514521, within(TOLERANCE));
    assertThat(interval.high()).isCloseTo(0.9640185, within(TOLERANCE));
  }

  @Test
  void toleratesSuccessesAFewUlpsAboveBase() {
    // Weighted sums added in another order; treated as successes = n.
    double n = 123.4;
    assertThat(WilsonInterval.of(n * (1 + 1e-12), n)).isEqualTo(WilsonInterval.of(n, n));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> WilsonInterval.of(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Wilson interval: n must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> WilsonInterval.of(11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Wilson interval: successes must be in [0, n] = [0, 10.0],"
            + " got 11.0");
    assertThatThrownBy(() -> WilsonInterval.of(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Wilson interval: successes must be in [0, n] = [0, 10.0],"
            + " got -1.0");
    assertThatThrownBy(() -> WilsonInterval.effectiveBase(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute effective base: sum of squared weights must be finite and > 0,"
            + " got 0.0");
    assertThatThrownBy(() -> WilsonInterval.ofWeighted(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute weighted Wilson interval: sum of weights must be finite and"
            + " > 0, got 0.0");
  }
}
