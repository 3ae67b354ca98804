package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

/** A safer neighbourhood team. */
public record Snt(String code, String name, Lpa lpa) {
    public Snt {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(lpa, "lpa is null");
    }
}
