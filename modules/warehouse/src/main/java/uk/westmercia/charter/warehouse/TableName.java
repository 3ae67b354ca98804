package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A warehouse table by its path under the warehouse, e.g. {@code metrics/metric_values}. */
public record TableName(String path) {
    private static final Pattern VALID = Pattern.compile("[a-z_]+/[a-z_\\-]+");

    public TableName {
        requireNonNull(path, "path is null");
        if (!VALID.matcher(path).matches()) {
            throw new IllegalArgumentException("Cannot name table '" + path + "': expected <area>/<table>, e.g. metrics/metric_values");
        }
    }

    public static TableName staged(String source) {
        return new TableName("staged/" + source);
    }

    public static TableName rejects(String source) {
        return new TableName("rejects/" + source);
    }

    public static TableName metrics(String table) {
        return new TableName("metrics/" + table);
    }

    /** The short name readers use with {@code export --table}: {@code metric_values}, {@code staged/crime}. */
    public String shortName() {
        return path.startsWith("metrics/") ? path.substring("metrics/".length()) : path;
    }

    @Override
    public String toString() {
        return path;
    }
}
