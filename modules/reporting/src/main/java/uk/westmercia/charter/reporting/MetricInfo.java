package uk.westmercia.charter.reporting;

import static java.util.Objects.requireNonNull;

import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.statistics.Direction;

/**
 * What the scorecard needs to know of a metric: from the catalogue when it defines the metric,
 * else from metric_values itself (name = id, no direction).
 */
public record MetricInfo(String id, String theme, String name, String unit, Direction direction, boolean monthly) {
    public MetricInfo {
        requireNonNull(id, "id is null");
        requireNonNull(theme, "theme is null");
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(direction, "direction is null");
    }

    public static MetricInfo of(MetricDefinition definition) {
        return new MetricInfo(definition.id(), definition.theme().code(), definition.name(), definition.unit().label(),
                definition.direction(), definition.periodTypes().contains(PeriodType.MONTH));
    }

    public boolean isPercent() {
        return "percent".equals(unit);
    }

    public boolean isRate() {
        return "per_1000".equals(unit);
    }
}
