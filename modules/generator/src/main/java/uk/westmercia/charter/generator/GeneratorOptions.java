package uk.westmercia.charter.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param out          landing folder to write (created; must be empty or absent)
 * @param seed         random seed: the same options give the same bytes
 * @param scale        volume multiplier; 1 = one West Mercia-sized force for one year
 *                     (about 90,000 recorded crimes, 25,000 ASB records, 150,000 999 calls, ...)
 * @param from         first day generated (inclusive)
 * @param to           last day generated (inclusive)
 * @param split        one file per source per day or per month
 * @param surveyScale  volume multiplier for the two surveys (defaults to {@code scale}); lets a small
 *                     sample keep survey bases large enough for quarterly LPA figures
 * @param badRows      whether to include a small share (about 0.2%) of realistically bad rows
 *                     (unknown area, bad date, duplicate key, time order) so rejects show up
 * @param gzipContacts whether to write contact logs as {@code .csv.gz}
 * @param gzipPatrols  whether to write patrol visits as {@code .csv.gz}
 */
public record GeneratorOptions(Path out, long seed, double scale, LocalDate from, LocalDate to, FileSplit split,
                               double surveyScale, boolean badRows, boolean gzipContacts, boolean gzipPatrols) {

    static final String PREFIX = "Cannot generate landing data: ";
    /** Upper bound on scale: one hundred forces' worth of data is more than any test needs. */
    static final double MAX_SCALE = 1000;
    /** Dates outside this window are almost certainly typing mistakes. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public GeneratorOptions {
        if (out == null) {
            throw invalid("out must be given");
        }
        checkScale("scale", scale);
        checkScale("survey scale", surveyScale);
        if (from == null) {
            throw invalid("from must be given");
        }
        if (to == null) {
            throw invalid("to must be given");
        }
        if (to.isBefore(from)) {
            throw invalid("to (" + to + ") must not be before from (" + from + ")");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw invalid("dates must lie between " + EARLIEST + " and " + LATEST + ", were " + from + " to " + to);
        }
        if (split == null) {
            throw invalid("split must be given");
        }
    }

    /**
     * Options with the survey scale equal to {@code scale}, bad rows on and plain (not gzipped) contacts and
     * patrols.
     */
    public GeneratorOptions(Path out, long seed, double scale, LocalDate from, LocalDate to, FileSplit split) {
        this(out, seed, scale, from, to, split, scale, true, false, false);
    }

    public GeneratorOptions withSurveyScale(double newSurveyScale) {
        return new GeneratorOptions(out, seed, scale, from, to, split, newSurveyScale, badRows, gzipContacts,
                gzipPatrols);
    }

    public GeneratorOptions withBadRows(boolean newBadRows) {
        return new GeneratorOptions(out, seed, scale, from, to, split, surveyScale, newBadRows, gzipContacts,
                gzipPatrols);
    }

    public GeneratorOptions withGzipContacts(boolean newGzipContacts) {
        return new GeneratorOptions(out, seed, scale, from, to, split, surveyScale, badRows, newGzipContacts,
                gzipPatrols);
    }

    public GeneratorOptions withGzipPatrols(boolean newGzipPatrols) {
        return new GeneratorOptions(out, seed, scale, from, to, split, surveyScale, badRows, gzipContacts,
                newGzipPatrols);
    }

    private static void checkScale(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(name + " must be > 0, was " + format(value));
        }
        if (value > MAX_SCALE) {
            throw invalid(name + " must be <= " + format(MAX_SCALE) + ", was " + format(value));
        }
    }

    static IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException(PREFIX + what);
    }

    /** {@code -1.0} prints as {@code -1}, {@code 0.25} as {@code 0.25}. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
