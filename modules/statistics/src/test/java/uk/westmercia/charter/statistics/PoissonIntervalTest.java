package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values from published tables of exact (Garwood) 95% Poisson limits, and from
 * chi-square tables: low = chi2(alpha/2; 2k)/2, high = chi2(1 - alpha/2; 2k + 2)/2.
 */
class PoissonIntervalTest {
  @Test
  void zero() {
    // k = 0: low = 0; high = chi2(0.975; 2)/2 = 7.3778/2 = 3.6889
    Interval interval = PoissonInterval.of(0);
    assertThat(interval.low()).isEqualTo(0.0);
    assertThat(interval.high()).isCloseTo(3.6889, within(1e-4));
  }

  @Test
  void one() {
    // k = 1: chi2(0.025; 2)/2 = 0.0506/2 = 0.0253; chi2(0.975; 4)/2 = 11.1433/2 = 5.5716
    Interval interval = PoissonInterval.of(1);
    assertThat(interval.low()).isCloseTo(0.0253, within(1e-4));
    assertThat(interval.high()).isCloseTo(5.5716, within(1e-4));
  }

  @Test
  void ten() {
    // k = 10: chi2(0.025; 20)/2 = 9.5908/2 = 4.7954; chi2(0.975; 22)/2 = 36.7807/2 = 18.3904
    Interval interval = PoissonInterval.of(10);
    assertThat(interval.low()).isCloseTo(4.7954, within(1e-4));
    assertThat(interval.high()).isCloseTo(18.3904, within(1e-4));
  }

  @Test
  void tenAtNinetyNinePointEight() {
    // chi-square tables: chi2(0.001; 20) = 5.921, chi2(0.999; 22) = 48.268
    // => (2.9605, 24.134)
    Interval interval = PoissonInterval.of(10, 0.998);
    assertThat(interval.low()).isCloseTo(2.9605, within(5e-4));
    assertThat(interval.high()).isCloseTo(24.134, within(5e-4));
  }

  @Test
  void rateScalesTheCountInterval() {
    // 10 crimes in a population of 2,000, per 1,000: factor 1000/2000 = 0.5
    // => (4.7954 * 0.5, 18.3904 * 0.5) = (2.3977, 9.1952)
    Interval interval = PoissonInterval.ofRate(10, 2000, 1000);
    assertThat(interval.low()).isCloseTo(2.3977, within(1e-4));
    assertThat(interval.high()).isCloseTo(9.1952, within(1e-4));
  }

  @Test
  void largeCountIsCloseToNormal() {
    // k = 10,000: approximately k +- 1.96 sqrt(k) = 10000 +- 196 = (9804, 10196)
    Interval interval = PoissonInterval.of(10_000);
    assertThat(interval.low()).isCloseTo(9804, within(2.0));
    assertThat(interval.high()).isCloseTo(10196, within(2.0));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> PoissonInterval.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Poisson interval: count must be >= 0, got -1");
    assertThatThrownBy(() -> PoissonInterval.of(1, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Poisson interval: confidence must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> PoissonInterval.ofRate(1, 0, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Poisson rate interval: population must be finite and > 0,"
            + " got 0.0");
    assertThatThrownBy(() -> PoissonInterval.ofRate(1, 1000, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Poisson rate interval: perUnits must be finite and > 0,"
            + " got -5.0");
  }
}
