package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelLimitsTest {
  private static final double TOLERANCE = 1e-6;

  @Test
  void proportionLimitsForHalfAtOneHundred() {
    // p0 = 0.5, n = 100: sqrt(0.5 * 0.5 / 100) = 0.05
    // 95%:   0.5 +- 1.959964 * 0.05 = 0.5 +- 0.0979982 = (0.4020018, 0.5979982)
    // 99.8%: 0.5 +- 3.090232 * 0.05 = 0.5 +- 0.1545116 = (0.3454884, 0.6545116)
    Interval inner = FunnelLimits.proportion(0.5, 100, ConfidenceLevel.Z_95);
    assertThat(inner.low()).isCloseTo(0.4020018, within(TOLERANCE));
    assertThat(inner.high()).isCloseTo(0.5979982, within(TOLERANCE));
    Interval outer = FunnelLimits.proportion(0.5, 100, ConfidenceLevel.Z_99_8);
    assertThat(outer.low()).isCloseTo(0.3454884, within(TOLERANCE));
    assertThat(outer.high()).isCloseTo(0.6545116, within(TOLERANCE));
  }

  @Test
  void percentBandsForHalfAtOneHundred() {
    // The limits above, as percents.
    FunnelBands bands = FunnelLimits.percentBands(50, 100);
    assertThat(bands.lower99_8()).isCloseTo(34.54884, within(1e-4));
    assertThat(bands.lower95()).isCloseTo(40.20018, within(1e-4));
    assertThat(bands.upper95()).isCloseTo(59.79982, within(1e-4));
    assertThat(bands.upper99_8()).isCloseTo(65.45116, within(1e-4));
    assertThat(bands.limits95().low()).isEqualTo(bands.lower95());
    assertThat(bands.limits99_8().high()).isEqualTo(bands.upper99_8());
  }

  @ParameterizedTest(name = "{0}% around 50% at n = 100 -> {1}")
  @CsvSource({
      "50.0, WITHIN",
      "59.7, WITHIN",       // below 59.79982
      "60.0, ABOVE_95",     // between 59.79982 and 65.45116
      "66.0, ABOVE_99_8",   // above 65.45116
      "40.3, WITHIN",       // above 40.20018
      "40.0, BELOW_95",     // between 34.54884 and 40.20018
      "34.0, BELOW_99_8"})  // below 34.54884
  void placeForPercent(double value, FunnelPlace expected) {
    assertThat(FunnelLimits.placeForPercent(value, 50, 100)).isEqualTo(expected);
  }

  @Test
  void proportionLimitsAreClampedToZeroAndOne() {
    // p0 = 0.02, n = 10: 1.959964 * sqrt(0.02 * 0.98 / 10) = 1.959964 * 0.0442719 = 0.0867713
    // low 0.02 - 0.0867713 < 0 -> 0; high 0.1067713
    Interval interval = FunnelLimits.proportion(0.02, 10, ConfidenceLevel.Z_95);
    assertThat(interval.low()).isEqualTo(0.0);
    assertThat(interval.high()).isCloseTo(0.1067713, within(TOLERANCE));
  }

  @Test
  void poissonCountLimits() {
    // Expected 10, chi-square form (as the exact interval of a count of 10):
    // 95%:   chi2(0.025; 20)/2 = 4.7954, chi2(0.975; 22)/2 = 18.3904
    // 99.8%: chi2(0.001; 20)/2 = 5.921/2 = 2.9605, chi2(0.999; 22)/2 = 48.268/2 = 24.134
    Interval inner = FunnelLimits.poissonCount(10, 0.95);
    assertThat(inner.low()).isCloseTo(4.7954, within(1e-4));
    assertThat(inner.high()).isCloseTo(18.3904, within(1e-4));
    Interval outer = FunnelLimits.poissonCount(10, 0.998);
    assertThat(outer.low()).isCloseTo(2.9605, within(5e-4));
    assertThat(outer.high()).isCloseTo(24.134, within(5e-4));
    // Expected 0: (0, chi2(0.975; 2)/2) = (0, 3.6889)
    Interval zero = FunnelLimits.poissonCount(0, 0.95);
    assertThat(zero.low()).isEqualTo(0.0);
    assertThat(zero.high()).isCloseTo(3.6889, within(1e-4));
  }

  @ParameterizedTest(name = "count {0} against expected 10 -> {1}")
  @CsvSource({
      "10, WITHIN",
      "18, WITHIN",       // below 18.3904
      "19, ABOVE_95",     // between 18.3904 and 24.134
      "24, ABOVE_95",
      "25, ABOVE_99_8",   // above 24.134
      "5, WITHIN",        // above 4.7954
      "4, BELOW_95",      // between 2.9605 and 4.7954
      "3, BELOW_95",
      "2, BELOW_99_8"})   // below 2.9605
  void placeForRate(long count, FunnelPlace expected) {
    // Force rate 10 per 1,000 and population 1,000: expected count 10 * 1000 / 1000 = 10.
    assertThat(FunnelLimits.placeForRate(count, 1000, 10, 1000)).isEqualTo(expected);
  }

  @Test
  void rateBandsAreCountLimitsOnTheRateScale() {
    // Force rate 1 per 100, population 1,000: expected 1 * 1000 / 100 = 10, and a count c is
    // the rate c * 100 / 1000 = c / 10; so the count limits above divided by 10.
    FunnelBands bands = FunnelLimits.rateBands(1, 1000, 100);
    assertThat(bands.lower99_8()).isCloseTo(0.29605, within(5e-5));
    assertThat(bands.lower95()).isCloseTo(0.47954, within(1e-5));
    assertThat(bands.upper95()).isCloseTo(1.83904, within(1e-5));
    assertThat(bands.upper99_8()).isCloseTo(2.4134, within(5e-5));
  }

  @ParameterizedTest
  @CsvSource({
      "90, WITHIN",         // below 5 * 18.3904 = 91.952
      "95, ABOVE_95",       // between 91.952 and 5 * 24.134 = 120.67
      "125, ABOVE_99_8",
      "24, WITHIN",         // above 5 * 4.7954 = 23.977
      "20, BELOW_95",       // between 5 * 2.9605 = 14.8025 and 23.977
      "14, BELOW_99_8"})
  void placeForWeightedRate(double value, FunnelPlace expected) {
    // Harm 50 per 1,000 at 5 harm per crime: 10 crimes per 1,000, so 10 expected in a population
    // of 1,000; the count limits of the test above, times 5 harm per crime, per 1,000 people.
    assertThat(FunnelLimits.placeForWeightedRate(value, 1000, 50, 5, 1000)).isEqualTo(expected);
  }

  @Test
  void weightedRateBandsAreTheEventsBandsScaled() {
    FunnelBands bands = FunnelLimits.weightedRateBands(50, 5, 1000, 1000);
    assertThat(bands.lower95()).isCloseTo(5 * 4.7954, within(5e-4));
    assertThat(bands.upper99_8()).isCloseTo(5 * 24.134, within(5e-3));
    // One per event: the plain rate bands.
    assertThat(FunnelLimits.weightedRateBands(10, 1, 1000, 1000)).isEqualTo(FunnelLimits.rateBands(10, 1000, 1000));
    assertThatThrownBy(() -> FunnelLimits.weightedRateBands(50, 0, 1000, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute rate funnel limits: quantity per event must be finite and > 0, got 0.0");
  }

  @Test
  void bandsPlaceAValueOnALimitInside() {
    FunnelBands bands = new FunnelBands(1, 2, 3, 4);
    assertThat(bands.place(3)).isEqualTo(FunnelPlace.WITHIN);
    assertThat(bands.place(4)).isEqualTo(FunnelPlace.ABOVE_95);
    assertThat(bands.place(1)).isEqualTo(FunnelPlace.BELOW_95);
  }

  @Test
  void labels() {
    assertThat(FunnelPlace.WITHIN.label()).isEqualTo("within");
    assertThat(FunnelPlace.ABOVE_95.label()).isEqualTo("above_95");
    assertThat(FunnelPlace.BELOW_95.label()).isEqualTo("below_95");
    assertThat(FunnelPlace.ABOVE_99_8.label()).isEqualTo("above_99_8");
    assertThat(FunnelPlace.BELOW_99_8.label()).isEqualTo("below_99_8");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> FunnelLimits.proportion(1.5, 100, ConfidenceLevel.Z_95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute proportion funnel limits: p0 must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> FunnelLimits.proportion(0.5, 0, ConfidenceLevel.Z_95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute proportion funnel limits: n must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> FunnelLimits.placeForPercent(120, 50, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot place percent on funnel: valuePercent must be in [0, 100], got 120.0");
    assertThatThrownBy(() -> FunnelLimits.placeForPercent(50, -1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute percent funnel limits: forcePercent must be in [0, 100],"
            + " got -1.0");
    assertThatThrownBy(() -> FunnelLimits.placeForRate(5, 0, 10, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute rate funnel limits: population must be finite and > 0,"
            + " got 0.0");
    assertThatThrownBy(() -> FunnelLimits.placeForRate(-5, 1000, 10, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot place rate on funnel: count must be >= 0, got -5");
    assertThatThrownBy(() -> FunnelLimits.poissonCount(-1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Poisson funnel limits: count must be finite and >= 0,"
            + " got -1.0");
    assertThatThrownBy(() -> new FunnelBands(1, 3, 2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create funnel bands: limits must be ordered lower99_8 <= lower95"
            + " <= upper95 <= upper99_8, got 1.0, 3.0, 2.0, 4.0");
  }
}
