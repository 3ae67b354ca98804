package uk.westmercia.charter.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

/**
 * jobs/bench's command line: {@code [--scale N] [--years N] [--repeats N] [--work DIR] [--seed N] [--root DIR]}.
 *
 * @param scale generator volume multiplier (1 = one West Mercia-sized force a year)
 * @param years financial years generated, the last one ending 2025-03-31
 * @param repeats pairs measured, each a full nightly then an incremental night on a copy of its warehouse:
 *     single runs on a shared machine vary by a third, a pair's ratio and the median of the pairs less
 * @param work  folder holding cached landings, warehouses and logs
 * @param seed  generator seed
 * @param root  repository root (where jobs/charter and BENCHMARKS.md live)
 */
public record BenchArgs(double scale, int years, int repeats, Path work, long seed, Path root) {

    static final LocalDate LAST_DAY = LocalDate.of(2025, 3, 31);
    static final long DEFAULT_SEED = 20240401L;
    static final int DEFAULT_REPEATS = 3;
    static final String USAGE = "usage: jobs/bench [--scale N] [--years N] [--repeats N] [--work DIR] [--seed N]";

    public BenchArgs {
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("--scale must be > 0 and <= 1000, was " + scale);
        }
        if (years < 1 || years > 10) {
            throw new IllegalArgumentException("--years must be 1 to 10, was " + years);
        }
        if (repeats < 1 || repeats > 9) {
            throw new IllegalArgumentException("--repeats must be 1 to 9, was " + repeats);
        }
    }

    /** First generated day: 1 April, {@code years} financial years before the end. */
    public LocalDate from() {
        return LAST_DAY.plusDays(1).minusYears(years);
    }

    /** Last day of the base landing (and --as-of of the full nightly). */
    public LocalDate to() {
        return LAST_DAY;
    }

    /** The one extra day landed before the incremental nightly. */
    public LocalDate extraDay() {
        return LAST_DAY.plusDays(1);
    }

    /** Cache key of a landing: same scale, years and seed give the same bytes. */
    public String landingKey() {
        return "landing-s" + GeneratorFormat.number(scale) + "-y" + years + "-seed" + seed;
    }

    public static BenchArgs parse(String... args) {
        double scale = 0.05;
        int years = 1;
        int repeats = DEFAULT_REPEATS;
        Path work = null;
        long seed = DEFAULT_SEED;
        Path root = Paths.get("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--scale" -> scale = Double.parseDouble(value);
                    case "--years" -> years = Integer.parseInt(value);
                    case "--repeats" -> repeats = Integer.parseInt(value);
                    case "--work" -> work = Paths.get(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--root" -> root = Paths.get(value);
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " must be a number, was " + value);
            }
        }
        if (work == null) {
            work = root.resolve("target").resolve("bench");
        }
        return new BenchArgs(scale, years, repeats, work.toAbsolutePath(), seed, root.toAbsolutePath());
    }
}
