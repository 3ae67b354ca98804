package uk.westmercia.charter.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static uk.westmercia.charter.generator.LandingFilesSupport.checksums;
import static uk.westmercia.charter.generator.LandingFilesSupport.files;
import static uk.westmercia.charter.generator.LandingFilesSupport.header;
import static uk.westmercia.charter.generator.LandingFilesSupport.lines;
import static uk.westmercia.charter.generator.LandingFilesSupport.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);

    /** One clean year at a small scale, shared by the read-only tests. */
    @TempDir
    static Path shared;
    static Path year;
    static GenerationSummary yearSummary;

    @BeforeAll
    static void generateYear() {
        year = shared.resolve("year");
        yearSummary = LandingGenerator.generate(new GeneratorOptions(year, 11, 0.05, APRIL,
                LocalDate.of(2025, 3, 31), FileSplit.MONTH).withBadRows(false));
    }

    @Test
    void sameSeedGivesTheSameBytes(@TempDir Path dir) throws IOException {
        GeneratorOptions a = new GeneratorOptions(dir.resolve("a"), 42, 0.02, APRIL, LocalDate.of(2024, 5, 20),
                FileSplit.DAY);
        LandingGenerator.generate(a);
        LandingGenerator.generate(new GeneratorOptions(dir.resolve("b"), 42, 0.02, APRIL, LocalDate.of(2024, 5, 20),
                FileSplit.DAY));
        LandingGenerator.generate(new GeneratorOptions(dir.resolve("c"), 43, 0.02, APRIL, LocalDate.of(2024, 5, 20),
                FileSplit.DAY));
        Map<String, String> first = checksums(dir.resolve("a"));
        assertThat(first.size()).isGreaterThan(3 * 50);
        assertThat(checksums(dir.resolve("b"))).isEqualTo(first);
        Map<String, String> other = checksums(dir.resolve("c"));
        assertThat(other.get("crime/crime-2024-04-01.csv")).isNotEqualTo(first.get("crime/crime-2024-04-01.csv"));
        assertThat(first).containsKeys("patrols/patrols-2024-04-01.csv", "priorities/priorities-2024-04-01.csv",
                "neighbourhood-matters/neighbourhood-matters-2024-04.csv");
        assertThat(other.get("patrols/patrols-2024-04-01.csv"))
                .isNotEqualTo(first.get("patrols/patrols-2024-04-01.csv"));
        assertThat(other.get("neighbourhood-matters/neighbourhood-matters-2024-04.csv"))
                .isNotEqualTo(first.get("neighbourhood-matters/neighbourhood-matters-2024-04.csv"));
        assertThat(other.get("reference/areas.csv")).isEqualTo(first.get("reference/areas.csv"));
    }

    @Test
    void sameSeedGivesTheSameBytesWhenGzippedByMonth(@TempDir Path dir) throws IOException {
        GeneratorOptions a = new GeneratorOptions(dir.resolve("a"), 5, 0.02, APRIL, LocalDate.of(2024, 6, 10),
                FileSplit.MONTH).withGzipContacts(true).withGzipPatrols(true).withSurveyScale(0.2);
        GenerationSummary first = LandingGenerator.generate(a);
        GenerationSummary second = LandingGenerator.generate(new GeneratorOptions(dir.resolve("b"), 5, 0.02, APRIL,
                LocalDate.of(2024, 6, 10), FileSplit.MONTH).withGzipContacts(true).withGzipPatrols(true)
                .withSurveyScale(0.2));
        assertThat(checksums(dir.resolve("b"))).isEqualTo(checksums(dir.resolve("a")));
        assertThat(second).isEqualTo(first);
        assertThat(files(dir.resolve("a/contacts"))).extracting(p -> p.getFileName().toString())
                .containsExactly("contacts-2024-04.csv.gz", "contacts-2024-05.csv.gz", "contacts-2024-06.csv.gz");
        assertThat(files(dir.resolve("a/crime"))).extracting(p -> p.getFileName().toString())
                .containsExactly("crime-2024-04-30.csv", "crime-2024-05-31.csv", "crime-2024-06-10.csv");
        assertThat(files(dir.resolve("a/patrols"))).extracting(p -> p.getFileName().toString())
                .containsExactly("patrols-2024-04.csv.gz", "patrols-2024-05.csv.gz", "patrols-2024-06.csv.gz");
        assertThat(files(dir.resolve("a/priorities"))).extracting(p -> p.getFileName().toString())
                .containsExactly("priorities-2024-04.csv", "priorities-2024-05.csv", "priorities-2024-06.csv");
        // The platform's export of June is taken on the last day generated.
        assertThat(files(dir.resolve("a/neighbourhood-matters"))).extracting(p -> p.getFileName().toString())
                .containsExactly("neighbourhood-matters-2024-04.csv", "neighbourhood-matters-2024-05.csv",
                        "neighbourhood-matters-2024-06.csv");
    }

    @Test
    void dailyFilesAreNamedByDay(@TempDir Path dir) throws IOException {
        GenerationSummary s = LandingGenerator.generate(new GeneratorOptions(dir, 3, 0.05, APRIL,
                APRIL.plusDays(2), FileSplit.DAY));
        assertThat(files(dir.resolve("crime"))).extracting(p -> p.getFileName().toString())
                .containsExactly("crime-2024-04-01.csv", "crime-2024-04-02.csv", "crime-2024-04-03.csv");
        assertThat(files(dir.resolve("contacts"))).extracting(p -> p.getFileName().toString())
                .containsExactly("contacts-2024-04-01.csv", "contacts-2024-04-02.csv", "contacts-2024-04-03.csv");
        assertThat(files(dir.resolve("engagement"))).extracting(p -> p.getFileName().toString())
                .containsExactly("engagement-2024-04-01.jsonl", "engagement-2024-04-02.jsonl",
                        "engagement-2024-04-03.jsonl");
        assertThat(files(dir.resolve("patrols"))).extracting(p -> p.getFileName().toString())
                .containsExactly("patrols-2024-04-01.csv", "patrols-2024-04-02.csv", "patrols-2024-04-03.csv");
        assertThat(files(dir.resolve("priorities"))).extracting(p -> p.getFileName().toString())
                .containsExactly("priorities-2024-04-01.csv", "priorities-2024-04-02.csv",
                        "priorities-2024-04-03.csv");
        // Neighbourhood Matters exports monthly whatever the split: one file, on the last day generated.
        assertThat(files(dir.resolve("neighbourhood-matters"))).extracting(p -> p.getFileName().toString())
                .containsExactly("neighbourhood-matters-2024-04.csv");
        assertThat(s.files("crime")).isEqualTo(3);
        assertThat(s.files("reference")).isEqualTo(6);
    }

    @Test
    void refusesANonEmptyOutputFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> LandingGenerator.generate(new GeneratorOptions(dir, 1, 0.01, APRIL, APRIL,
                FileSplit.DAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot generate landing data: output folder " + dir + " is not empty");
    }

    @Test
    void headersMatchTheContract() throws IOException {
        Map<String, List<String>> expected = Map.of(
                "crime", List.of("crime_ref", "recorded_date", "offence_date", "category", "snt_code",
                        "location_id", "lsoa_code", "victim_id", "offender_id", "vulnerable_victim", "domestic_abuse",
                        "val_referral_date", "status", "extracted_at"),
                "contacts", List.of("contact_id", "received_at", "channel", "contact_type", "snt_code",
                        "answered_at", "abandoned", "response_due_at", "responded_at"),
                "survey-public", List.of("respondent_id", "interview_date", "snt_code", "age_band", "sex",
                        "ethnicity", "weight", "q_know_snt", "q_foot_patrol", "q_good_job", "q_relied_on",
                        "q_respect", "q_fair", "q_understand", "q_matter", "q_confidence"),
                "survey-parish", List.of("response_id", "response_date", "parish_code",
                        "q_attendance_satisfaction", "q_partnership_satisfaction", "q_regular_updates",
                        "q_know_snt"),
                "patrols", List.of("patrol_id", "started_at", "ended_at", "lsoa_code", "snt_code", "mode",
                        "officer_id", "officer_role"),
                "priorities", List.of("event_id", "priority_id", "event_date", "event", "snt_code", "parish_code",
                        "category", "raised_via", "update_published"),
                "neighbourhood-matters", List.of("month", "snt_code", "registered_users", "messages_sent",
                        "replies_received"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<Path> sourceFiles = files(year.resolve(e.getKey()));
            assertThat(sourceFiles).as(e.getKey()).hasSize(12);
            for (Path f : sourceFiles) {
                assertThat(header(f)).as(f.toString()).isEqualTo(e.getValue());
            }
        }
        assertThat(header(year.resolve("reference/areas.csv"))).containsExactly("snt_code", "snt_name", "lpa_code");
        assertThat(header(year.resolve("reference/parishes.csv")))
                .containsExactly("parish_code", "parish_name", "snt_code");
        assertThat(header(year.resolve("reference/population.csv")))
                .containsExactly("snt_code", "age_band", "sex", "population");
        assertThat(header(year.resolve("reference/targets.csv"))).containsExactly("metric_id", "target", "amber_band");

        Set<String> allowed = Set.of("engagement_id", "date", "type", "lpa_code", "snt_code", "parish_code",
                "status", "closed_date", "attendees", "seldom_heard", "partners", "volunteer_hours", "virtual",
                "recorded_by");
        for (Path f : files(year.resolve("engagement"))) {
            for (String line : lines(f)) {
                JsonNode node = JSON.readTree(line);
                Set<String> names = new TreeSet<>();
                node.fieldNames().forEachRemaining(names::add);
                assertThat(allowed).as(line).containsAll(names);
                assertThat(names).as(line).contains("engagement_id", "date", "type", "lpa_code", "status");
            }
        }
    }

    @Test
    void referenceDataFollowsTheContract() throws IOException {
        List<CSVRecord> areas = records(year.resolve("reference/areas.csv"));
        Map<String, Integer> sntsPerLpa = new TreeMap<>();
        for (CSVRecord r : areas) {
            assertThat(r.get("snt_code")).matches(r.get("lpa_code") + "\\d\\d");
            sntsPerLpa.merge(r.get("lpa_code"), 1, Integer::sum);
        }
        assertThat(sntsPerLpa.keySet()).containsExactly("HER", "NWO", "SHR", "SWO", "TWR");
        assertThat(sntsPerLpa.values()).allSatisfy(n -> assertThat(n).isBetween(3, 5));
        Set<String> snts = sntCodes(year);
        List<CSVRecord> parishes = records(year.resolve("reference/parishes.csv"));
        assertThat(parishes).hasSizeBetween(100, 140);
        assertThat(parishes).allSatisfy(p -> assertThat(snts).contains(p.get("snt_code")));
        assertThat(parishes.stream().map(p -> p.get("parish_name"))).contains("Hindlip, Martin Hussingtree and Salwarpe");

        Map<String, String> lpaOf = new HashMap<>();
        areas.forEach(r -> lpaOf.put(r.get("snt_code"), r.get("lpa_code")));
        Map<String, Long> population = new TreeMap<>();
        List<CSVRecord> cells = records(year.resolve("reference/population.csv"));
        assertThat(cells).hasSize(snts.size() * 14);
        for (CSVRecord c : cells) {
            assertThat(c.get("age_band")).isIn(ReferenceData.AGE_BANDS);
            assertThat(c.get("sex")).isIn("F", "M");
            population.merge(lpaOf.get(c.get("snt_code")), Long.parseLong(c.get("population")), Long::sum);
        }
        Map<String, Long> districts = new TreeMap<>();
        records(year.resolve("reference/districts.csv")).forEach(d ->
                districts.merge(d.get("lpa_code"), Long.parseLong(d.get("population_2021")), Long::sum));
        for (String lpa : districts.keySet()) {
            assertThat((double) population.get(lpa)).isCloseTo(districts.get(lpa) * 0.8,
                    org.assertj.core.data.Percentage.withPercentage(1));
        }
        assertThat(records(year.resolve("reference/harm-weights.csv"))).hasSize(14);
        List<CSVRecord> targets = records(year.resolve("reference/targets.csv"));
        assertThat(targets).hasSizeBetween(24, 39);
        assertThat(targets).extracting(t -> t.get("metric_id"))
                .contains("VIS-09", "VIS-10", "RSP-07", "RSP-08", "RSP-09")
                .doesNotHaveDuplicates();
    }

    @Test
    void sharedReferenceFilesAreCopiedExactly() throws IOException {
        String sharedDir = System.getProperty("charter.shared.dir");
        assumeThat(sharedDir).isNotNull();
        Path reference = Path.of(sharedDir, "data", "reference");
        assumeThat(Files.isDirectory(reference)).isTrue();
        for (String name : List.of("districts.csv", "harm-weights.csv")) {
            assertThat(normalise(Files.readString(year.resolve("reference").resolve(name))))
                    .as(name).isEqualTo(normalise(Files.readString(reference.resolve(name))));
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    @Test
    void everyAreaCodeExists() throws IOException {
        Set<String> snts = sntCodes(year);
        Map<String, String> lpaOf = new HashMap<>();
        records(year.resolve("reference/areas.csv")).forEach(r -> lpaOf.put(r.get("snt_code"), r.get("lpa_code")));
        Set<String> parishes = new HashSet<>();
        records(year.resolve("reference/parishes.csv")).forEach(r -> parishes.add(r.get("parish_code")));
        for (String source : List.of("crime", "contacts", "survey-public")) {
            for (Path f : files(year.resolve(source))) {
                for (CSVRecord r : records(f)) {
                    String snt = r.get("snt_code");
                    if (!source.equals("contacts") || !snt.isEmpty()) {
                        assertThat(snts).as(f + " line " + r.getRecordNumber()).contains(snt);
                    }
                }
            }
        }
        for (Path f : files(year.resolve("survey-parish"))) {
            for (CSVRecord r : records(f)) {
                assertThat(parishes).contains(r.get("parish_code"));
            }
        }
        for (Path f : files(year.resolve("engagement"))) {
            for (String line : lines(f)) {
                JsonNode n = JSON.readTree(line);
                assertThat(n.get("lpa_code").asText()).isIn(ReferenceData.LPAS);
                if (n.has("snt_code")) {
                    assertThat(lpaOf.get(n.get("snt_code").asText())).as(line).isEqualTo(n.get("lpa_code").asText());
                }
                if (n.get("type").asText().equals("parish_council_meeting")) {
                    assertThat(parishes).as(line).contains(n.get("parish_code").asText());
                }
            }
        }
    }

    @Test
    void volumesFollowTheScale() {
        // scale 0.05 for one year; restatements come on top of new crimes.
        long crimeRows = yearSummary.rows("crime") - yearSummary.restatements();
        assertThat(crimeRows).isBetween(Math.round(115_000 * 0.05 * 0.92), Math.round(115_000 * 0.05 * 1.08));
        assertThat(yearSummary.restatements()).isBetween(60L, 250L);
        assertThat(yearSummary.rows("contacts")).isBetween(Math.round(598_500 * 0.05 * 0.95),
                Math.round(598_500 * 0.05 * 1.05));
        assertThat(yearSummary.rows("engagement")).isBetween(2_000 + Math.round(37_500 * 0.05 * 0.8),
                3_200 + Math.round(37_500 * 0.05 * 1.2));
        assertThat(yearSummary.rows("survey-public")).isBetween(Math.round(4_800 * 0.05 * 0.75),
                Math.round(4_800 * 0.05 * 1.25));
        assertThat(yearSummary.rows("survey-parish")).isBetween(Math.round(1_000 * 0.05 * 0.6),
                Math.round(1_000 * 0.05 * 1.4));
        // Patrols: about 550,000 visits a year at scale 1, plus the hotspot foot patrols, which do not scale.
        assertThat(yearSummary.rows("patrols")).isBetween(Math.round(550_000 * 0.05 * 0.9) + 800,
                Math.round(550_000 * 0.05 * 1.1) + 2_000);
        // Not scaled: 22 SNTs' registers, and one row per SNT and month (a few missing).
        assertThat(yearSummary.rows("priorities")).isBetween(300L, 700L);
        assertThat(yearSummary.rows("neighbourhood-matters")).isBetween(22L * 12 * 9 / 10, 22L * 12);
        assertThat(yearSummary.badRows().values()).allSatisfy(n -> assertThat(n).isZero());
        assertThat(yearSummary.files("crime")).isEqualTo(12);
    }

    @Test
    void crimeMixAndCallCountsAreBelievable() {
        Map<String, Integer> categories = new TreeMap<>();
        int vulnerable = 0;
        int recorded = 0;
        for (Path f : filesUnchecked(year.resolve("crime"))) {
            for (CSVRecord r : records(f)) {
                categories.merge(r.get("category"), 1, Integer::sum);
                if (!r.get("category").equals("Anti-social behaviour")) {
                    recorded++;
                    if (r.get("vulnerable_victim").equals("Y")) {
                        vulnerable++;
                    }
                }
            }
        }
        assertThat(categories).hasSize(14);
        assertThat(categories.get("Violence and sexual offences")).isGreaterThan(categories.get("Burglary") * 4);
        assertThat(categories.get("Anti-social behaviour")).isBetween(1000, 1600);
        assertThat((double) vulnerable / recorded).isBetween(0.12, 0.28);

        Map<String, Integer> channels = new TreeMap<>();
        for (Path f : filesUnchecked(year.resolve("contacts"))) {
            for (CSVRecord r : records(f)) {
                channels.merge(r.get("channel"), 1, Integer::sum);
                ZonedDateTime received = timestamp(r.get("received_at"));
                if (!r.get("answered_at").isEmpty()) {
                    assertThat(timestamp(r.get("answered_at"))).as(r.toString()).isAfterOrEqualTo(received);
                }
                if (!r.get("responded_at").isEmpty()) {
                    assertThat(timestamp(r.get("responded_at"))).as(r.toString()).isAfterOrEqualTo(received);
                }
            }
        }
        assertThat(channels.get("999")).isBetween(6_900, 8_100);
        assertThat(channels.get("101")).isBetween(19_000, 21_000);
    }

    @Test
    void restatementsLandInLaterFilesWithLaterExtracts() {
        Map<String, String> firstFile = new HashMap<>();
        Map<String, CSVRecord> first = new HashMap<>();
        int restated = 0;
        int cancelled = 0;
        for (Path f : filesUnchecked(year.resolve("crime"))) {
            Set<String> inFile = new HashSet<>();
            for (CSVRecord r : records(f)) {
                String ref = r.get("crime_ref");
                assertThat(inFile.add(ref)).as("%s twice in %s", ref, f).isTrue();
                CSVRecord earlier = first.putIfAbsent(ref, r);
                if (earlier != null) {
                    restated++;
                    assertThat(firstFile.get(ref)).isNotEqualTo(f.getFileName().toString());
                    assertThat(r.get("extracted_at")).isGreaterThan(earlier.get("extracted_at"));
                    boolean changed = !r.get("category").equals(earlier.get("category"))
                            || !r.get("snt_code").equals(earlier.get("snt_code"))
                            || r.get("status").equals("cancelled");
                    assertThat(changed).as(r.toString()).isTrue();
                    if (r.get("status").equals("cancelled")) {
                        cancelled++;
                    }
                } else {
                    firstFile.put(ref, f.getFileName().toString());
                }
            }
        }
        assertThat(restated).isEqualTo(yearSummary.restatements());
        assertThat(cancelled).isPositive();
    }

    @Test
    void coverageEveryLpaEveryQuarter() throws IOException {
        Map<String, String> lpaOf = new HashMap<>();
        records(year.resolve("reference/areas.csv")).forEach(r -> lpaOf.put(r.get("snt_code"), r.get("lpa_code")));
        Map<String, Set<String>> vehicleWeeks = new TreeMap<>();
        Set<String> engagementTypes = new TreeSet<>();
        Set<String> lpaQuarters = new TreeSet<>();
        for (Path f : files(year.resolve("engagement"))) {
            for (String line : lines(f)) {
                JsonNode n = JSON.readTree(line);
                engagementTypes.add(n.get("type").asText());
                LocalDate date = date(n.get("date").asText());
                lpaQuarters.add(n.get("lpa_code").asText() + " " + EngagementSource.quarterStart(date));
                if (n.get("type").asText().equals("engagement_vehicle") && n.get("status").asText().equals("held")) {
                    vehicleWeeks.computeIfAbsent(n.get("lpa_code").asText(), k -> new TreeSet<>())
                            .add(date.with(java.time.DayOfWeek.MONDAY).toString());
                }
            }
        }
        assertThat(engagementTypes).containsExactlyInAnyOrderElementsOf(EngagementSource.TYPES);
        assertThat(lpaQuarters).hasSize(20);
        assertThat(vehicleWeeks.keySet()).containsExactlyElementsOf(ReferenceData.LPAS);
        // 52 or 53 weeks with a Monday in the year: most, not necessarily all.
        assertThat(vehicleWeeks.values()).allSatisfy(weeks -> assertThat(weeks.size()).isBetween(40, 53));

        Map<String, Integer> surveyBase = new TreeMap<>();
        for (Path f : files(year.resolve("survey-public"))) {
            for (CSVRecord r : records(f)) {
                LocalDate d = date(r.get("interview_date"));
                surveyBase.merge(lpaOf.get(r.get("snt_code")) + " " + EngagementSource.quarterStart(d), 1,
                        Integer::sum);
                double weight = Double.parseDouble(r.get("weight"));
                assertThat(weight).isBetween(0.3, 3.0);
            }
        }
        assertThat(surveyBase).hasSize(20);
    }

    @Test
    void badRowsAreFewButPresent(@TempDir Path dir) throws IOException {
        GenerationSummary s = LandingGenerator.generate(new GeneratorOptions(dir, 8, 0.2, APRIL,
                LocalDate.of(2024, 6, 30), FileSplit.MONTH).withSurveyScale(2));
        for (String source : List.of("crime", "contacts", "engagement", "survey-public", "patrols")) {
            assertThat(s.badRows().get(source)).as(source).isPositive();
            assertThat((double) s.badRows().get(source) / s.rows(source)).as(source).isLessThan(0.01);
        }
        Set<String> snts = sntCodes(dir);
        long unknown = 0;
        long rows = 0;
        for (Path f : files(dir.resolve("crime"))) {
            for (CSVRecord r : records(f)) {
                rows++;
                if (!snts.contains(r.get("snt_code"))) {
                    unknown++;
                }
            }
        }
        assertThat(unknown).isPositive();
        assertThat((double) unknown / rows).isLessThan(0.005);
    }

    @Test
    void publicSurveyFilesHaveAByteOrderMarkAndCrlf() throws IOException {
        Path f = files(year.resolve("survey-public")).get(0);
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
        String parish = Files.readString(files(year.resolve("survey-parish")).get(0));
        assertThat(parish).doesNotContain("\r").containsPattern("\\d\\d/\\d\\d/20\\d\\d");
    }

    private static List<Path> filesUnchecked(Path dir) {
        try {
            return files(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> sntCodes(Path landing) {
        Set<String> codes = new HashSet<>();
        for (Iterator<CSVRecord> it = records(landing.resolve("reference/areas.csv")).iterator(); it.hasNext(); ) {
            codes.add(it.next().get("snt_code"));
        }
        return codes;
    }

    private static LocalDate date(String text) {
        return text.contains("/") ? LocalDate.parse(text, DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                : LocalDate.parse(text);
    }

    private static ZonedDateTime timestamp(String text) {
        if (text.contains("/")) {
            String pattern = text.length() == 16 ? "dd/MM/yyyy HH:mm" : "dd/MM/yyyy HH:mm:ss";
            return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern)).atZone(Times.LONDON);
        }
        if (text.length() > 19) {
            return OffsetDateTime.parse(text).toZonedDateTime();
        }
        return LocalDateTime.parse(text).atZone(Times.LONDON);
    }
}
