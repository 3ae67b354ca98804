package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.Arrays;

/** Exact medians (metrics.md RSP-02: "Exact median (mean of the two middle values)"). */
public final class Medians {
  private Medians() {}

  /**
   * The exact median: the middle value for an odd count, the mean of the two middle values for
   * an even count. Exact rather than Spark's approximate percentile, which the contract rules
   * out. The input array is not modified.
   *
   * @throws IllegalArgumentException when values is empty or holds a NaN or infinity
   */
  public static double exactMedian(double[] values) {
    requireNonNull(values, "values is null");
    checkArgument(values.length > 0, "Cannot compute median: values is empty");
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    // Arrays.sort puts -Infinity first and NaN after +Infinity, so checking both ends suffices.
    checkArgument(Double.isFinite(sorted[0]) && Double.isFinite(sorted[sorted.length - 1]),
        "Cannot compute median: values must be finite");
    int middle = sorted.length / 2;
    if (sorted.length % 2 == 1) {
      return sorted[middle];
    }
    // a + (b - a) / 2 rather than (a + b) / 2, which could overflow for huge values.
    return sorted[middle - 1] + (sorted[middle] - sorted[middle - 1]) / 2;
  }
}
