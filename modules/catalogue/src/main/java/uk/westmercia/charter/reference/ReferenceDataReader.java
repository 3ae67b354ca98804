package uk.westmercia.charter.reference;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.westmercia.charter.landing.CellText;
import uk.westmercia.charter.landing.InputRefusedException;
import uk.westmercia.charter.landing.LandingFiles;
import uk.westmercia.charter.landing.NotUtf8Exception;

/**
 * Reads {@code <landing>/reference/}. Reference tables are small and every metric depends on them,
 * so any bad row refuses the whole run with one line naming file, line and column.
 */
public final class ReferenceDataReader {
    private static final Set<String> AGE_BANDS = Set.of("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+");
    private static final Set<String> SEXES = Set.of("F", "M");
    /** The landing's CSV, but blank lines come through as records so each record's line is exact; they are then skipped. */
    private static final CSVFormat CSV = LandingFiles.CSV.builder().setIgnoreEmptyLines(false).get();

    private ReferenceDataReader() {
    }

    /**
     * SHA-256 over the names and bytes of every file in {@code <landing>/reference/}: a change to
     * areas, populations, harm weights or targets changes it. {@code spc-baselines.csv} is left out:
     * SPC change points move no figure of metric_values (the scorecard reads them), so changing them
     * must not make the next nightly recompute every period.
     */
    public static String sha256(Path landing) {
        requireNonNull(landing, "landing is null");
        return sha256(ReferenceFolder.local(landing));
    }

    public static String sha256(ReferenceFolder folder) {
        requireNonNull(folder, "folder is null");
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String name : folder.fileNames().stream().filter(name -> !name.equals(SPC_BASELINES)).toList()) {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (java.io.InputStream in = folder.open(name).orElseThrow(() -> new IOException(name + " went away"))) {
                    digest.update(in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder.location() + ": " + e.getMessage(), e);
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash reference data: no SHA-256 in this JVM", e);
        }
    }

    public static ReferenceData read(Path landing) {
        requireNonNull(landing, "landing is null");
        return read(ReferenceFolder.local(landing));
    }

    public static ReferenceData read(ReferenceFolder folder) {
        requireNonNull(folder, "folder is null");
        List<Snt> snts = new ArrayList<>();
        read(folder, "areas.csv", true, List.of("snt_code", "snt_name", "lpa_code"), row ->
                snts.add(new Snt(row.text("snt_code"), row.text("snt_name"), row.lpa("lpa_code"))));
        Map<String, Snt> sntByCode = snts.stream().collect(Collectors.toMap(Snt::code, snt -> snt, (a, b) -> a));

        List<Parish> parishes = new ArrayList<>();
        read(folder, "parishes.csv", true, List.of("parish_code", "parish_name", "snt_code"), row ->
                parishes.add(new Parish(row.text("parish_code"), row.text("parish_name"), row.oneOf("snt_code", sntByCode.keySet()))));

        Map<String, Long> population = new LinkedHashMap<>();
        read(folder, "population.csv", true, List.of("snt_code", "age_band", "sex", "population"), row -> {
            String snt = row.oneOf("snt_code", sntByCode.keySet());
            row.oneOf("age_band", AGE_BANDS);
            row.oneOf("sex", SEXES);
            population.merge(snt, row.count("population"), Long::sum);
        });

        List<District> districts = new ArrayList<>();
        read(folder, "districts.csv", false, List.of("district_code", "district_name", "lpa_code", "population_2021"), row ->
                districts.add(new District(row.text("district_code"), row.text("district_name"), row.lpa("lpa_code"), row.count("population_2021"))));

        // One weight for each of the 14 crime categories: a category left out would drop its crimes from every harm figure.
        Map<String, Double> harmWeights = new HashMap<>();
        Map<String, Long> harmLines = new HashMap<>();
        Set<String> categories = Set.copyOf(CrimeCategories.ALL);
        boolean harmFile = read(folder, "harm-weights.csv", false, List.of("category", "weight"), row -> {
            String category = row.oneOf("category", categories);
            if (harmLines.containsKey(category)) {
                throw row.refuse("category", CellText.quoted(category) + " has a weight already, at line " + harmLines.get(category));
            }
            harmLines.put(category, row.line());
            harmWeights.put(category, row.number("weight"));
        });
        List<String> unweighted = CrimeCategories.ALL.stream().filter(category -> !harmWeights.containsKey(category)).toList();
        if (harmFile && !unweighted.isEmpty()) {
            throw new InputRefusedException("Cannot read reference/harm-weights.csv: it needs one row for each of the 14 crime categories; "
                    + "no weight for " + String.join(", ", unweighted));
        }

        Map<String, Target> targets = new HashMap<>();
        read(folder, "targets.csv", false, List.of("metric_id", "target", "amber_band"), row -> {
            String metricId = row.text("metric_id");
            targets.put(metricId, new Target(metricId, row.number("target"), row.number("amber_band")));
        });
        return new ReferenceData(snts, parishes, population, districts, harmWeights, targets);
    }

    /** The file of SPC change points, optional: {@code reference/spc-baselines.csv}. */
    public static final String SPC_BASELINES = "spc-baselines.csv";

