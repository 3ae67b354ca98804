package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.westmercia.charter.ingest.RowOutcome;

/**
 * One row whose contract columns each passed their own rules, as its source's {@link RowRules.OnColumns}
 * see it: typed values by column name (personal data already pseudonymised), and the date its file's
 * name carries, if any.
 */
public final class ContractRow {
    private final SourceDefinition definition;
    private final Object[] typed;
    private final Optional<LocalDate> fileDate;

    private ContractRow(SourceDefinition definition, Object[] typed, Optional<LocalDate> fileDate) {
        this.definition = requireNonNull(definition, "definition is null");
        this.typed = requireNonNull(typed, "typed is null");
        this.fileDate = requireNonNull(fileDate, "fileDate is null");
        if (typed.length != definition.columns().size()) {
            throw new IllegalArgumentException("Cannot read a row of " + definition.source().folder() + ": " + typed.length
                    + " values for " + definition.columns().size() + " columns");
        }
    }

    /** A row of {@code definition}: one value per contract column, in the contract's order. */
    public static ContractRow of(SourceDefinition definition, Object[] typed, Optional<LocalDate> fileDate) {
        return new ContractRow(definition, typed, fileDate);
    }

    /** The typed value of a contract column; null when the cell was empty and the column has no default. */
    public Object get(String column) {
        return typed[definition.columnIndex(column)];
    }

    public String string(String column) {
        return (String) get(column);
    }

    public LocalDate date(String column) {
        return (LocalDate) get(column);
    }

    public Instant instant(String column) {
        return (Instant) get(column);
    }

    /** The extract date in the file's name (yyyy-MM-dd or yyyyMMdd), if it has one. */
    public Optional<LocalDate> fileDate() {
        return fileDate;
    }

    /** The row staged: its contract values, then {@code derived}, one per derived column in order. */
    public RowOutcome.Staged stage(Object... derived) {
        int expected = definition.derivedColumns().size();
        if (derived.length != expected) {
            throw new IllegalStateException("Cannot stage a row of " + definition.source().folder() + ": " + derived.length
                    + " derived values for " + expected + " derived columns");
        }
        Object[] values = new Object[typed.length + derived.length];
        System.arraycopy(typed, 0, values, 0, typed.length);
        System.arraycopy(derived, 0, values, typed.length, derived.length);
        return new RowOutcome.Staged(values);
    }
}
