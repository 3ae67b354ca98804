package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Optional;

/**
 * NHS "Making Data Count" assurance: will the process meet its target if nothing changes
 * (metrics.md, "SPC: variation and assurance")? Judged on the band between the XmR chart's
 * process limits, where the process's values fall when it is stable:
 * <ul>
 *   <li>{@link #CONSISTENTLY_PASS}: every value in the band meets the target;
 *   <li>{@link #CONSISTENTLY_FAIL}: no value in the band meets it;
 *   <li>{@link #HIT_AND_MISS}: the target lies between the limits, so the process will meet
 *       it some months and miss it in others by common-cause variation alone.
 * </ul>
 * "Meets" is the status rule's green: value &gt;= target when higher is better, value &lt;= target
 * when lower is better. A limit exactly on the target therefore meets it.
 */
public enum SpcAssurance {
  CONSISTENTLY_PASS,
  CONSISTENTLY_FAIL,
  HIT_AND_MISS;

  /** The contract spelling: {@code consistently_pass}, {@code consistently_fail}, {@code hit_and_miss}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The assurance of a chart against a target.
   *
   * @param spc the chart of the series
   * @param target the metric's target, or null when it has none
   * @param direction the metric's improvement direction
   * @return empty when there is no target, no better direction ({@link Direction#NONE}), or no
   *     limits ({@link SpcSignal#INSUFFICIENT_DATA})
   */
  public static Optional<SpcAssurance> of(SpcResult spc, Double target, Direction direction) {
    requireNonNull(spc, "spc is null");
    requireNonNull(direction, "direction is null");
    if (target == null || direction == Direction.NONE
        || spc.signal() == SpcSignal.INSUFFICIENT_DATA) {
      return Optional.empty();
    }
    checkArgument(Double.isFinite(target),
        "Cannot judge SPC assurance: target must be finite, got %s", target);
    double lower = spc.lowerLimit();
    double upper = spc.upperLimit();
    if (direction == Direction.HIGHER) {
      if (lower >= target) {
        return Optional.of(CONSISTENTLY_PASS);
      }
      return Optional.of(upper < target ? CONSISTENTLY_FAIL : HIT_AND_MISS);
    }
    if (upper <= target) {
      return Optional.of(CONSISTENTLY_PASS);
    }
    return Optional.of(lower > target ? CONSISTENTLY_FAIL : HIT_AND_MISS);
  }
}
