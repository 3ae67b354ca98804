package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

/** A town or parish council, inside one SNT. */
public record Parish(String code, String name, String sntCode) {
    public Parish {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(sntCode, "sntCode is null");
    }
}
