package uk.westmercia.charter.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a synthetic landing folder that follows the data contract (docs: data-contract.md, section 2):
 * reference data, crime extracts with restatements, contact logs, engagement records, both surveys, patrol
 * visits, the neighbourhood priorities register and the Neighbourhood Matters platform's monthly figures.
 *
 * <p>Deterministic: the same options give the same bytes. Every random draw comes from a generator seeded by
 * the run seed, the source and the day. Streaming: rows are written as they are made, one day at a time;
 * what is kept between days (recent victims, locations and offenders per SNT, pending restatements and plan
 * closures, this quarter's engagement schedule, this week's hotspot patrols, a year of crime per LSOA) is
 * bounded and does not grow with the date range.
 */
public final class LandingGenerator {

    static final LocalDate DEFAULT_FROM = LocalDate.of(2024, 4, 1);
    static final LocalDate DEFAULT_TO = LocalDate.of(2025, 3, 31);
    static final long DEFAULT_SEED = 20240401L;

    private LandingGenerator() {
    }

    /**
     * Generates the landing folder {@code options.out()}.
     *
     * @throws IllegalArgumentException when the output folder exists and is not empty
     */
    public static GenerationSummary generate(GeneratorOptions options) {
        Path out = options.out();
        if (Files.isRegularFile(out)) {
            throw GeneratorOptions.invalid("output " + out + " is a file, not a folder");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw GeneratorOptions.invalid("output folder " + out + " is not empty");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + out, e);
            }
        }
        ReferenceData ref = new ReferenceData();
        Generation g = new Generation(options, ref);
        int referenceFiles = ref.write(out);
        HarmLedger ledger = new HarmLedger(ref);
        CrimeSource crime = new CrimeSource(g, out, ledger);
        ContactSource contacts = new ContactSource(g, out);
        EngagementSource engagement = new EngagementSource(g, out);
        SurveySources surveys = new SurveySources(g, out);
        PatrolSource patrols = new PatrolSource(g, out, ledger);
        PrioritySource priorities = new PrioritySource(g, out);
        NeighbourhoodMattersSource neighbourhoodMatters = new NeighbourhoodMattersSource(g, out);
        try {
            for (LocalDate day = options.from(); !day.isAfter(options.to()); day = day.plusDays(1)) {
                crime.day(day);
                contacts.day(day);
                engagement.day(day);
                surveys.day(day);
                patrols.day(day); // after crime: reads the crime recorded up to today
                priorities.day(day);
                neighbourhoodMatters.day(day);
            }
        } finally {
            crime.file().close();
            contacts.file().close();
            engagement.file().close();
            surveys.publicFile().close();
            surveys.parishFile().close();
            patrols.file().close();
            priorities.file().close();
            neighbourhoodMatters.file().close();
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> bad = new LinkedHashMap<>();
        Map<String, Integer> files = new LinkedHashMap<>();
        put(rows, bad, files, "crime", crime.file(), crime.bad);
        put(rows, bad, files, "contacts", contacts.file(), contacts.bad);
        put(rows, bad, files, "engagement", engagement.file(), engagement.bad);
        put(rows, bad, files, "survey-public", surveys.publicFile(), surveys.badPublic);
        put(rows, bad, files, "survey-parish", surveys.parishFile(), surveys.badParish);
        put(rows, bad, files, "patrols", patrols.file(), patrols.bad);
        put(rows, bad, files, "priorities", priorities.file(), 0);
        put(rows, bad, files, "neighbourhood-matters", neighbourhoodMatters.file(), 0);
        rows.put("reference", (long) (ref.snts.size() + ref.parishes.size() + ref.snts.size() * 14 + 9 + 14
                + ReferenceData.TARGETS_CSV.split("\n").length - 1));
        bad.put("reference", 0L);
        files.put("reference", referenceFiles);
        return new GenerationSummary(rows, bad, files, crime.restatements);
    }

    private static void put(Map<String, Long> rows, Map<String, Long> bad, Map<String, Integer> files,
                            String source, RollingFile file, long badRows) {
        rows.put(source, file.rows());
        bad.put(source, badRows);
        files.put(source, file.files());
    }

    static final String USAGE = "usage: generate --out DIR [--seed N] [--scale N] [--from yyyy-MM-dd]"
            + " [--to yyyy-MM-dd] [--split day|month] [--survey-scale N] [--no-bad-rows] [--gzip-contacts]"
            + " [--gzip-patrols]";

    /** Parses command-line arguments; throws IllegalArgumentException with a one-line message. */
    static GeneratorOptions parse(String... args) {
        Path out = null;
        long seed = DEFAULT_SEED;
        double scale = 1;
        Double surveyScale = null;
        LocalDate from = DEFAULT_FROM;
        LocalDate to = DEFAULT_TO;
        FileSplit split = FileSplit.DAY;
        boolean badRows = true;
        boolean gzip = false;
        boolean gzipPatrols = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--no-bad-rows":
                    badRows = false;
                    continue;
                case "--gzip-contacts":
                    gzip = true;
                    continue;
                case "--gzip-patrols":
                    gzipPatrols = true;
                    continue;
                default:
                    break;
            }
            if (i + 1 >= args.length) {
                throw GeneratorOptions.invalid(arg.startsWith("--") ? arg + " needs a value" : "unknown argument "
                        + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--out":
                    out = Paths.get(value);
                    break;
                case "--seed":
                    seed = parseNumber(arg, value, Long::parseLong);
                    break;
                case "--scale":
                    scale = parseNumber(arg, value, Double::parseDouble);
                    break;
                case "--survey-scale":
                    surveyScale = parseNumber(arg, value, Double::parseDouble);
                    break;
                case "--from":
                    from = parseDate(arg, value);
                    break;
                case "--to":
                    to = parseDate(arg, value);
                    break;
                case "--split":
                    split = FileSplit.parse(value);
                    break;
                default:
                    throw GeneratorOptions.invalid("unknown argument " + arg);
            }
        }
        if (out == null) {
            throw GeneratorOptions.invalid("--out is required");
        }
        GeneratorOptions options = new GeneratorOptions(out, seed, scale, from, to, split);
        if (surveyScale != null) {
            options = options.withSurveyScale(surveyScale);
        }
        return options.withBadRows(badRows).withGzipContacts(gzip).withGzipPatrols(gzipPatrols);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parseNumber(String arg, String value, Parser<T> parser) {
        try {
            return parser.parse(value.trim());
        } catch (NumberFormatException e) {
            throw GeneratorOptions.invalid(arg + " must be a number, was " + value);
        }
    }

    private static LocalDate parseDate(String arg, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw GeneratorOptions.invalid(arg + " must be a date yyyy-MM-dd, was " + value);
        }
    }

    /** Ad-hoc use. Exit codes: 0 done, 2 bad command line, 1 anything else. */
    public static void main(String[] args) {
        GeneratorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            long start = System.nanoTime();
            GenerationSummary summary = generate(options);
            System.out.printf("Generated %s (seed %d, scale %s, survey scale %s, %s to %s, split %s) in %.1f s%n",
                    options.out(), options.seed(), GeneratorOptions.format(options.scale()),
                    GeneratorOptions.format(options.surveyScale()), options.from(), options.to(),
                    options.split().name().toLowerCase(Locale.ROOT), (System.nanoTime() - start) / 1e9);
            System.out.print(summary);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("Cannot generate landing data: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }
}
