package uk.westmercia.charter.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A metric kind's parameters, as the catalogue gives them. */
public record MetricParameters(String metricId, Map<String, Object> values) implements java.io.Serializable {
    public MetricParameters {
        requireNonNull(metricId, "metricId is null");
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("Cannot read parameter " + name + " of " + metricId + ": expected text, was " + value);
        }
        return Optional.of(text);
    }

    public List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw missing(name);
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("Cannot read parameter " + name + " of " + metricId + ": expected a list of text, was " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }

    public boolean flag(String name, boolean defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException("Cannot read parameter " + name + " of " + metricId + ": expected true or false, was " + value);
        }
        return flag;
    }

    public double number(String name) {
        Object value = values.get(name);
        if (!(value instanceof Number number)) {
            throw value == null ? missing(name)
                    : new IllegalArgumentException("Cannot read parameter " + name + " of " + metricId + ": expected a number, was " + value);
        }
        return number.doubleValue();
    }

    private IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("Cannot read parameters of " + metricId + ": '" + name + "' is missing");
    }
}
