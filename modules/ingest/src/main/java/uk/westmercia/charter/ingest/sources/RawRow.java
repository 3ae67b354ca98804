package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;

/**
 * One input row as read, before any column rule: its cells by lower-case trimmed header name. A CSV
 * cell is a String, a JSON field may also be a Number, Boolean or List. Empty text counts as missing.
 */
public final class RawRow {
    private final Map<String, Object> cells;

    public RawRow(Map<String, Object> cells) {
        this.cells = requireNonNull(cells, "cells is null");
    }

    /** The cell of a column (matched case-insensitively), its text trimmed; null when absent or empty. */
    public Object cell(String column) {
        Object value = cells.get(column.toLowerCase(Locale.ROOT));
        if (value instanceof String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return value;
    }

    /** {@link #cell} as text. */
    public String text(String column) {
        Object value = cell(column);
        return value == null ? null : value.toString();
    }
}