    /**
     * The SPC change points of {@code <landing>/reference/spc-baselines.csv} ({@code metric_id,
     * area_code, from_month, reason}; {@code area_code} may be {@code *}, {@code from_month} is
     * {@code yyyy-MM}), in file order; empty when the file is absent (it is optional). A bad row
     * refuses the run, naming file, line and column, as any reference file does.
     */
    public static List<SpcBaseline> readSpcBaselines(Path landing) {
        requireNonNull(landing, "landing is null");
        return readSpcBaselines(ReferenceFolder.local(landing));
    }

    public static List<SpcBaseline> readSpcBaselines(ReferenceFolder folder) {
        requireNonNull(folder, "folder is null");
        List<SpcBaseline> baselines = new ArrayList<>();
        read(folder, SPC_BASELINES, false, List.of("metric_id", "area_code", "from_month", "reason"), row -> {
            String month = row.text("from_month");
            java.time.YearMonth from;
            try {
                from = java.time.YearMonth.parse(month);
            }
            catch (java.time.format.DateTimeParseException e) {
                throw row.refuse("from_month", "not a month (yyyy-MM): '" + month + "'");
            }
            baselines.add(new SpcBaseline(row.text("metric_id"), row.text("area_code"), from, row.text("reason")));
        });
        return List.copyOf(baselines);
    }

    /** Reads every row of a reference file; returns whether the file is there. */
    private static boolean read(ReferenceFolder folder, String fileName, boolean required, List<String> columns, Consumer<Row> rowReader) {
        String name = "reference/" + fileName;
        java.util.Optional<java.io.InputStream> file = folder.open(fileName);
        if (file.isEmpty()) {
            if (required) {
                throw new InputRefusedException("Cannot read reference data: " + name + " is missing from the landing folder");
            }
            return false;
        }
        try (Reader reader = LandingFiles.openText(file.get(), fileName);
                CSVParser parser = CSV.parse(reader)) {
            List<String> repeated = LandingFiles.repeatedHeaders(parser.getHeaderNames());
            if (!repeated.isEmpty()) {
                throw new InputRefusedException("Cannot read " + name + ": header repeats column(s) " + String.join(", ", repeated));
            }
            Set<String> header = parser.getHeaderNames().stream().map(LandingFiles::normaliseHeader).collect(Collectors.toSet());
            List<String> missing = columns.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new InputRefusedException("Cannot read " + name + ": header lacks required column(s) " + String.join(", ", missing));
            }
            // A record's line is the physical line it starts on, after any multi-line quoted cell before it.
            long previousLine = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = previousLine + 1;
                previousLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line is not a row
                }
                rowReader.accept(new Row(name, record, line));
            }
            return true;
        }
        catch (CharacterCodingException e) {
            throw notUtf8(name, e);
        }
        catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException notUtf8) {
                throw notUtf8(name, notUtf8);
            }
            if (e.getCause() instanceof CSVException bad) {
                throw new InputRefusedException("Cannot read " + name + ": it cannot be parsed as CSV (a quote opened and not closed?): " + bad.getMessage());
            }
            throw new UncheckedIOException("Cannot read " + name + ": " + e.getCause().getMessage(), e.getCause());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputRefusedException notUtf8(String name, CharacterCodingException e) {
        return new InputRefusedException("Cannot read " + name + ": "
                + (e instanceof NotUtf8Exception notUtf8 ? notUtf8.getMessage() : "it is not UTF-8 text"));
    }

    /** One record and its line: the physical line it starts on, the header being line 1, as an editor shows them. */
    private record Row(String file, CSVRecord record, long line) {
        String text(String column) {
            String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
            if (value.isEmpty()) {
                throw refuse(column, "required value is empty");
            }
            return value;
        }

        Lpa lpa(String column) {
            String value = text(column);
            return Lpa.fromCode(value).orElseThrow(() -> refuse(column, "unknown LPA " + CellText.quoted(value) + ", expected one of "
                    + Arrays.stream(Lpa.values()).map(Lpa::code).collect(Collectors.joining(", "))));
        }

        String oneOf(String column, Set<String> allowed) {
            String value = text(column);
            if (!allowed.contains(value)) {
                throw refuse(column, "unknown value " + CellText.quoted(value));
            }
            return value;
        }

        long count(String column) {
            String value = text(column);
            try {
                long count = Long.parseLong(value);
                if (count < 0) {
                    throw refuse(column, "must be >= 0, was " + CellText.cut(value));
                }
                return count;
            }
            catch (NumberFormatException e) {
                if (value.matches("[+-]?[0-9]+")) {
                    throw refuse(column, "out of range for a whole number (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "): " + CellText.quoted(value));
                }
                throw refuse(column, "not a whole number: " + CellText.quoted(value));
            }
        }

        double number(String column) {
            String value = text(column);
            try {
                return Double.parseDouble(value);
            }
            catch (NumberFormatException e) {
                throw refuse(column, "not a number: " + CellText.quoted(value));
            }
        }

        InputRefusedException refuse(String column, String why) {
            return new InputRefusedException(file + " line " + line() + ", column " + column + ": " + why);
        }
    }
}
