package uk.westmercia.charter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LondonTimeTest {
    private static Instant ts(String text) {
        return LondonTime.parseTimestamp(text).orElseThrow(() -> new AssertionError("not a timestamp: " + text));
    }

    @Test
    void datesIsoOrUkNeverUs() {
        assertThat(LondonTime.parseDate("2024-04-01")).contains(LocalDate.of(2024, 4, 1));
        assertThat(LondonTime.parseDate(" 01/04/2024 ")).contains(LocalDate.of(2024, 4, 1));
        assertThat(LondonTime.parseDate("04/31/2024")).isEmpty();
        assertThat(LondonTime.parseDate("2024-02-30")).isEmpty();
        assertThat(LondonTime.parseDate("29/02/2024")).contains(LocalDate.of(2024, 2, 29));
        assertThat(LondonTime.parseDate("1/4/2024")).isEmpty();
    }

    @Test
    void autumnClockChangeWithOffsets() {
        // 01:59:55 BST answered 01:00:03 GMT on 27 October 2024: 8 seconds.
        assertThat(Duration.between(ts("2024-10-27T01:59:55+01:00"), ts("2024-10-27T01:00:03Z"))).isEqualTo(Duration.ofSeconds(8));
        assertThat(Duration.between(ts("2024-10-27T01:59:55+01:00"), ts("2024-10-27T01:00:03+00:00"))).isEqualTo(Duration.ofSeconds(8));
        // Without an offset, a time in the repeated hour is the first (BST) one.
        assertThat(ts("2024-10-27T01:30:00")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(ts("27/10/2024 01:30")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(LondonTime.londonDate(Instant.parse("2024-10-26T23:30:00Z"))).isEqualTo(LocalDate.of(2024, 10, 27));
    }

    @Test
    void springClockChange() {
        // 00:59:59 GMT answered 02:00:01 BST on 31 March 2024: 2 seconds.
        assertThat(Duration.between(ts("2024-03-31T00:59:59Z"), ts("2024-03-31T02:00:01+01:00"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(ts("31/03/2024 00:59:59"), ts("31/03/2024 02:00:01"))).isEqualTo(Duration.ofSeconds(2));
        // 01:30 local does not exist that day: moved on by the gap, to 02:30 BST.
        assertThat(ts("2024-03-31T01:30")).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void badTimestamps() {
        assertThat(LondonTime.parseTimestamp("yesterday")).isEqualTo(Optional.empty());
        assertThat(LondonTime.parseTimestamp("2024-13-01T00:00:00")).isEmpty();
        assertThat(LondonTime.parseTimestamp("31/04/2024 10:00")).isEmpty();
        assertThat(LondonTime.parseTimestamp("2024-04-01")).isEmpty();
        assertThat(ts("2024-04-01T09:15:02")).isEqualTo(Instant.parse("2024-04-01T08:15:02Z"));
        assertThat(ts("2024-01-15T09:15:02.5Z")).isEqualTo(Instant.parse("2024-01-15T09:15:02.500Z"));
    }
}
