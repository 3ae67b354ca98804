package uk.westmercia.charter.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** London time, the date and timestamp styles the contract allows, and seasonal shapes. */
final class Times {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter UK_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter UK_MINUTES = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Timestamp styles, as different force systems write them. */
    enum Style { ISO_OFFSET, ISO_LOCAL, UK_SECONDS, UK_MINUTES }

    private Times() {
    }

    /**
     * Formats a London time. A local style is used only when the local time is unambiguous; in the hour the
     * clocks go back it falls back to an ISO offset, so a reader never has to guess.
     */
    static String format(ZonedDateTime time, Style style) {
        ZonedDateTime london = time.withZoneSameInstant(LONDON);
        if (style != Style.ISO_OFFSET && !unambiguous(london.toLocalDateTime())) {
            style = Style.ISO_OFFSET;
        }
        switch (style) {
            case ISO_LOCAL:
                return ISO_LOCAL.format(london);
            case UK_SECONDS:
                return UK_SECONDS.format(london);
            case UK_MINUTES:
                return UK_MINUTES.format(london);
            case ISO_OFFSET:
            default:
                return ISO_OFFSET.format(london);
        }
    }

    static boolean unambiguous(LocalDateTime local) {
        return LONDON.getRules().getValidOffsets(local).size() == 1;
    }

    static String isoDate(LocalDate date) {
        return ISO_DATE.format(date);
    }

    static String ukDate(LocalDate date) {
        return UK_DATE.format(date);
    }

    /** A London time {@code seconds} after the start of {@code day}. */
    static ZonedDateTime at(LocalDate day, long seconds) {
        return day.atStartOfDay(LONDON).plusSeconds(seconds);
    }

    /** Seconds in a London day (82,800 or 90,000 on clock-change days). */
    static long daySeconds(LocalDate day) {
        return java.time.Duration.between(day.atStartOfDay(LONDON), day.plusDays(1).atStartOfDay(LONDON))
                .getSeconds();
    }

    /** 1 + amplitude * a curve peaking mid-July and lowest mid-January. */
    static double season(LocalDate day, double amplitude) {
        return 1 + amplitude * StrictMath.cos(2 * Math.PI * (day.getDayOfYear() - 196) / 365.25);
    }

    /** 0 in mid-winter to 1 in mid-summer. */
    static double summerness(LocalDate day) {
        return season(day, 1) / 2;
    }

    static boolean weekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /**
     * Times of day for {@code n} events, in ascending order, drawn from an hourly profile (24 relative weights),
     * without holding them all: ascending uniform order statistics generated one at a time.
     */
    static final class SortedTimes {
        private final SplittableRandom random;
        private final double[] cumulative = new double[25];
        private final long daySeconds;
        private int remaining;
        private double current = 1.0;

        SortedTimes(SplittableRandom random, int n, double[] hourWeights, long daySeconds) {
            this.random = random;
            this.remaining = n;
            this.daySeconds = daySeconds;
            double total = 0;
            for (double w : hourWeights) {
                total += w;
            }
            for (int h = 0; h < 24; h++) {
                cumulative[h + 1] = cumulative[h] + hourWeights[h] / total;
            }
        }

        boolean hasNext() {
            return remaining > 0;
        }

        /** Seconds after the start of the day, non-decreasing from call to call. */
        long next() {
            // Descending order statistics of n uniforms: U(n) = V^(1/n), U(k) = U(k+1) * V^(1/k); 1 - U ascends.
            current = current * StrictMath.pow(random.nextDouble(), 1.0 / remaining);
            remaining--;
            double u = 1 - current;
            int h = 0;
            while (h < 23 && cumulative[h + 1] <= u) {
                h++;
            }
            double within = (u - cumulative[h]) / (cumulative[h + 1] - cumulative[h]);
            double fraction = (h + Math.min(Math.max(within, 0), 0.999999)) / 24.0;
            return Math.min(daySeconds - 1, (long) Math.floor(fraction * daySeconds));
        }
    }
}
