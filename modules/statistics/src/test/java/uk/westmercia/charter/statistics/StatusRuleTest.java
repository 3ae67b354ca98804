package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRuleTest {
  @ParameterizedTest(name = "higher, target 75, band 5: {0} -> {1}")
  @CsvSource({
      "80.0, GREEN",   // above target
      "75.0, GREEN",   // on target counts as met
      "72.0, AMBER",   // within 5 below
      "70.0, AMBER",   // exactly target - band
      "69.9, RED"})    // beyond the band
  void higherIsBetter(double value, Status expected) {
    assertThat(StatusRule.status(value, Direction.HIGHER, 75.0, 5.0)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "lower, target 10, band 2: {0} -> {1}")
  @CsvSource({
      "9.0, GREEN",
      "10.0, GREEN",
      "11.0, AMBER",
      "12.0, AMBER",   // exactly target + band
      "12.1, RED"})
  void lowerIsBetterIsMirrored(double value, Status expected) {
    assertThat(StatusRule.status(value, Direction.LOWER, 10.0, 2.0)).isEqualTo(expected);
  }

  @Test
  void missingValueIsNoDataBeforeAnythingElse() {
    assertThat(StatusRule.status(null, Direction.HIGHER, 75.0, 5.0)).isEqualTo(Status.NO_DATA);
    assertThat(StatusRule.status(null, Direction.HIGHER, null, null)).isEqualTo(Status.NO_DATA);
    assertThat(StatusRule.status(Double.NaN, Direction.LOWER, 75.0, 5.0))
        .isEqualTo(Status.NO_DATA);
  }

  @Test
  void noTargetOrNoDirectionIsNoTarget() {
    assertThat(StatusRule.status(50.0, Direction.HIGHER, null, null)).isEqualTo(Status.NO_TARGET);
    assertThat(StatusRule.status(50.0, Direction.NONE, 40.0, 5.0)).isEqualTo(Status.NO_TARGET);
  }

  @Test
  void missingBandMeansNoAmberZone() {
    assertThat(StatusRule.status(74.9, Direction.HIGHER, 75.0, null)).isEqualTo(Status.RED);
    assertThat(StatusRule.status(75.0, Direction.HIGHER, 75.0, null)).isEqualTo(Status.GREEN);
  }

  @Test
  void lowBaseThreshold() {
    assertThat(StatusRule.LOW_BASE_THRESHOLD).isEqualTo(50);
    assertThat(StatusRule.isLowBase(49)).isTrue();
    assertThat(StatusRule.isLowBase(50)).isFalse();
    assertThatThrownBy(() -> StatusRule.isLowBase(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot check base size: unweighted base must be >= 0, got -1");
  }

  @Test
  void labelsAreTheContractNames() {
    assertThat(Status.GREEN.label()).isEqualTo("green");
    assertThat(Status.AMBER.label()).isEqualTo("amber");
    assertThat(Status.RED.label()).isEqualTo("red");
    assertThat(Status.NO_TARGET.label()).isEqualTo("no_target");
    assertThat(Status.LOW_BASE.label()).isEqualTo("low_base");
    assertThat(Status.NO_DATA.label()).isEqualTo("no_data");
    assertThat(Status.AMBER.isRated()).isTrue();
    assertThat(Status.NO_TARGET.isRated()).isFalse();
  }

  @Test
  void directionLabels() {
    assertThat(Direction.HIGHER.label()).isEqualTo("higher");
    assertThat(Direction.LOWER.label()).isEqualTo("lower");
    assertThat(Direction.NONE.label()).isEqualTo("none");
    assertThat(Direction.fromLabel(" Lower")).isEqualTo(Direction.LOWER);
    assertThatThrownBy(() -> Direction.fromLabel("up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot parse direction: expected one of higher, lower, none, got 'up'");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> StatusRule.status(1.0, Direction.HIGHER, 2.0, -1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute status: amber band must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> StatusRule.status(1.0, Direction.HIGHER, Double.NaN, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute status: target must be finite, got NaN");
    assertThatThrownBy(() -> StatusRule.status(1.0, null, 2.0, 1.0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("direction is null");
  }
}
