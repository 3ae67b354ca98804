package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * A closed interval [low, high], e.g. a confidence interval or a pair of control limits.
 *
 * <p>Bounds may be infinite (an unbounded side) but never NaN: a missing interval is represented
 * by the caller as null, not by a NaN-filled record.
 */
public record Interval(double low, double high) {
  public Interval {
    checkArgument(!Double.isNaN(low) && !Double.isNaN(high),
        "Cannot create interval: bounds must not be NaN, got [%s, %s]", low, high);
    checkArgument(low <= high,
        "Cannot create interval: low must be <= high, got [%s, %s]", low, high);
  }

  public static Interval of(double low, double high) {
    return new Interval(low, high);
  }

  public double width() {
    return high - low;
  }

  /** True when {@code low <= value <= high}; a value on a bound is inside. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  /** This interval multiplied by a positive factor, e.g. 100 to turn proportions into percents. */
  public Interval scale(double factor) {
    checkArgument(factor > 0 && Double.isFinite(factor),
        "Cannot scale interval: factor must be finite and > 0, got %s", factor);
    return new Interval(low * factor, high * factor);
  }
}
