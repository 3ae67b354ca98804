package uk.westmercia.charter.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Dates and timestamps as the contract reads them: ISO {@code yyyy-MM-dd} or UK {@code dd/MM/yyyy}
 * (never US order); ISO-8601 timestamps with or without an offset, or UK {@code dd/MM/yyyy HH:mm[:ss]}.
 * A timestamp without an offset is London local time; event dates are London dates.
 */
public final class LondonTime {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("dd/MM/uuuu HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private LondonTime() {
    }

    /** A contract date, or empty when the text is neither {@code yyyy-MM-dd} nor {@code dd/MM/yyyy}. */
    public static Optional<LocalDate> parseDate(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.trim();
        DateTimeFormatter formatter = trimmed.indexOf('/') >= 0 ? UK_DATE : ISO_DATE;
        try {
            return Optional.of(LocalDate.parse(trimmed, formatter));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A contract timestamp as an instant, or empty when it is not a timestamp the contract allows. */
    public static Optional<Instant> parseTimestamp(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.trim();
        Instant common = commonShape(trimmed);
        return common != null ? Optional.of(common) : parseWithFormatters(trimmed);
    }

    /**
     * The shapes nearly every extract writes, {@code uuuu-MM-ddTHH:mm:ss} then {@code Z}, {@code ±HH:MM}
     * or nothing: the fields taken by position and checked by java.time as the ISO parser checks them.
     * Null for any other text, or any value out of range, which the ISO parser then decides. The parser
     * was 8% of a full nightly's staging samples on its own (its optional sections copy its state per field).
     */
    static Instant commonShape(String text) {
        int length = text.length();
        if ((length != 19 && length != 20 && length != 25) || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)
                || text.charAt(7) != '-' || !digits(text, 8, 10) || text.charAt(10) != 'T' || !digits(text, 11, 13)
                || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
            if (length == 19) {
                return londonLocal(local);
            }
            char sign = text.charAt(19);
            if (length == 20) {
                return sign == 'Z' ? local.toInstant(ZoneOffset.UTC) : null;
            }
            if ((sign != '+' && sign != '-') || !digits(text, 20, 22) || text.charAt(22) != ':' || !digits(text, 23, 25)) {
                return null;
            }
            int direction = sign == '+' ? 1 : -1;
            return local.toInstant(ZoneOffset.ofHoursMinutes(direction * number(text, 20, 22), direction * number(text, 23, 25)));
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** {@link #parseTimestamp} by java.time's formatters alone, for any shape the contract allows. */
    static Optional<Instant> parseWithFormatters(String trimmed) {
        try {
            if (trimmed.indexOf('/') >= 0) {
                return Optional.of(londonLocal(LocalDateTime.parse(trimmed, UK_TIMESTAMP)));
            }
            if (hasOffset(trimmed)) {
                return Optional.of(OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            return Optional.of(londonLocal(LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The London date of an instant. */
    public static LocalDate londonDate(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }

    /**
     * London local time to an instant. In the autumn overlap the earlier offset (BST) is taken, as
     * a clock reading without offset most often comes from a system still on summer time; in the
     * spring gap the time is moved forward by the gap's length.
     */
    private static Instant londonLocal(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, LONDON, null).toInstant();
    }

    private static boolean hasOffset(String text) {
        int timeStart = text.indexOf('T');
        if (timeStart < 0) {
            return false;
        }
        String time = text.substring(timeStart);
        return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }
}
