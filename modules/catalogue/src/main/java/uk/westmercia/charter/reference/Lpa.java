package uk.westmercia.charter.reference;

import java.util.Arrays;
import java.util.Optional;

/** The force and its five local policing areas, fixed by the data contract. */
public enum Lpa {
    HER("Herefordshire"),
    NWO("North Worcestershire"),
    SHR("Shropshire"),
    SWO("South Worcestershire"),
    TWR("Telford & Wrekin");

    public static final String FORCE_CODE = "WM";
    public static final String FORCE_NAME = "West Mercia";

    private final String displayName;

    Lpa(String displayName) {
        this.displayName = displayName;
    }

    public String code() {
        return name();
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Lpa> fromCode(String code) {
        return Arrays.stream(values()).filter(lpa -> lpa.name().equals(code)).findFirst();
    }
}
