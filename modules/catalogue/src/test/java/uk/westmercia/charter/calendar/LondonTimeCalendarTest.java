package uk.westmercia.charter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Europe/London dates and instants, worked out from the clock-change rules (last Sundays of March and October). */
class LondonTimeCalendarTest {
    @Test
    void localTimestampInSummerIsBst() {
        // 2024-07-01 09:15:02 BST = 08:15:02 UTC.
        assertThat(LondonTime.parseTimestamp("2024-07-01T09:15:02")).contains(Instant.parse("2024-07-01T08:15:02Z"));
    }

    @Test
    void localTimestampInWinterIsGmt() {
        assertThat(LondonTime.parseTimestamp("2024-01-15T09:15:02")).contains(Instant.parse("2024-01-15T09:15:02Z"));
    }

    @Test
    void offsetTimestampIsAnInstant() {
        assertThat(LondonTime.parseTimestamp("2024-07-01T09:15:02+01:00")).contains(Instant.parse("2024-07-01T08:15:02Z"));
        assertThat(LondonTime.parseTimestamp("2024-07-01T08:15:02Z")).contains(Instant.parse("2024-07-01T08:15:02Z"));
        assertThat(LondonTime.parseTimestamp("2024-07-01T04:15:02-04:00")).contains(Instant.parse("2024-07-01T08:15:02Z"));
    }

    @Test
    void ukTimestampWithAndWithoutSeconds() {
        assertThat(LondonTime.parseTimestamp("10/06/2024 11:30")).contains(Instant.parse("2024-06-10T10:30:00Z"));
        assertThat(LondonTime.parseTimestamp("10/06/2024 11:30:45")).contains(Instant.parse("2024-06-10T10:30:45Z"));
    }

    @Test
    void callAcrossTheAutumnClockChangeLastsEightSeconds() {
        // Clocks went back at 02:00 BST on 2024-10-27: 01:59:55 BST (00:59:55 UTC) to 01:00:03 GMT (01:00:03 UTC).
        Instant start = LondonTime.parseTimestamp("2024-10-27T01:59:55+01:00").orElseThrow();
        Instant answered = LondonTime.parseTimestamp("2024-10-27T01:00:03+00:00").orElseThrow();
        assertThat(Duration.between(start, answered)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void springGapLocalTimeMovesForward() {
        // 01:30 on 2024-03-31 does not exist in London; it is read as 02:30 BST = 01:30 UTC.
        assertThat(LondonTime.parseTimestamp("2024-03-31T01:30:00")).contains(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void londonDateOfLateEveningUtcInSummerIsTheNextDay() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: the event belongs to July (and Q2).
        assertThat(LondonTime.londonDate(Instant.parse("2024-06-30T23:30:00Z"))).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(LondonTime.londonDate(Instant.parse("2024-12-31T23:30:00Z"))).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void datesInIsoAndUkOrderNeverUs() {
        assertThat(LondonTime.parseDate("2024-05-05")).contains(LocalDate.of(2024, 5, 5));
        assertThat(LondonTime.parseDate("21/06/2024")).contains(LocalDate.of(2024, 6, 21));
        assertThat(LondonTime.parseDate("06/21/2024")).isEmpty();
        assertThat(LondonTime.parseDate("31/02/2024")).isEmpty();
        assertThat(LondonTime.parseDate("2024-5-5")).isEmpty();
    }
}
