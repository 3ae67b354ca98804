package uk.westmercia.charter.reporting;

import static java.util.Objects.requireNonNull;

import uk.westmercia.charter.catalogue.MetricDefinition;
import uk.westmercia.charter.catalogue.MetricKind;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.statistics.Direction;

/**
 * What the scorecard needs to know of a metric: from the catalogue when it defines the metric
 * (with the charter promise it measures), else from metric_values itself (name = id, no direction).
 */
public record MetricInfo(String id, String theme, String name, String unit, Direction direction, boolean monthly, String promise,
        boolean heldBackForGroups, boolean stock) {
    public MetricInfo(String id, String theme, String name, String unit, Direction direction, boolean monthly, String promise,
            boolean heldBackForGroups) {
        this(id, theme, name, unit, direction, monthly, promise, heldBackForGroups, false);
    }

    /** A metric the catalogue does not define: no promise to name. */
    public MetricInfo(String id, String theme, String name, String unit, Direction direction, boolean monthly) {
        this(id, theme, name, unit, direction, monthly, "", false);
    }

    public MetricInfo(String id, String theme, String name, String unit, Direction direction, boolean monthly, String promise) {
        this(id, theme, name, unit, direction, monthly, promise, false);
    }

    public MetricInfo {
        requireNonNull(id, "id is null");
        requireNonNull(theme, "theme is null");
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(promise, "promise is null");
    }

    public static MetricInfo of(MetricDefinition definition) {
        return new MetricInfo(definition.id(), definition.theme().code(), definition.name(), definition.unit().label(),
                definition.direction(), definition.periodTypes().contains(PeriodType.MONTH), definition.promise() == null ? "" : definition.promise(),
                definition.kind() == MetricKind.GROUP_GAP, definition.kind() == MetricKind.LATEST_COUNT_RATE);
    }

    /** Why a held-back (low_base) figure is not shown: REL-04 holds back for want of groups, not of responses. */
    public String heldBackReason() {
        return heldBackForGroups ? "fewer than two groups with 50 responses" : Presentation.TOO_FEW_RESPONSES;
    }

    public boolean isPercent() {
        return "percent".equals(unit);
    }

    /**
     * Whether the figure counts what stands (registrations), not a sample or events in a period: it
     * has no interval, so no change test and no funnel, only its value and rank.
     */
    public boolean isStock() {
        return stock;
    }

    public boolean isRate() {
        return "per_1000".equals(unit);
    }
}
