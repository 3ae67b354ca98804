package uk.westmercia.charter.statistics;

import java.util.Locale;

/** The SPC signal of a metric's monthly series, written to the scorecard by {@link #label()}. */
public enum SpcSignal {
  /** Special cause in the metric's better direction. */
  IMPROVEMENT,
  /** Special cause in the metric's worse direction. */
  CONCERN,
  /** No special-cause rule fired on the latest point. */
  COMMON_CAUSE,
  /** Fewer than {@link XmrChart#MIN_POINTS} values. */
  INSUFFICIENT_DATA,
  /**
   * Special cause on a metric with {@link Direction#NONE}, where improvement/concern has no
   * meaning. Not in the metrics.md signal list; no monthly (m) metric has direction none today,
   * so the scorecard does not meet it, but a chart of such a series still gets an honest answer.
   */
  SPECIAL_CAUSE;

  /**
   * The contract spelling: {@code improvement}, {@code concern}, {@code common_cause},
   * {@code insufficient_data} (and {@code special_cause}).
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
