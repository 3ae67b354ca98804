package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChangeTestsTest {
  @Test
  void twoProportionSignificantRise() {
    // 45/100 (earlier) -> 60/100 (current): change = 100 * (0.60 - 0.45) = 15 points
    // pooled p = 105/200 = 0.525; se = sqrt(0.525 * 0.475 * (1/100 + 1/100))
    //   = sqrt(0.249375 * 0.02) = sqrt(0.0049875) = 0.070622
    // z = 0.15 / 0.070622 = 2.124
    // normal table: Phi(2.12) = 0.98300, Phi(2.13) = 0.98341 -> Phi(2.124) = 0.98316
    // p = 2 * (1 - 0.98316) = 0.0337 < 0.05: significant
    ChangeTest test = ChangeTests.twoProportion(45, 100, 60, 100);
    assertThat(test.change()).isCloseTo(15.0, within(1e-9));
    assertThat(test.pValue()).isCloseTo(0.0337, within(2e-4));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void twoProportionOrderGivesTheSignOfChange() {
    // Same test the other way round: 60/100 earlier, 45/100 now; z = -2.124, same p.
    ChangeTest test = ChangeTests.twoProportion(60, 100, 45, 100);
    assertThat(test.change()).isCloseTo(-15.0, within(1e-9));
    assertThat(test.pValue()).isCloseTo(0.0337, within(2e-4));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void twoProportionNotSignificant() {
    // 50/100 -> 55/100: pooled 0.525, se 0.070622 (as above); z = 0.05 / 0.070622 = 0.708
    // Phi(0.70) = 0.7580, Phi(0.71) = 0.7611 -> Phi(0.708) = 0.7605; p = 2 * 0.2395 = 0.479
    ChangeTest test = ChangeTests.twoProportion(50, 100, 55, 100);
    assertThat(test.change()).isCloseTo(5.0, within(1e-9));
    assertThat(test.pValue()).isCloseTo(0.479, within(1e-3));
    assertThat(test.significant()).isFalse();
  }

  @Test
  void twoProportionUntestable() {
    // Zero base: no proportion, no change.
    ChangeTest zeroBase = ChangeTests.twoProportion(0, 0, 5, 10);
    assertThat(zeroBase.change()).isNaN();
    assertThat(zeroBase.pValue()).isNaN();
    assertThat(zeroBase.significant()).isFalse();
    assertThat(zeroBase.isTested()).isFalse();
    // 0% both times: change 0, pooled p = 0 leaves no variance to test against.
    ChangeTest bothZero = ChangeTests.twoProportion(0, 50, 0, 60);
    assertThat(bothZero.change()).isEqualTo(0.0);
    assertThat(bothZero.pValue()).isNaN();
    assertThat(bothZero.significant()).isFalse();
  }

  @Test
  void poissonRatioSymmetric() {
    // 2 events then 10, equal exposures: k = 12, p0 = 1/2, observed count2 = 10.
    // P(X = i) = C(12, i) / 4096. P(X = 10) = 66/4096; outcomes no more likely than that:
    // i = 0, 1, 2 (1 + 12 + 66) and i = 10, 11, 12 (66 + 12 + 1) -> p = 158/4096 = 0.0385742
    ChangeTest test = ChangeTests.poissonRatio(2, 1.0, 10, 1.0);
    assertThat(test.change()).isEqualTo(8.0);
    assertThat(test.pValue()).isCloseTo(158.0 / 4096, within(1e-9));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void poissonRatioSmallSymmetricNotSignificant() {
    // 3 then 1, equal exposures: k = 4, p0 = 1/2, pmf = (1, 4, 6, 4, 1)/16, observed 1 (4/16).
    // No more likely: i = 0, 1, 3, 4 -> p = 10/16 = 0.625
    ChangeTest test = ChangeTests.poissonRatio(3, 1.0, 1, 1.0);
    assertThat(test.change()).isEqualTo(-2.0);
    assertThat(test.pValue()).isCloseTo(0.625, within(1e-9));
    assertThat(test.significant()).isFalse();
  }

  @Test
  void poissonRatioAsymmetricLowerTailOnly() {
    // 4 events over exposure 1, then 2 over exposure 3: p0 = 3/4, k = 6, observed 2.
    // P(X = i) = C(6, i) 3^i / 4096: 1, 18, 135, 540, 1215, 1458, 729 (sum 4096).
    // Mean 4.5; on the upper side (5, 6) both 1458 and 729 exceed 135, so only the lower
    // tail counts: p = (1 + 18 + 135)/4096 = 154/4096 = 0.0375977.
    // change = 2/3 - 4/1 = -3.3333333
    ChangeTest test = ChangeTests.poissonRatio(4, 1.0, 2, 3.0);
    assertThat(test.change()).isCloseTo(-10.0 / 3, within(1e-12));
    assertThat(test.pValue()).isCloseTo(154.0 / 4096, within(1e-9));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void poissonRatioAsymmetricBothTails() {
    // 0 events over exposure 1, then 6 over exposure 3: p0 = 3/4, k = 6, observed 6 (729).
    // Lower side i = 0..4: 1, 18, 135, 540 are <= 729, 1215 is not.
    // p = (1 + 18 + 135 + 540 + 729)/4096 = 1423/4096 = 0.3474121; change = 2 - 0 = 2
    ChangeTest test = ChangeTests.poissonRatio(0, 1.0, 6, 3.0);
    assertThat(test.change()).isEqualTo(2.0);
    assertThat(test.pValue()).isCloseTo(1423.0 / 4096, within(1e-9));
    assertThat(test.significant()).isFalse();
  }

  @Test
  void poissonRatioAtTheMeanIsOne() {
    // 1 over exposure 1 then 3 over exposure 3: p0 = 3/4, k = 4, observed 3 = k p0.
    ChangeTest test = ChangeTests.poissonRatio(1, 1.0, 3, 3.0);
    assertThat(test.change()).isEqualTo(0.0);
    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.significant()).isFalse();
  }

  @Test
  void poissonRatioLargeCounts() {
    // 10,000 then 10,300 crimes on equal populations: k = 20,300, p0 = 1/2.
    // Normal approximation: mean 10,150, sd = sqrt(20,300 / 4) = 71.24,
    // z = (10,300 - 10,150 - 0.5) / 71.24 = 2.099 -> p = 2 * (1 - Phi(2.099)) = 0.036
    ChangeTest test = ChangeTests.poissonRatio(10_000, 1.0, 10_300, 1.0);
    assertThat(test.change()).isEqualTo(300.0);
    assertThat(test.pValue()).isCloseTo(0.036, within(0.002));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void poissonRatioPerUnits() {
    // 2 then 10 crimes in a population of 2,000: rates 1 and 5 per 1,000, change 4 per 1,000;
    // the p-value is the equal-exposure one above, 158/4096.
    ChangeTest test = ChangeTests.poissonRatio(2, 2000, 10, 2000, 1000);
    assertThat(test.change()).isCloseTo(4.0, within(1e-12));
    assertThat(test.pValue()).isCloseTo(158.0 / 4096, within(1e-9));
  }

  @Test
  void poissonRatioUntestable() {
    // No events at all: both rates 0.
    ChangeTest none = ChangeTests.poissonRatio(0, 1.0, 0, 2.0);
    assertThat(none.change()).isEqualTo(0.0);
    assertThat(none.pValue()).isNaN();
    assertThat(none.significant()).isFalse();
    // Zero exposure: no rate.
    ChangeTest noExposure = ChangeTests.poissonRatio(3, 0.0, 4, 2.0);
    assertThat(noExposure.change()).isNaN();
    assertThat(noExposure.pValue()).isNaN();
    assertThat(noExposure.significant()).isFalse();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ChangeTests.twoProportion(11, 10, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot test two proportions: x1 must be in [0, n1] = [0, 10.0], got 11.0");
    assertThatThrownBy(() -> ChangeTests.twoProportion(1, 10, 1, -10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot test two proportions: n2 must be finite and >= 0, got -10.0");
    assertThatThrownBy(() -> ChangeTests.poissonRatio(-1, 1.0, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot test Poisson ratio: counts must be >= 0, got -1 and 2");
    assertThatThrownBy(() -> ChangeTests.poissonRatio(1, -1.0, 2, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot test Poisson ratio: exposures must be finite and >= 0,"
            + " got -1.0 and 1.0");
    assertThatThrownBy(() -> ChangeTest.of(1.0, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create change test: pValue must be NaN or in [0, 1], got 1.5");
  }
}
