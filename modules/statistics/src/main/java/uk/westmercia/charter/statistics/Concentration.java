package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Concentration of harm on a few locations (metrics.md VUL-03 "Harm concentration"). */
public final class Concentration {
  /** The fraction of locations VUL-03 looks at: the top 5%. */
  public static final double VUL_03_FRACTION = 0.05;

  private Concentration() {}

  /**
   * Share of total harm, as a percent, in the k locations with most harm, where
   * k = ceil(fraction x number of locations).
   *
   * @param harmByLocation total harm of each distinct location (one entry per location), each
   *     finite and &gt;= 0
   * @param fraction fraction of locations in (0, 1], e.g. 0.05
   * @return 100 x (sum of the top k) / (sum of all), in [0, 100]; NaN when there are no
   *     locations or the total harm is 0 (the share is undefined: the caller writes null, and
   *     the value's status is no_data)
   */
  public static double topShare(double[] harmByLocation, double fraction) {
    requireNonNull(harmByLocation, "harmByLocation is null");
    checkArgument(fraction > 0 && fraction <= 1,
        "Cannot compute top share: fraction must be in (0, 1], got %s", fraction);
    double total = 0;
    for (double harm : harmByLocation) {
      checkArgument(Double.isFinite(harm) && harm >= 0,
          "Cannot compute top share: harm must be finite and >= 0, got %s", harm);
      total += harm;
    }
    if (harmByLocation.length == 0 || total == 0) {
      return Double.NaN;
    }
    int k = topCount(harmByLocation.length, fraction);
    double[] sorted = harmByLocation.clone();
    Arrays.sort(sorted);
    double top = 0;
    for (int i = sorted.length - k; i < sorted.length; i++) {
      top += sorted[i];
    }
    // top and total are summed in different orders, so with k = all locations the ratio can
    // exceed 100 by an ulp.
    return Math.min(100.0, 100.0 * top / total);
  }

  /**
   * k = ceil(fraction x locations), computed on the decimal value of fraction: in binary
   * arithmetic 0.07 x 100 is 7.000000000000001, whose ceiling would be 8 instead of 7.
   */
  static int topCount(int locations, double fraction) {
    return BigDecimal.valueOf(fraction)
        .multiply(BigDecimal.valueOf(locations))
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }
}
