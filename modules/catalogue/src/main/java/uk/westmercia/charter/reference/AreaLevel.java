package uk.westmercia.charter.reference;

import java.util.Arrays;

/** Area levels of the outputs. */
public enum AreaLevel {
    FORCE("force"),
    LPA("lpa"),
    SNT("snt");

    private final String label;

    AreaLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AreaLevel fromLabel(String label) {
        return Arrays.stream(values())
                .filter(level -> level.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot read area level: unknown '" + label + "', expected one of force, lpa, snt"));
    }
}
