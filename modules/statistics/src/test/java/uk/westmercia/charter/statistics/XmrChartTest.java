package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made series; for each the working gives sum, mean, mean moving range (MR-bar), limits
 * mean +- 2.66 MR-bar, and the 2/3 zones mean +- (2/3) 2.66 MR-bar.
 */
class XmrChartTest {
  private static final double TOLERANCE = 1e-4;

  private static List<Double> series(double... values) {
    return Arrays.stream(values).boxed().toList();
  }

  @Test
  void stableSeriesIsCommonCause() {
    // 10, 12 alternating, 12 points: mean 132/12 = 11, every moving range 2 -> MR-bar 2
    // limits 11 +- 5.32 = (5.68, 16.32); zone 11 + 3.5467 = 14.5467
    // latest 12: inside, no run of 7 on one side, no trend, nothing in the zones.
    SpcResult result = XmrChart.evaluate(
        series(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12), Direction.HIGHER);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
    assertThat(result.signal().label()).isEqualTo("common_cause");
    assertThat(result.mean()).isCloseTo(11.0, within(TOLERANCE));
    assertThat(result.lowerLimit()).isCloseTo(5.68, within(TOLERANCE));
    assertThat(result.upperLimit()).isCloseTo(16.32, within(TOLERANCE));
    assertThat(result.upperTwoThirds()).isCloseTo(14.5467, within(TOLERANCE));
    assertThat(result.lowerTwoThirds()).isCloseTo(7.4533, within(TOLERANCE));
    assertThat(result.rulesTriggered()).isEmpty();
    assertThat(result.pointsUsed()).isEqualTo(12);
  }

  @Test
  void fewerThanTwelvePointsIsInsufficientData() {
    SpcResult result = XmrChart.evaluate(
        series(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10), Direction.HIGHER);
    assertThat(result.signal()).isEqualTo(SpcSignal.INSUFFICIENT_DATA);
    assertThat(result.signal().label()).isEqualTo("insufficient_data");
    assertThat(result.mean()).isNaN();
    assertThat(result.lowerLimit()).isNaN();
    assertThat(result.upperLimit()).isNaN();
    assertThat(result.rulesTriggered()).isEmpty();
    assertThat(result.pointsUsed()).isEqualTo(11);
  }

  @Test
  void usesOnlyTheLast24Points() {
    // Six wild early months, then the stable series of 24 points: the early months are
    // dropped, so mean 11, MR-bar 2, limits (5.68, 16.32) as for the stable series.
    List<Double> values = new ArrayList<>(Collections.nCopies(6, 1000.0));
    for (int i = 0; i < 12; i++) {
      values.add(10.0);
      values.add(12.0);
    }
    SpcResult result = XmrChart.evaluate(values, Direction.HIGHER);
    assertThat(result.pointsUsed()).isEqualTo(24);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
    assertThat(result.mean()).isCloseTo(11.0, within(TOLERANCE));
    assertThat(result.upperLimit()).isCloseTo(16.32, within(TOLERANCE));
  }

  // 10, 12 alternating for 11 points, then 20.
  // sum 60 + 60 + 20 = 140, mean 11.6667; moving ranges ten of 2 and one of 10 -> 30/11 = 2.7273
  // upper limit 11.6667 + 2.66 * 2.7273 = 11.6667 + 7.2545 = 18.9212 < 20: outside.
  // Last 7 alternate around the mean (no shift), no trend, only 20 is in the upper zone (16.503).
  private static final double[] OUTSIDE_ABOVE = {10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 20};

  @Test
  void pointAboveUpperLimit() {
    SpcResult higher = XmrChart.evaluate(series(OUTSIDE_ABOVE), Direction.HIGHER);
    assertThat(higher.signal()).isEqualTo(SpcSignal.IMPROVEMENT);
    assertThat(higher.signal().label()).isEqualTo("improvement");
    assertThat(higher.rulesTriggered()).containsExactly(SpcRule.OUTSIDE_LIMITS);
    assertThat(higher.ruleLabels()).containsExactly("outside_limits");
    assertThat(higher.mean()).isCloseTo(11.6667, within(TOLERANCE));
    assertThat(higher.upperLimit()).isCloseTo(18.9212, within(TOLERANCE));
    assertThat(higher.lowerLimit()).isCloseTo(4.4121, within(TOLERANCE));

    SpcResult lower = XmrChart.evaluate(series(OUTSIDE_ABOVE), Direction.LOWER);
    assertThat(lower.signal()).isEqualTo(SpcSignal.CONCERN);
    assertThat(lower.signal().label()).isEqualTo("concern");

    SpcResult none = XmrChart.evaluate(series(OUTSIDE_ABOVE), Direction.NONE);
    assertThat(none.signal()).isEqualTo(SpcSignal.SPECIAL_CAUSE);
    assertThat(none.signal().label()).isEqualTo("special_cause");
  }

