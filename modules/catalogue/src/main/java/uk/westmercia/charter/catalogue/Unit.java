package uk.westmercia.charter.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The unit of a metric's value. */
public enum Unit {
    PERCENT("percent"),
    PER_1000("per_1000"),
    COUNT("count"),
    DAYS("days"),
    POINTS("points");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Unit fromLabel(String label) {
        return Arrays.stream(values()).filter(unit -> unit.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot read unit: unknown '" + label
                        + "', expected one of percent, per_1000, count, days, points"));
    }
}
