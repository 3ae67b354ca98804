package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void containsIsClosedAtBothEnds() {
    Interval interval = Interval.of(1.0, 2.0);
    assertThat(interval.contains(1.0)).isTrue();
    assertThat(interval.contains(2.0)).isTrue();
    assertThat(interval.contains(1.5)).isTrue();
    assertThat(interval.contains(0.999)).isFalse();
    assertThat(interval.contains(2.001)).isFalse();
    assertThat(interval.width()).isEqualTo(1.0);
  }

  @Test
  void scaleMultipliesBothBounds() {
    // [0.25, 0.5] x 100 = [25, 50]
    assertThat(Interval.of(0.25, 0.5).scale(100)).isEqualTo(new Interval(25.0, 50.0));
  }

  @Test
  void rejectsReversedOrNanBounds() {
    assertThatThrownBy(() -> new Interval(2.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create interval: low must be <= high, got [2.0, 1.0]");
    assertThatThrownBy(() -> new Interval(Double.NaN, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create interval: bounds must not be NaN, got [NaN, 1.0]");
    assertThatThrownBy(() -> Interval.of(0, 1).scale(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot scale interval: factor must be finite and > 0, got 0.0");
  }
}
