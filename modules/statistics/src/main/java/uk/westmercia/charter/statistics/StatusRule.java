package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * Status of a value against its target (metrics.md, "Intervals, base sizes, status").
 *
 * <p>{@link Status#LOW_BASE} is not decided here: it applies to survey figures only and needs
 * the unweighted base, so the caller checks {@link #isLowBase(long)} first and only then asks
 * for {@link #status(Double, Direction, Double, Double)}.
 */
public final class StatusRule {
  /** Survey figures with an unweighted base below this get {@link Status#LOW_BASE}. */
  public static final int LOW_BASE_THRESHOLD = 50;

  private StatusRule() {}

  /** True when an unweighted survey base is below {@link #LOW_BASE_THRESHOLD}. */
  public static boolean isLowBase(long unweightedBase) {
    checkArgument(unweightedBase >= 0,
        "Cannot check base size: unweighted base must be >= 0, got %s", unweightedBase);
    return unweightedBase < LOW_BASE_THRESHOLD;
  }

  /**
   * The status of {@code value} against {@code target}, checked in this order:
   * <ol>
   *   <li>null (or NaN) value: {@link Status#NO_DATA};
   *   <li>null target, or {@link Direction#NONE}: {@link Status#NO_TARGET};
   *   <li>higher is better: green when value &gt;= target, amber when
   *       value &gt;= target - amberBand, else red;
   *   <li>lower is better, mirrored: green when value &lt;= target, amber when
   *       value &lt;= target + amberBand, else red.
   * </ol>
   * A null {@code amberBand} means no amber zone (band 0): a value short of target is red.
   *
   * @throws IllegalArgumentException when the target or band is not finite or the band is
   *     negative
   */
  public static Status status(Double value, Direction direction, Double target, Double amberBand) {
    requireNonNull(direction, "direction is null");
    if (value == null || value.isNaN()) {
      return Status.NO_DATA;
    }
    if (target == null || direction == Direction.NONE) {
      return Status.NO_TARGET;
    }
    checkArgument(Double.isFinite(target),
        "Cannot compute status: target must be finite, got %s", target);
    double band = amberBand == null ? 0.0 : amberBand;
    checkArgument(Double.isFinite(band) && band >= 0,
        "Cannot compute status: amber band must be finite and >= 0, got %s", amberBand);

    // Compared in exactly the spec's form (value >= target - band, not target - value <= band)
    // so that figures on a boundary agree with any other implementation to the last bit.
    if (direction == Direction.HIGHER) {
      if (value >= target) {
        return Status.GREEN;
      }
      return value >= target - band ? Status.AMBER : Status.RED;
    }
    if (value <= target) {
      return Status.GREEN;
    }
    return value <= target + band ? Status.AMBER : Status.RED;
  }
}