  @Test
  void pointBelowLowerLimit() {
    // The mirror image x -> 22 - x of the series above: 12, 10, ..., 12, 2.
    // mean 22 - 11.6667 = 10.3333, MR-bar 2.7273, lower limit 10.3333 - 7.2545 = 3.0788 > 2.
    double[] mirrored = Arrays.stream(OUTSIDE_ABOVE).map(x -> 22 - x).toArray();
    SpcResult result = XmrChart.evaluate(series(mirrored), Direction.HIGHER);
    assertThat(result.signal()).isEqualTo(SpcSignal.CONCERN);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.OUTSIDE_LIMITS);
    assertThat(result.lowerLimit()).isCloseTo(3.0788, within(TOLERANCE));
    assertThat(XmrChart.evaluate(series(mirrored), Direction.LOWER).signal())
        .isEqualTo(SpcSignal.IMPROVEMENT);
  }

  @Test
  void runOfSevenAboveTheMean() {
    // 8, 10, 8, 10, 8 then 12, 13, 12, 13, 12, 13, 12
    // sum 44 + 87 = 131, mean 10.9167: the last 7 are all above, the 8 before them below.
    // moving ranges 2, 2, 2, 2, 4, then six of 1 -> 18/11 = 1.6364
    // upper limit 10.9167 + 4.3527 = 15.2694; upper zone 10.9167 + 2.9018 = 13.8185 > 13
    // so neither outside limits nor two of three; 12, 13 alternate so no trend.
    SpcResult result = XmrChart.evaluate(
        series(8, 10, 8, 10, 8, 12, 13, 12, 13, 12, 13, 12), Direction.LOWER);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.SHIFT);
    assertThat(result.signal()).isEqualTo(SpcSignal.CONCERN);
    assertThat(result.mean()).isCloseTo(10.9167, within(TOLERANCE));
    assertThat(result.upperLimit()).isCloseTo(15.2694, within(TOLERANCE));
  }

  @Test
  void runOfSixIsNotAShift() {
    // 8, 10, 8, 10, 8, 10 then 12, 13, 12, 13, 12, 13: sum 54 + 75 = 129, mean 10.75;
    // 10 is below the mean, so the run above is only 6 points.
    // moving ranges five of 2, 2, five of 1 -> 17/11 = 1.5455; upper zone
    // 10.75 + (2/3) 2.66 * 1.5455 = 10.75 + 2.7406 = 13.4906 > 13.
    SpcResult result = XmrChart.evaluate(
        series(8, 10, 8, 10, 8, 10, 12, 13, 12, 13, 12, 13), Direction.LOWER);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
  }

  @Test
  void pointOnTheMeanBreaksTheRun() {
    // 4, 14, 4, 14, 8 then 11, 11, 11, 10, 11, 11, 11: sum 44 + 76 = 120, mean exactly 10.
    // The 10 among the last 7 is on the mean, so the run above is only the last 3.
    // moving ranges 10, 10, 10, 6, 3, 0, 0, 1, 1, 0, 0 -> 41/11 = 3.7273
    // limits 10 +- 9.9145; upper zone 16.6097: nothing else fires.
    SpcResult onMean = XmrChart.evaluate(
        series(4, 14, 4, 14, 8, 11, 11, 11, 10, 11, 11, 11), Direction.HIGHER);
    assertThat(onMean.mean()).isEqualTo(10.0);
    assertThat(onMean.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);

    // Control: with 11 instead of the 10, sum 121, mean 10.0833 and the last 7 are all above.
    // moving ranges 10, 10, 10, 6, 3, then six of 0 -> 39/11 = 3.5455; upper zone 16.3706.
    SpcResult above = XmrChart.evaluate(
        series(4, 14, 4, 14, 8, 11, 11, 11, 11, 11, 11, 11), Direction.HIGHER);
    assertThat(above.rulesTriggered()).containsExactly(SpcRule.SHIFT);
    assertThat(above.signal()).isEqualTo(SpcSignal.IMPROVEMENT);
  }

  @Test
  void sevenPointsRising() {
    // 10, 16, 10, 16, 10 then 8, 9, 10, 11, 12, 13, 14 (the drop 10 -> 8 starts the run).
    // sum 62 + 77 = 139, mean 11.5833: the run crosses the mean, so no shift.
    // moving ranges four of 6, 2, six of 1 -> 32/11 = 2.9091
    // upper limit 11.5833 + 7.7382 = 19.3215 > 14; upper zone 16.7421 > 14: no other rule.
    SpcResult result = XmrChart.evaluate(
        series(10, 16, 10, 16, 10, 8, 9, 10, 11, 12, 13, 14), Direction.HIGHER);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.TREND);
    assertThat(result.ruleLabels()).containsExactly("trend");
    assertThat(result.signal()).isEqualTo(SpcSignal.IMPROVEMENT);
    assertThat(result.upperLimit()).isCloseTo(19.3215, within(TOLERANCE));
  }

  @Test
  void sevenPointsFalling() {
    // 12, 6, 12, 6, 12 then 14, 13, 12, 11, 10, 9, 8 (the rise 12 -> 14 starts the run).
    // sum 48 + 77 = 125, mean 10.4167: the run crosses the mean.
    // moving ranges four of 6, 2, six of 1 -> 32/11 = 2.9091
    // lower limit 10.4167 - 7.7382 = 2.6785 < 8; lower zone 5.2579 < 8: no other rule.
    SpcResult result = XmrChart.evaluate(
        series(12, 6, 12, 6, 12, 14, 13, 12, 11, 10, 9, 8), Direction.HIGHER);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.TREND);
    assertThat(result.signal()).isEqualTo(SpcSignal.CONCERN);
    assertThat(XmrChart.evaluate(
            series(12, 6, 12, 6, 12, 14, 13, 12, 11, 10, 9, 8), Direction.LOWER).signal())
        .isEqualTo(SpcSignal.IMPROVEMENT);
  }

  @Test
  void repeatedValueBreaksATrend() {
    // As the rising series but with 12, 12: only 5 strictly rising steps remain.
    // sum 62 + 8 + 9 + 10 + 11 + 12 + 12 + 14 = 138, mean 11.5; moving ranges four of 6, 2,
    // 1, 1, 1, 1, 0, 2 -> 32/11 = 2.9091; upper zone 11.5 + 5.1588 = 16.6588 > 14.
    SpcResult result = XmrChart.evaluate(
        series(10, 16, 10, 16, 10, 8, 9, 10, 11, 12, 12, 14), Direction.HIGHER);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
  }

  @Test
  void twoOfTheLastThreeNearTheUpperLimit() {
    // 10, 12 alternating for 9 points (ending 10), then 18, 16, 18.
    // sum 98 + 52 = 150, mean 12.5; moving ranges eight of 2, 8, 2, 2 -> 28/11 = 2.5455
    // upper limit 12.5 + 6.7709 = 19.2709 > 18 (not outside);
    // upper zone 12.5 + 4.5139 = 17.0139: 18 and 18 beyond, 16 not -> two of three.
    // Last 7 (12, 10, 12, 10, 18, 16, 18) include points below the mean; 16 < 18: no trend.
    SpcResult result = XmrChart.evaluate(
        series(10, 12, 10, 12, 10, 12, 10, 12, 10, 18, 16, 18), Direction.LOWER);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.TWO_OF_THREE);
    assertThat(result.ruleLabels()).containsExactly("two_of_three");
    assertThat(result.signal()).isEqualTo(SpcSignal.CONCERN);
    assertThat(result.upperTwoThirds()).isCloseTo(17.0139, within(TOLERANCE));
  }

  @Test
  void shiftTakesPrecedenceOverAnOpposingTrend() {
    // 2, 4, 2, 4, 2 then 20, 19, 18, 17, 16, 15, 14: sum 14 + 119 = 133, mean 11.0833.
    // The last 7 are all above the mean (shift up) and strictly falling (trend down).
    // moving ranges four of 2, 18, six of 1 -> 32/11 = 2.9091; upper limit 18.8215 > 14;
    // upper zone 16.2421: of 16, 15, 14 none beyond.
    // Precedence outside limits > shift > trend > two of three: the shift (up) decides.
    SpcResult result = XmrChart.evaluate(
        series(2, 4, 2, 4, 2, 20, 19, 18, 17, 16, 15, 14), Direction.HIGHER);
    assertThat(result.rulesTriggered()).containsExactly(SpcRule.SHIFT, SpcRule.TREND);
    assertThat(result.signal()).isEqualTo(SpcSignal.IMPROVEMENT);
  }

  @Test
  void constantSeriesIsCommonCause() {
    // MR-bar 0: limits and zones collapse onto the mean, and no point is strictly beyond them.
    SpcResult result = XmrChart.evaluate(Collections.nCopies(12, 5.0), Direction.HIGHER);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
    assertThat(result.lowerLimit()).isEqualTo(5.0);
    assertThat(result.upperLimit()).isEqualTo(5.0);
  }

  @Test
  void rejectsBadArguments() {
    List<Double> withNull = new ArrayList<>(Collections.nCopies(12, 1.0));
    withNull.set(3, null);
    assertThatThrownBy(() -> XmrChart.evaluate(withNull, Direction.HIGHER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot evaluate XmR chart: values must be finite and not null,"
            + " got null at index 3");
    assertThatThrownBy(() -> XmrChart.evaluate(List.of(1.0, Double.NaN), Direction.HIGHER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot evaluate XmR chart: values must be finite and not null,"
            + " got NaN at index 1");
    assertThatThrownBy(() -> XmrChart.evaluate(null, Direction.HIGHER))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("values is null");
    assertThatThrownBy(() -> XmrChart.evaluate(List.of(1.0), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("direction is null");
  }

  @Test
  void labels() {
    assertThat(SpcSignal.IMPROVEMENT.label()).isEqualTo("improvement");
    assertThat(SpcSignal.CONCERN.label()).isEqualTo("concern");
    assertThat(SpcSignal.COMMON_CAUSE.label()).isEqualTo("common_cause");
    assertThat(SpcSignal.INSUFFICIENT_DATA.label()).isEqualTo("insufficient_data");
    assertThat(SpcRule.OUTSIDE_LIMITS.label()).isEqualTo("outside_limits");
    assertThat(SpcRule.SHIFT.label()).isEqualTo("shift");
  }
  @Test
  void aChangePointLeavingFewerThanTwelvePointsIsInsufficientData() {
    // Twenty months, the process changed at month 10 (index 10): ten months since, fewer than 12,
    // so no limits however many months came before the change.
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(10.0);
      values.add(12.0);
    }
    SpcResult result = XmrChart.evaluate(values, Direction.HIGHER, 10);
    assertThat(result.signal()).isEqualTo(SpcSignal.INSUFFICIENT_DATA);
    assertThat(result.pointsUsed()).isEqualTo(10);
    assertThat(result.mean()).isNaN();
    // Without the change point the same twenty months are enough.
    assertThat(XmrChart.evaluate(values, Direction.HIGHER).pointsUsed()).isEqualTo(20);
  }

  @Test
  void limitsUseOnlyTheMonthsFromTheChangePointOn() {
    // Eight months at 100 under an old call-handling system, then 10, 12 alternating for twelve:
    // from the change point (index 8) mean 11, MR-bar 2, limits 5.68 to 16.32, as for the
    // stable series. Across the change the 100s would drag the mean to 46.6 and the latest
    // point would end a run of 12 below it.
    List<Double> values = new ArrayList<>(Collections.nCopies(8, 100.0));
    for (int i = 0; i < 6; i++) {
      values.add(10.0);
      values.add(12.0);
    }
    SpcResult result = XmrChart.evaluate(values, Direction.HIGHER, 8);
    assertThat(result.pointsUsed()).isEqualTo(12);
    assertThat(result.signal()).isEqualTo(SpcSignal.COMMON_CAUSE);
    assertThat(result.mean()).isCloseTo(11.0, within(TOLERANCE));
    assertThat(result.lowerLimit()).isCloseTo(5.68, within(TOLERANCE));
    assertThat(result.upperLimit()).isCloseTo(16.32, within(TOLERANCE));
    SpcResult across = XmrChart.evaluate(values, Direction.HIGHER);
    assertThat(across.mean()).isCloseTo(46.6, within(TOLERANCE));
    assertThat(across.signal()).isEqualTo(SpcSignal.CONCERN);
    // Index 0 is no change; the change point must lie within the series (or just after it).
    assertThat(XmrChart.evaluate(values, Direction.HIGHER, 0)).isEqualTo(across);
    assertThat(XmrChart.evaluate(values, Direction.HIGHER, 20).signal()).isEqualTo(SpcSignal.INSUFFICIENT_DATA);
    assertThatThrownBy(() -> XmrChart.evaluate(values, Direction.HIGHER, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot evaluate XmR chart: change point must be in [0, 20], got 21");
  }
}
