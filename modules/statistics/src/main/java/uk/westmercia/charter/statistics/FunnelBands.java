package uk.westmercia.charter.statistics;

import static uk.westmercia.charter.statistics.Preconditions.checkArgument;

/**
 * The four funnel limits at one base size, on the scale of the plotted value (percent, or rate
 * per unit), ordered {@code lower99_8 <= lower95 <= upper95 <= upper99_8}. A chart draws the
 * funnel by evaluating these over a range of bases.
 */
public record FunnelBands(double lower99_8, double lower95, double upper95, double upper99_8) {
  public FunnelBands {
    checkArgument(lower99_8 <= lower95 && lower95 <= upper95 && upper95 <= upper99_8,
        "Cannot create funnel bands: limits must be ordered lower99_8 <= lower95 <= upper95"
            + " <= upper99_8, got %s, %s, %s, %s",
        lower99_8, lower95, upper95, upper99_8);
  }

  static FunnelBands of(Interval limits95, Interval limits99_8) {
    return new FunnelBands(limits99_8.low(), limits95.low(), limits95.high(), limits99_8.high());
  }

  /** The same bands multiplied by {@code factor} (&gt; 0): from a count's scale to a rate's, say. */
  public FunnelBands scale(double factor) {
    checkArgument(Double.isFinite(factor) && factor > 0,
        "Cannot scale funnel bands: factor must be finite and > 0, got %s", factor);
    return new FunnelBands(lower99_8 * factor, lower95 * factor, upper95 * factor, upper99_8 * factor);
  }

  /** The 95% limits. */
  public Interval limits95() {
    return new Interval(lower95, upper95);
  }

  /** The 99.8% limits. */
  public Interval limits99_8() {
    return new Interval(lower99_8, upper99_8);
  }

  /**
   * The place of {@code value}, on the same scale as these bands. The 99.8% limits are checked
   * before the 95% ones; a value exactly on a limit is inside it.
   */
  public FunnelPlace place(double value) {
    checkArgument(!Double.isNaN(value), "Cannot place value on funnel: value is NaN");
    if (value > upper99_8) {
      return FunnelPlace.ABOVE_99_8;
    }
    if (value < lower99_8) {
      return FunnelPlace.BELOW_99_8;
    }
    if (value > upper95) {
      return FunnelPlace.ABOVE_95;
    }
    if (value < lower95) {
      return FunnelPlace.BELOW_95;
    }
    return FunnelPlace.WITHIN;
  }
}
