package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * XmR (individuals and moving range) chart with the NHS "Making Data Count" rules
 * (metrics.md, "SPC: variation and assurance"; change points in {@link #evaluate(List, Direction, int)},
 * assurance against a target in {@link SpcAssurance}).
 *
 * <p>Over the last up to {@link #MAX_POINTS} values (at least {@link #MIN_POINTS}, else
 * {@link SpcSignal#INSUFFICIENT_DATA}): mean, mean moving range MR-bar = mean |x_i - x_(i-1)|,
 * process limits mean +- 2.66 MR-bar (2.66 = 3 / d2, d2 = 1.128 for ranges of two points).
 * Only the LATEST point is judged, since the scorecard reports the series' current state:
 * <ul>
 *   <li>{@link SpcRule#OUTSIDE_LIMITS}: latest point strictly above the upper or below the lower
 *       limit;
 *   <li>{@link SpcRule#SHIFT}: the last 7 points strictly on one side of the mean (a point equal
 *       to the mean breaks the run);
 *   <li>{@link SpcRule#TREND}: the last 7 points strictly rising or strictly falling (a repeated
 *       value breaks the run);
 *   <li>{@link SpcRule#TWO_OF_THREE}: at least 2 of the last 3 points strictly beyond 2/3 of the
 *       way from the mean to the limit, on the same side.
 * </ul>
 * Each rule fires on one side (up or down). The signal follows the side of the first rule in
 * {@link SpcRule} order (outside limits, shift, trend, two of three), so an upward shift that
 * ends in a falling trend counts as up: a run on one side is stronger evidence of where the
 * process is than the slope of the last few points. Up is {@link SpcSignal#IMPROVEMENT} for
 * {@link Direction#HIGHER} and {@link SpcSignal#CONCERN} for {@link Direction#LOWER}, and the
 * reverse for down; for {@link Direction#NONE} any special cause is
 * {@link SpcSignal#SPECIAL_CAUSE}.
 */
public final class XmrChart {
  /** Fewer values than this give {@link SpcSignal#INSUFFICIENT_DATA}. */
  public static final int MIN_POINTS = 12;
  /** Only the latest this-many values are used. */
  public static final int MAX_POINTS = 24;
  /** 3 / d2 with d2 = 1.128: converts the mean moving range into 3-sigma limits. */
  public static final double LIMIT_FACTOR = 2.66;
  /** Length of a shift (run on one side) or trend (strict run up or down). */
  public static final int RUN_LENGTH = 7;

  private enum Side { UP, DOWN }

  private record Finding(SpcRule rule, Side side) {}

  private XmrChart() {}

  /**
   * Evaluates the latest point of a monthly series.
   *
   * @param values the series in time order, oldest first; no nulls or NaNs (leave out months
   *     without a value before calling)
   * @param direction the metric's improvement direction
   */
  public static SpcResult evaluate(List<Double> values, Direction direction) {
    return evaluate(values, direction, 0);
  }

  /**
   * Evaluates the latest point of a monthly series whose process changed at
   * {@code changePoint} (metrics.md, "SPC: variation and assurance": a month listed in
   * {@code reference/spc-baselines.csv}). Only the values from that index on count: the limits
   * are taken over the last up to {@link #MAX_POINTS} of them, and fewer than
   * {@link #MIN_POINTS} of them give {@link SpcSignal#INSUFFICIENT_DATA}, however many months
   * came before the change. Limits are never re-based automatically.
   *
   * @param values the series in time order, oldest first; no nulls or NaNs
   * @param changePoint index of the first value of the current process, in [0, values.size()];
   *     0 when the process has not changed (values.size() when it changed after the latest
   *     value: nothing to chart yet)
   */
  public static SpcResult evaluate(List<Double> values, Direction direction, int changePoint) {
    requireNonNull(values, "values is null");
    requireNonNull(direction, "direction is null");
    for (int i = 0; i < values.size(); i++) {
      Double value = values.get(i);
      checkArgument(value != null && Double.isFinite(value),
          "Cannot evaluate XmR chart: values must be finite and not null, got %s at index %s",
          value, i);
    }
    checkArgument(changePoint >= 0 && changePoint <= values.size(),
        "Cannot evaluate XmR chart: change point must be in [0, %s], got %s",
        values.size(), changePoint);
    int used = Math.min(values.size() - changePoint, MAX_POINTS);
    if (used < MIN_POINTS) {
      return SpcResult.insufficientData(used);
    }
    double[] x = values.subList(values.size() - used, values.size()).stream()
        .mapToDouble(Double::doubleValue)
        .toArray();

    double mean = 0;
    for (double value : x) {
      mean += value;
    }
    mean /= x.length;
    double movingRange = 0;
    for (int i = 1; i < x.length; i++) {
      movingRange += Math.abs(x[i] - x[i - 1]);
    }
    movingRange /= x.length - 1;
    double upper = mean + LIMIT_FACTOR * movingRange;
    double lower = mean - LIMIT_FACTOR * movingRange;

    List<Finding> findings = findings(x, mean, lower, upper);
    List<SpcRule> rules = findings.stream().map(Finding::rule).toList();
    SpcSignal signal = findings.isEmpty()
        ? SpcSignal.COMMON_CAUSE
        : signal(findings.get(0).side(), direction);
    return new SpcResult(signal, mean, lower, upper, rules, used);
  }

  /** Findings in {@link SpcRule} order, which is the precedence order. */
  private static List<Finding> findings(double[] x, double mean, double lower, double upper) {
    int last = x.length - 1;
    List<Finding> findings = new ArrayList<>();

    if (x[last] > upper) {
      findings.add(new Finding(SpcRule.OUTSIDE_LIMITS, Side.UP));
    } else if (x[last] < lower) {
      findings.add(new Finding(SpcRule.OUTSIDE_LIMITS, Side.DOWN));
    }

    int above = 0;
    int below = 0;
    int rising = 0;
    int falling = 0;
    for (int i = last - RUN_LENGTH + 1; i <= last; i++) {
      above += x[i] > mean ? 1 : 0;
      below += x[i] < mean ? 1 : 0;
      if (i > last - RUN_LENGTH + 1) {
        rising += x[i] > x[i - 1] ? 1 : 0;
        falling += x[i] < x[i - 1] ? 1 : 0;
      }
    }
    if (above == RUN_LENGTH) {
      findings.add(new Finding(SpcRule.SHIFT, Side.UP));
    } else if (below == RUN_LENGTH) {
      findings.add(new Finding(SpcRule.SHIFT, Side.DOWN));
    }
    // A run of 7 points has 6 steps between them.
    if (rising == RUN_LENGTH - 1) {
      findings.add(new Finding(SpcRule.TREND, Side.UP));
    } else if (falling == RUN_LENGTH - 1) {
      findings.add(new Finding(SpcRule.TREND, Side.DOWN));
    }

    double upperZone = mean + 2.0 / 3.0 * (upper - mean);
    double lowerZone = mean - 2.0 / 3.0 * (mean - lower);
    int nearUpper = 0;
    int nearLower = 0;
    for (int i = last - 2; i <= last; i++) {
      nearUpper += x[i] > upperZone ? 1 : 0;
      nearLower += x[i] < lowerZone ? 1 : 0;
    }
    // Of three points at most one side can hold two.
    if (nearUpper >= 2) {
      findings.add(new Finding(SpcRule.TWO_OF_THREE, Side.UP));
    } else if (nearLower >= 2) {
      findings.add(new Finding(SpcRule.TWO_OF_THREE, Side.DOWN));
    }
    return findings;
  }

  private static SpcSignal signal(Side side, Direction direction) {
    return switch (direction) {
      case HIGHER -> side == Side.UP ? SpcSignal.IMPROVEMENT : SpcSignal.CONCERN;
      case LOWER -> side == Side.UP ? SpcSignal.CONCERN : SpcSignal.IMPROVEMENT;
      case NONE -> SpcSignal.SPECIAL_CAUSE;
    };
  }
}
