package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
  private static final double TOLERANCE = 1e-9;

  /**
   * Benjamini Y., Hochberg Y. (1995) Controlling the false discovery rate. JRSS B 57:289-300,
   * section 4.1: the fifteen p-values of a study of myocardial infarction treatments. At a false
   * discovery rate of 0.05 their step-up procedure rejects the four smallest (p_(4) = 0.0095 &lt;=
   * 4/15 x 0.05 = 0.0133, while no later p_(i) is &lt;= i/15 x 0.05), where Bonferroni rejects
   * three. Worked q-values, m p_(i) / i then the running minimum from the largest:
   * 0.0015, 0.003, 0.0095, 0.035625, 0.0603, min(0.0695, 0.0638571) = 0.0638571, 0.0638571,
   * 0.0645, 0.0765, 0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1 (as R's
   * p.adjust(p, "BH") and scipy's false_discovery_control give).
   */
  @Test
  void benjaminiAndHochberg1995Example() {
    double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
        0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};
    double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571, 0.0638571428571,
        0.0645, 0.0765, 0.486, 0.5811818181818, 0.714875, 0.7532307692308, 0.8132142857143, 1.0};
    double[] q = BenjaminiHochberg.qValues(p);
    for (int i = 0; i < p.length; i++) {
      assertThat(q[i]).as("q of p_(%s)", i + 1).isCloseTo(expected[i], within(1e-9));
    }
    long significant = Arrays.stream(q).filter(value -> BenjaminiHochberg.isSignificant(value)).count();
    assertThat(significant).isEqualTo(4);
  }

  /**
   * A hand-made family with ties, in no order, with untested entries. Defined: 0.01, 0.04, 0.03,
   * 0.04, 0.20, 0.005, so m = 6. Sorted with ranks: 0.005 (1), 0.01 (2), 0.03 (3), 0.04 (4),
   * 0.04 (5), 0.20 (6); 6 p / i = 0.03, 0.03, 0.06, 0.06, 0.048, 0.2; running minimum from the
   * top: 0.2, 0.048, 0.048, 0.048, 0.03, 0.03. Both 0.04s get 0.048 whichever rank each took,
   * and 0.03 gets 0.048 too (step-up: it cannot be less significant than a larger p).
   */
  @Test
  void tiesShareAQValueAndUntestedEntriesAreLeftOut() {
    List<Double> p = Arrays.asList(0.01, null, 0.04, 0.03, Double.NaN, 0.04, 0.20, 0.005);
    List<Double> q = BenjaminiHochberg.qValues(p);
    assertThat(q).hasSize(8);
    assertThat(q.get(0)).isCloseTo(0.03, within(TOLERANCE));
    assertThat(q.get(1)).isNull();
    assertThat(q.get(2)).isCloseTo(0.048, within(TOLERANCE));
    assertThat(q.get(3)).isCloseTo(0.048, within(TOLERANCE));
    assertThat(q.get(4)).isNull();
    assertThat(q.get(5)).isCloseTo(0.048, within(TOLERANCE));
    assertThat(q.get(6)).isCloseTo(0.2, within(TOLERANCE));
    assertThat(q.get(7)).isCloseTo(0.03, within(TOLERANCE));
  }

  @Test
  void qValuesAreCappedAtOneAndNeverBelowTheirPValue() {
    // m = 3: 3 x 0.9 / 2 = 1.35 is capped at 1 (the running minimum starts from 1).
    List<Double> q = BenjaminiHochberg.qValues(List.of(0.9, 0.95, 0.02));
    assertThat(q.get(0)).isEqualTo(0.95);
    assertThat(q.get(1)).isEqualTo(0.95);
    assertThat(q.get(2)).isCloseTo(0.06, within(TOLERANCE));
    assertThat(BenjaminiHochberg.qValues(List.of(1.0, 1.0))).containsExactly(1.0, 1.0);
  }

  @Test
  void aSingleTestIsItsOwnQValueAndAnEmptyFamilyHasNone() {
    assertThat(BenjaminiHochberg.qValues(List.of(0.03))).containsExactly(0.03);
    assertThat(BenjaminiHochberg.qValues(List.of())).isEmpty();
    assertThat(BenjaminiHochberg.qValues(Arrays.asList((Double) null))).containsExactly((Double) null);
    assertThat(BenjaminiHochberg.qValues(new double[] {Double.NaN, 0.5})).containsExactly(Double.NaN, 0.5);
  }

  @Test
  void significanceIsQBelowFivePercent() {
    assertThat(BenjaminiHochberg.isSignificant(0.0499)).isTrue();
    assertThat(BenjaminiHochberg.isSignificant(0.05)).isFalse();
    assertThat(BenjaminiHochberg.isSignificant(null)).isFalse();
    assertThat(BenjaminiHochberg.isSignificant(Double.NaN)).isFalse();
  }

  @Test
  void rejectsPValuesOutsideZeroToOne() {
    assertThatThrownBy(() -> BenjaminiHochberg.qValues(List.of(0.5, 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute q-values: p-values must be in [0, 1], null or NaN, got 1.5 at index 1");
    assertThatThrownBy(() -> BenjaminiHochberg.qValues(List.of(-0.1)))
        .hasMessageStartingWith("Cannot compute q-values:");
  }
}
