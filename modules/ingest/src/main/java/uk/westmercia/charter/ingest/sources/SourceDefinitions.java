package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.westmercia.charter.catalogue.Source;

/** Every source's definition, one per {@link Source}: a new source adds its definition here. */
public final class SourceDefinitions {
    private static final Map<Source, SourceDefinition> BY_SOURCE = index(List.of(
            CrimeSource.DEFINITION,
            PoliceUkSource.DEFINITION,
            ContactsSource.DEFINITION,
            EngagementSource.DEFINITION,
            SurveyPublicSource.DEFINITION,
            SurveyParishSource.DEFINITION,
            PatrolsSource.DEFINITION,
            PrioritiesSource.DEFINITION,
            NeighbourhoodMattersSource.DEFINITION));

    private SourceDefinitions() {
    }

    /** The definition of {@code source}. */
    public static SourceDefinition of(Source source) {
        return BY_SOURCE.get(requireNonNull(source, "source is null"));
    }

    /** Every definition, in the order of {@link Source}. */
    public static List<SourceDefinition> all() {
        return List.copyOf(BY_SOURCE.values());
    }

    /** The definitions by source; refused unless every source has exactly one. */
    static Map<Source, SourceDefinition> index(List<SourceDefinition> definitions) {
        Map<Source, SourceDefinition> bySource = new EnumMap<>(Source.class);
        for (SourceDefinition definition : definitions) {
            if (bySource.putIfAbsent(definition.source(), definition) != null) {
                throw new IllegalStateException("Cannot index sources: " + definition.source().folder() + " is defined twice");
            }
        }
        for (Source source : Source.values()) {
            if (!bySource.containsKey(source)) {
                throw new IllegalStateException("Cannot index sources: " + source.folder() + " has no definition");
            }
        }
        return Collections.unmodifiableMap(bySource);
    }
}
