package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Compound Poisson: Var(sum q) = lambda E[q^2], estimated by sum(q^2); the effective number of
 * events n* = (sum q)^2 / sum(q^2) (the analogue of Kish's effective sample size for weighted
 * surveys; statistics-references.md). Chi-square quantiles from a standard table (e.g. NIST/SEMATECH
 * e-Handbook, table 1.3.6.7.4): chi2(0.025; 5) = 0.831, chi2(0.975; 7) = 16.013.
 */
class CompoundPoissonTest {
  @Test
  void equalQuantitiesAreAPlainCountScaled() {
    // Ten events of 3 each: sum 30, sum of squares 90, n* = 900 / 90 = 10 = the count,
    // and the interval is the Poisson interval of 10 times 3.
    assertThat(CompoundPoisson.effectiveEvents(30, 90)).isEqualTo(10.0);
    assertThat(CompoundPoisson.quantityPerEffectiveEvent(30, 90)).isEqualTo(3.0);
    Interval interval = CompoundPoisson.interval(30, 90, 0.95);
    Interval count = PoissonInterval.of(10);
    assertThat(interval.low()).isCloseTo(3 * count.low(), within(1e-9));
    assertThat(interval.high()).isCloseTo(3 * count.high(), within(1e-9));
  }

  @Test
  void unequalQuantitiesHaveFewerEffectiveEventsAndAWiderInterval() {
    // q = 1, 1, 1, 1, 6: sum 10, sum of squares 4 + 36 = 40, n* = 100 / 40 = 2.5, q* = 40 / 10 = 4.
    // Exact Poisson on 2.5: chi2(0.025; 5) / 2 = 0.8312 / 2 = 0.4156 and chi2(0.975; 7) / 2 =
    // 16.0128 / 2 = 8.0064; times 4: 1.6624 to 32.0255 (against 5 events x 2 = 3.2 to 23.3 if the
    // weights were taken as equal at their mean).
    assertThat(CompoundPoisson.effectiveEvents(10, 40)).isEqualTo(2.5);
    Interval interval = CompoundPoisson.interval(10, 40, 0.95);
    assertThat(interval.low()).isCloseTo(1.6624, within(1e-3));
    assertThat(interval.high()).isCloseTo(32.0255, within(1e-3));
    // As a rate per 1,000 over 2,000 people: divided by 2.
    Interval rate = CompoundPoisson.ofRate(10, 40, 2000, 1000);
    assertThat(rate.low()).isCloseTo(interval.low() / 2, within(1e-12));
    assertThat(rate.high()).isCloseTo(interval.high() / 2, within(1e-12));
  }

  @Test
  void noEventsIsTheIntervalOfAZeroCount() {
    assertThat(CompoundPoisson.effectiveEvents(0, 0)).isZero();
    Interval interval = CompoundPoisson.interval(0, 0, 0.95);
    assertThat(interval.low()).isZero();
    // chi2(0.975; 2) / 2 = 7.3778 / 2 = 3.6889.
    assertThat(interval.high()).isCloseTo(3.6889, within(1e-4));
  }

  @Test
  void badSumsSayWhatCannotBeDone() {
    assertThatThrownBy(() -> CompoundPoisson.effectiveEvents(5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute effective events: sum of squared quantities must be > 0 when the sum is 5.0");
    assertThatThrownBy(() -> CompoundPoisson.effectiveEvents(-1, 1))
        .hasMessage("Cannot compute effective events: sum of quantities must be finite and >= 0, got -1.0");
  }
}
