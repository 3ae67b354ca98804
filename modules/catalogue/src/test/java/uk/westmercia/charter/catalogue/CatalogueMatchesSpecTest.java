package uk.westmercia.charter.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.reference.AreaLevel;

/**
 * The bundled catalogue against shared/spec/metrics.md (its metric tables) and the charter text
 * (every promise quoted verbatim, whitespace aside). The shared folder comes from the system
 * property {@code charter.shared.dir}; without it the test is skipped with a message.
 */
class CatalogueMatchesSpecTest {
    /** One row of a metrics.md table. */
    record SpecRow(String theme, String id, String name, boolean monthly, String definition, String unit, String better) {
    }

    private static final Pattern SECTION = Pattern.compile("^## [a-f]\\) .*: ([A-Z]{3})\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]{3}-\\d{2}) \\| (.*?) \\| (.*) \\| ([a-z_0-9]+), ([a-z]+) \\|\\s*$");

    private static Path shared;
    private static Map<String, SpecRow> spec;

    @BeforeAll
    static void readSpec() throws IOException {
        String dir = System.getProperty("charter.shared.dir");
        shared = dir == null ? null : Path.of(dir);
        if (shared == null || !Files.isRegularFile(shared.resolve("spec/metrics.md"))) {
            return;
        }
        spec = parse(Files.readAllLines(shared.resolve("spec/metrics.md"), StandardCharsets.UTF_8));
    }

    static Map<String, SpecRow> parse(List<String> lines) {
        Map<String, SpecRow> rows = new LinkedHashMap<>();
        String theme = null;
        for (String line : lines) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                theme = section.group(1);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String name = row.group(2);
                boolean monthly = name.endsWith(" (m)");
                rows.put(row.group(1), new SpecRow(theme, row.group(1), monthly ? name.substring(0, name.length() - 4) : name, monthly,
                        row.group(3), row.group(4), row.group(5)));
            }
        }
        return rows;
    }

    private static void assumeSpec() {
        assumeTrue(spec != null, "Skipped: shared/spec/metrics.md not found (system property charter.shared.dir = "
                + System.getProperty("charter.shared.dir") + ")");
    }

    @Test
    void theSpecParsesToThirtyNineMetrics() {
        assumeSpec();
        assertThat(spec).hasSize(39);
        assertThat(spec.values()).allSatisfy(row -> assertThat(row.id()).startsWith(row.theme() + "-"));
    }

    @Test
    void catalogueHoldsExactlyTheSpecMetricsInItsOrder() {
        assumeSpec();
        List<String> ids = Catalogue.bundled().metrics().stream().map(MetricDefinition::id).toList();
        assertThat(ids).containsExactlyElementsOf(spec.keySet());
    }

    @Test
    void themesNamesUnitsAndDirectionsMatch() {
        assumeSpec();
        for (MetricDefinition metric : Catalogue.bundled().metrics()) {
            SpecRow row = spec.get(metric.id());
            assertThat(metric.theme().code()).as(metric.id() + " theme").isEqualTo(row.theme());
            assertThat(metric.name()).as(metric.id() + " name").isEqualTo(row.name());
            assertThat(metric.unit().label()).as(metric.id() + " unit").isEqualTo(row.unit());
            assertThat(metric.direction().name().toLowerCase(java.util.Locale.ROOT)).as(metric.id() + " direction").isEqualTo(row.better());
        }
    }

    @Test
    void areaLevelsAndPeriodsMatch() {
        assumeSpec();
        for (MetricDefinition metric : Catalogue.bundled().metrics()) {
            SpecRow row = spec.get(metric.id());
            List<AreaLevel> levels = row.definition().contains("LPA and force")
                    ? List.of(AreaLevel.FORCE, AreaLevel.LPA)
                    : List.of(AreaLevel.FORCE, AreaLevel.LPA, AreaLevel.SNT);
            assertThat(metric.areaLevels()).as(metric.id() + " area levels").containsExactlyInAnyOrderElementsOf(levels);
            List<PeriodType> periods = new ArrayList<>();
            if (row.definition().startsWith("Quarter only")) {
                periods.add(PeriodType.QUARTER);
            }
            else {
                if (row.monthly()) {
                    periods.add(PeriodType.MONTH);
                }
                periods.add(PeriodType.QUARTER);
                periods.add(PeriodType.FINANCIAL_YEAR);
            }
            assertThat(metric.periodTypes()).as(metric.id() + " periods").containsExactlyInAnyOrderElementsOf(periods);
        }
    }

    @Test
    void everyPromiseIsQuotedFromTheCharter() throws IOException {
        Path charter = shared == null ? null : shared.resolve("charter/local-policing-charter.txt");
        assumeTrue(charter != null && Files.isRegularFile(charter), "Skipped: shared/charter/local-policing-charter.txt not found");
        // The charter and the documents around it: the 2025 refresh states the patrol and priorities promises.
        StringBuilder documents = new StringBuilder();
        try (var files = Files.list(charter.getParent())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                documents.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String text = normalise(documents.toString());
        for (MetricDefinition metric : Catalogue.bundled().metrics()) {
            assertThat(metric.promise()).as(metric.id() + " promise").isNotBlank();
            assertThat(text).as(metric.id() + " promise quoted from the charter").contains(normalise(metric.promise()));
        }
    }

    @Test
    void catalogueVersionIsBumpedForTheFullSet() {
        assertThat(Catalogue.bundled().version()).isNotIn("2026.11.0", "2026.12.1");
        assertThat(Catalogue.bundled().metrics()).hasSize(39);
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
