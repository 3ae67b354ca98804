package uk.westmercia.charter.ingest;

/** The types of the data contract's columns. */
public enum ColumnType {
    STRING,
    DATE,
    TIMESTAMP,
    BOOLEAN,
    INTEGER,
    NUMBER,
    /** A calendar month, {@code yyyy-MM}; staged as that text. */
    MONTH,
    STRING_LIST
}
