package uk.westmercia.charter.catalogue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.reference.AreaLevel;
import uk.westmercia.charter.statistics.Direction;

/** The versioned metric catalogue: data, not code. A run report records its version and hash. */
public record Catalogue(String version, String sha256, List<MetricDefinition> metrics) {
    public static final String RESOURCE = "/catalogue/charter-metrics.json";

    public Catalogue {
        requireNonNull(version, "version is null");
        requireNonNull(sha256, "sha256 is null");
        metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
        Set<String> ids = new HashSet<>();
        for (MetricDefinition metric : metrics) {
            if (!ids.add(metric.id())) {
                throw new IllegalArgumentException("Cannot build catalogue " + version + ": metric " + metric.id() + " is defined twice");
            }
        }
    }

    /** The catalogue shipped with this build. */
    public static Catalogue bundled() {
        try (InputStream input = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("Cannot load catalogue: resource " + RESOURCE + " is missing from the build");
            }
            return parse(input.readAllBytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot load catalogue: " + e.getMessage(), e);
        }
    }

    public static Catalogue parse(byte[] json) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(json);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Cannot read catalogue: not valid JSON: " + e.getMessage(), e);
        }
        String version = required(root, "version", "catalogue").asText();
        List<MetricDefinition> metrics = new ArrayList<>();
        for (JsonNode node : required(root, "metrics", "catalogue")) {
            String id = required(node, "id", "a metric").asText();
            Map<String, Object> parameters = node.has("parameters")
                    ? mapper.convertValue(node.get("parameters"), new TypeReference<Map<String, Object>>() {})
                    : Map.of();
            List<AreaLevel> levels = new ArrayList<>();
            required(node, "area_levels", id).forEach(level -> levels.add(AreaLevel.fromLabel(level.asText())));
            List<PeriodType> periods = new ArrayList<>();
            required(node, "period_types", id).forEach(period -> periods.add(PeriodType.fromLabel(period.asText())));
            metrics.add(new MetricDefinition(
                    id,
                    Theme.valueOf(required(node, "theme", id).asText()),
                    required(node, "name", id).asText(),
                    required(node, "promise", id).asText(),
                    Source.fromFolder(required(node, "source", id).asText()),
                    Unit.fromLabel(required(node, "unit", id).asText()),
                    Direction.valueOf(required(node, "direction", id).asText().toUpperCase(Locale.ROOT)),
                    levels,
                    periods,
                    MetricKind.fromLabel(required(node, "kind", id).asText()),
                    new MetricParameters(id, parameters)));
        }
        return new Catalogue(version, sha256(json), metrics);
    }

    public Optional<MetricDefinition> metric(String id) {
        return metrics.stream().filter(metric -> metric.id().equals(id)).findFirst();
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Cannot read catalogue: " + where + " has no '" + field + "'");
        }
        return value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash catalogue: SHA-256 is not available", e);
        }
    }
}
