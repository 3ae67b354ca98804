package uk.westmercia.charter.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.reference.AreaLevel;
import uk.westmercia.charter.statistics.Direction;

/** One charter metric: what it measures, for which promise, and how it is computed. */
public record MetricDefinition(
        String id,
        Theme theme,
        String name,
        String promise,
        Source source,
        Unit unit,
        Direction direction,
        List<AreaLevel> areaLevels,
        List<PeriodType> periodTypes,
        MetricKind kind,
        MetricParameters parameters) implements java.io.Serializable {

    public MetricDefinition {
        requireNonNull(id, "id is null");
        requireNonNull(theme, "theme is null");
        requireNonNull(name, "name is null");
        requireNonNull(promise, "promise is null");
        requireNonNull(source, "source is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(direction, "direction is null");
        areaLevels = List.copyOf(requireNonNull(areaLevels, "areaLevels is null"));
        periodTypes = List.copyOf(requireNonNull(periodTypes, "periodTypes is null"));
        requireNonNull(kind, "kind is null");
        requireNonNull(parameters, "parameters is null");
        if (!id.startsWith(theme.code() + "-")) {
            throw new IllegalArgumentException("Cannot define metric " + id + ": its id does not start with its theme " + theme.code());
        }
        if (areaLevels.isEmpty() || periodTypes.isEmpty()) {
            throw new IllegalArgumentException("Cannot define metric " + id + ": it needs at least one area level and one period type");
        }
    }

    /** Survey figures are the ones that get {@code low_base} ({@link Source#isSurvey}). */
    public boolean isSurvey() {
        return source.isSurvey();
    }
}
