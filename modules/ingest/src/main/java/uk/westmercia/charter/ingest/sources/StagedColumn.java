package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

import uk.westmercia.charter.ingest.ColumnSpec;
import uk.westmercia.charter.ingest.ColumnType;

/** One column of a staged table as staging fills it: its name, its type, and whether it may be empty. */
public record StagedColumn(String name, ColumnType type, boolean nullable) {
    public StagedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cannot define a staged column: its name is blank");
        }
    }

    /** A column every staged row has a value in. */
    public static StagedColumn notNull(String name, ColumnType type) {
        return new StagedColumn(name, type, false);
    }

    /** A column a staged row may leave empty. */
    public static StagedColumn nullable(String name, ColumnType type) {
        return new StagedColumn(name, type, true);
    }

    /** A contract column as staged: empty only where it is optional with no default. */
    public static StagedColumn of(ColumnSpec column) {
        return new StagedColumn(column.name(), column.type(), !column.required() && column.defaultValue() == null);
    }
}
