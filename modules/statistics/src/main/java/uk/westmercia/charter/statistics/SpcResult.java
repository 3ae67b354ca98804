package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.List;

/**
 * Outcome of an XmR chart, with what a chart needs to draw it.
 *
 * @param signal the signal of the latest point
 * @param mean centre line over the points used; NaN when {@link SpcSignal#INSUFFICIENT_DATA}
 * @param lowerLimit mean - 2.66 * mean moving range (not clamped at 0); NaN when insufficient
 * @param upperLimit mean + 2.66 * mean moving range; NaN when insufficient
 * @param rulesTriggered every rule that fired on the latest point, in precedence order
 *     ({@link SpcRule} order); empty for common cause and insufficient data
 * @param pointsUsed how many of the latest values the chart used (12 to 24, or fewer when
 *     insufficient)
 */
public record SpcResult(
    SpcSignal signal,
    double mean,
    double lowerLimit,
    double upperLimit,
    List<SpcRule> rulesTriggered,
    int pointsUsed) {
  public SpcResult {
    requireNonNull(signal, "signal is null");
    requireNonNull(rulesTriggered, "rulesTriggered is null");
    rulesTriggered = List.copyOf(rulesTriggered);
    checkArgument(pointsUsed >= 0,
        "Cannot create SPC result: pointsUsed must be >= 0, got %s", pointsUsed);
    checkArgument(signal == SpcSignal.INSUFFICIENT_DATA || lowerLimit <= upperLimit,
        "Cannot create SPC result: lower limit must be <= upper limit, got %s and %s",
        lowerLimit, upperLimit);
    boolean special = signal == SpcSignal.IMPROVEMENT || signal == SpcSignal.CONCERN
        || signal == SpcSignal.SPECIAL_CAUSE;
    checkArgument(special != rulesTriggered.isEmpty(),
        "Cannot create SPC result: signal %s does not match rules %s", signal, rulesTriggered);
  }

  static SpcResult insufficientData(int pointsUsed) {
    return new SpcResult(
        SpcSignal.INSUFFICIENT_DATA, Double.NaN, Double.NaN, Double.NaN, List.of(), pointsUsed);
  }

  /** Labels of {@link #rulesTriggered()}, e.g. {@code [shift, trend]}. */
  public List<String> ruleLabels() {
    return rulesTriggered.stream().map(SpcRule::label).toList();
  }

  /** The line 2/3 of the way from the mean to the upper limit (the "two of three" zone). */
  public double upperTwoThirds() {
    return mean + 2.0 / 3.0 * (upperLimit - mean);
  }

  /** The line 2/3 of the way from the mean to the lower limit. */
  public double lowerTwoThirds() {
    return mean - 2.0 / 3.0 * (mean - lowerLimit);
  }
}
