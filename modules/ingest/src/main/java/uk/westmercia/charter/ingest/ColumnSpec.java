package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * One input column as the contract states it. {@code defaultValue} stands in for an empty cell of an
 * optional column; {@code personal} columns are pseudonymised at ingest.
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        boolean required,
        List<String> allowedValues,
        Object defaultValue,
        boolean personal,
        Double minimum,
        boolean minimumExclusive) implements Serializable {

    public ColumnSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    }

    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, List.of(), null, false, null, false);
    }

    public static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, List.of(), null, false, null, false);
    }

    public ColumnSpec allowing(String... values) {
        return new ColumnSpec(name, type, required, List.of(values), defaultValue, personal, minimum, minimumExclusive);
    }

    public ColumnSpec withDefault(Object value) {
        return new ColumnSpec(name, type, required, allowedValues, value, personal, minimum, minimumExclusive);
    }

    public ColumnSpec personalData() {
        return new ColumnSpec(name, type, required, allowedValues, defaultValue, true, minimum, minimumExclusive);
    }

    public ColumnSpec atLeast(double value) {
        return new ColumnSpec(name, type, required, allowedValues, defaultValue, personal, value, false);
    }

    public ColumnSpec greaterThan(double value) {
        return new ColumnSpec(name, type, required, allowedValues, defaultValue, personal, value, true);
    }
}
