package uk.westmercia.charter.statistics;

import java.util.Locale;

/**
 * The special-cause rules of NHS "Making Data Count" XmR charts, in precedence order: when rules
 * point to different sides of the mean, the first one in this order decides the signal.
 */
public enum SpcRule {
  /** The latest point is above the upper or below the lower process limit. */
  OUTSIDE_LIMITS,
  /** The latest point ends a run of 7 points on one side of the mean. */
  SHIFT,
  /** The latest point ends a run of 7 points strictly rising or strictly falling. */
  TREND,
  /** 2 of the last 3 points are beyond 2/3 of the way from the mean to a limit, same side. */
  TWO_OF_THREE;

  /** Lowercase name, e.g. {@code outside_limits}, {@code two_of_three}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
