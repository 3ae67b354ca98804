package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * One unit's z-score against its set's centre, with the standard error it was taken on
 * (Spiegelhalter 2005): z = (y - y0) / s.
 *
 * @param z the z-score, finite
 * @param standardError s, the unit's standard error under the centre, finite and &gt; 0
 */
public record UnitZScore(double z, double standardError) {
  public UnitZScore {
    checkArgument(Double.isFinite(z), "Cannot create z-score: z must be finite, got %s", z);
    checkArgument(Double.isFinite(standardError) && standardError > 0,
        "Cannot create z-score: standard error must be finite and > 0, got %s", standardError);
  }

  /** The z-score of {@code value} against {@code centre} with standard error {@code s}. */
  public static UnitZScore of(double value, double centre, double standardError) {
    checkArgument(Double.isFinite(value) && Double.isFinite(centre),
        "Cannot compute z-score: value and centre must be finite, got %s and %s", value, centre);
    checkArgument(Double.isFinite(standardError) && standardError > 0,
        "Cannot compute z-score: standard error must be finite and > 0, got %s", standardError);
    return new UnitZScore((value - centre) / standardError, standardError);
  }
}
