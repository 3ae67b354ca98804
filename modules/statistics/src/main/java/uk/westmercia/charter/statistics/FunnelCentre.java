package uk.westmercia.charter.statistics;

import static java.util.Objects.requireNonNull;
import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

import java.util.List;

/**
 * The centre y0 of a funnel plot (metrics.md, "Area comparison"): the figure pooled over the
 * units compared, the sum of their numerators over the sum of their denominators (for weighted
 * surveys, of their weighted sums), times the unit's scale (100 for percents, 1,000 for rates
 * per 1,000). Not the force figure: records with no area (police.uk rows without a location)
 * count in the force's figure but in no unit's, and would pull the centre off the units.
 */
public final class FunnelCentre {
  private FunnelCentre() {}

  /** One unit's numerator and denominator. */
  public record Ratio(double numerator, double denominator) {
    public Ratio {
      checkArgument(Double.isFinite(numerator) && numerator >= 0,
          "Cannot create ratio: numerator must be finite and >= 0, got %s", numerator);
      checkArgument(Double.isFinite(denominator) && denominator >= 0,
          "Cannot create ratio: denominator must be finite and >= 0, got %s", denominator);
    }
  }

  /**
   * scale x sum(numerators) / sum(denominators).
   *
   * @return NaN when there are no units or their denominators sum to 0 (no centre: the caller
   *     places nothing)
   */
  public static double pooled(List<Ratio> units, double scale) {
    requireNonNull(units, "units is null");
    checkArgument(Double.isFinite(scale) && scale > 0,
        "Cannot pool funnel centre: scale must be finite and > 0, got %s", scale);
    double numerator = 0;
    double denominator = 0;
    for (Ratio unit : units) {
      numerator += unit.numerator();
      denominator += unit.denominator();
    }
    return denominator > 0 ? scale * numerator / denominator : Double.NaN;
  }
}
