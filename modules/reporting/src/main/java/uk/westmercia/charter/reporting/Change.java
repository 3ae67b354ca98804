package uk.westmercia.charter.reporting;

/**
 * A change from an earlier figure to the current one: current minus earlier, in the metric's unit
 * (percentage points for percents). {@code pValue} and {@code significant} are null when the change
 * was not tested (other units, or no variance to test against).
 */
public record Change(Double change, Double pValue, Boolean significant) {
    public static final Change NONE = new Change(null, null, null);
}
