package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

/** A metric's target and amber band, from targets.csv. */
public record Target(String metricId, double target, double amberBand) implements java.io.Serializable {
    public Target {
        requireNonNull(metricId, "metricId is null");
        if (amberBand < 0) {
            throw new IllegalArgumentException("Cannot create target for " + metricId + ": amber_band must be >= 0, was " + amberBand);
        }
    }
}
