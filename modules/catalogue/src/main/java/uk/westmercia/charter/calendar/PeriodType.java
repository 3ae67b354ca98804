package uk.westmercia.charter.calendar;

import java.util.Arrays;

/** The period types of the data contract; {@link #WEEK} is used inside VIS-01 only. */
public enum PeriodType {
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    FINANCIAL_YEAR("fyear");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    /** The contract's name, as written to {@code period_type}. */
    public String label() {
        return label;
    }

    public static PeriodType fromLabel(String label) {
        return Arrays.stream(values())
                .filter(type -> type.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot read period type: unknown '" + label + "', expected one of week, month, quarter, fyear"));
    }
}
