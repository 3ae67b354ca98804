package uk.westmercia.charter.ingest;

/** The data contract's reason codes for a rejected row. */
public enum RejectReason {
    MALFORMED,
    MISSING_REQUIRED,
    BAD_DATE,
    BAD_TIMESTAMP,
    BAD_NUMBER,
    BAD_BOOLEAN,
    UNKNOWN_VALUE,
    UNKNOWN_AREA,
    DUPLICATE_KEY,
    TIME_ORDER,
    OUT_OF_RANGE
}
