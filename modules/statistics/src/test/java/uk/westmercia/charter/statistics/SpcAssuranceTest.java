package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NHS Improvement (2019) "Making Data Count: strengthening your decisions", the assurance icons:
 * a target outside the process limits on the passing side means the process will consistently
 * pass it (blue P icon), outside on the failing side that it will consistently fail (orange F),
 * and a target between the limits that it will hit and miss it by chance (grey ?).
 */
class SpcAssuranceTest {
  /** 10, 12 alternating, twelve points: mean 11, MR-bar 2, limits 11 +- 5.32 = 5.68 to 16.32. */
  private static List<Double> stable() {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      values.add(10.0);
      values.add(12.0);
    }
    return values;
  }

  @Test
  void allThreeStatesHigherIsBetter() {
    SpcResult spc = XmrChart.evaluate(stable(), Direction.HIGHER);
    // Target 5: the whole band 5.68 to 16.32 is at or above it.
    assertThat(SpcAssurance.of(spc, 5.0, Direction.HIGHER)).contains(SpcAssurance.CONSISTENTLY_PASS);
    // Target 17: none of the band reaches it.
    assertThat(SpcAssurance.of(spc, 17.0, Direction.HIGHER)).contains(SpcAssurance.CONSISTENTLY_FAIL);
    // Target 11: inside the band.
    assertThat(SpcAssurance.of(spc, 11.0, Direction.HIGHER)).contains(SpcAssurance.HIT_AND_MISS);
    assertThat(SpcAssurance.HIT_AND_MISS.label()).isEqualTo("hit_and_miss");
    assertThat(SpcAssurance.CONSISTENTLY_PASS.label()).isEqualTo("consistently_pass");
    assertThat(SpcAssurance.CONSISTENTLY_FAIL.label()).isEqualTo("consistently_fail");
  }

  @Test
  void allThreeStatesLowerIsBetter() {
    SpcResult spc = XmrChart.evaluate(stable(), Direction.LOWER);
    assertThat(SpcAssurance.of(spc, 17.0, Direction.LOWER)).contains(SpcAssurance.CONSISTENTLY_PASS);
    assertThat(SpcAssurance.of(spc, 5.0, Direction.LOWER)).contains(SpcAssurance.CONSISTENTLY_FAIL);
    assertThat(SpcAssurance.of(spc, 11.0, Direction.LOWER)).contains(SpcAssurance.HIT_AND_MISS);
  }

  @Test
  void aLimitOnTheTargetMeetsItAsGreenDoes() {
    // Limits 5 to 15 exactly. Higher is better: lower limit 5 = target 5 meets it (value >= target);
    // upper limit 15 = target 15 meets it at the top of the band, so not a consistent fail.
    SpcResult spc = new SpcResult(SpcSignal.COMMON_CAUSE, 10, 5, 15, List.of(), 12);
    assertThat(SpcAssurance.of(spc, 5.0, Direction.HIGHER)).contains(SpcAssurance.CONSISTENTLY_PASS);
    assertThat(SpcAssurance.of(spc, 15.0, Direction.HIGHER)).contains(SpcAssurance.HIT_AND_MISS);
    assertThat(SpcAssurance.of(spc, 15.0, Direction.LOWER)).contains(SpcAssurance.CONSISTENTLY_PASS);
    assertThat(SpcAssurance.of(spc, 5.0, Direction.LOWER)).contains(SpcAssurance.HIT_AND_MISS);
  }

  @Test
  void noAssuranceWithoutATargetADirectionOrLimits() {
    SpcResult spc = XmrChart.evaluate(stable(), Direction.HIGHER);
    assertThat(SpcAssurance.of(spc, null, Direction.HIGHER)).isEmpty();
    assertThat(SpcAssurance.of(spc, 11.0, Direction.NONE)).isEmpty();
    SpcResult insufficient = XmrChart.evaluate(stable().subList(0, 11), Direction.HIGHER);
    assertThat(SpcAssurance.of(insufficient, 11.0, Direction.HIGHER)).isEmpty();
    assertThatThrownBy(() -> SpcAssurance.of(spc, Double.NaN, Direction.HIGHER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot judge SPC assurance: target must be finite, got NaN");
  }
}
