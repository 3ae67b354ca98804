package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

/** A local authority district, the area of data.police.uk rows. */
public record District(String code, String name, Lpa lpa, long population) {
    public District {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(lpa, "lpa is null");
        if (population < 0) {
            throw new IllegalArgumentException("Cannot create district " + code + ": population must be >= 0, was " + population);
        }
    }
}
