package uk.westmercia.charter.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The extract date a file name carries, as {@code yyyy-MM-dd} or {@code yyyyMMdd}. */
public final class FileNames {
    private static final Pattern DASHED = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");

    private FileNames() {
    }

    public static Optional<LocalDate> extractDate(String fileName) {
        for (Pattern pattern : new Pattern[] {DASHED, COMPACT}) {
            Matcher matcher = pattern.matcher(fileName);
            while (matcher.find()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)),
                            Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
                }
                catch (DateTimeException e) {
                    // Not a date after all: keep looking.
                }
            }
        }
        return Optional.empty();
    }
}
