package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void oddCountTakesTheMiddleValue() {
    // sorted 1, 2, 3 -> 2
    assertThat(Medians.exactMedian(new double[] {3, 1, 2})).isEqualTo(2.0);
    assertThat(Medians.exactMedian(new double[] {5})).isEqualTo(5.0);
  }

  @Test
  void evenCountTakesTheMeanOfTheTwoMiddleValues() {
    // sorted 1, 2, 3, 4 -> (2 + 3) / 2 = 2.5
    assertThat(Medians.exactMedian(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    // days to reply: 0.5, 1.25, 2, 10 -> (1.25 + 2) / 2 = 1.625
    assertThat(Medians.exactMedian(new double[] {10, 0.5, 2, 1.25})).isEqualTo(1.625);
  }

  @Test
  void doesNotModifyTheInput() {
    double[] values = {3, 1, 2};
    Medians.exactMedian(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Medians.exactMedian(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute median: values is empty");
    assertThatThrownBy(() -> Medians.exactMedian(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute median: values must be finite");
    assertThatThrownBy(() -> Medians.exactMedian(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("values is null");
  }
}
