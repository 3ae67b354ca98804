package uk.westmercia.charter.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
