package uk.westmercia.charter.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The position-by-position reading of the common timestamp shapes agrees with java.time's ISO parsers on every text. */
class LondonTimeCommonShapeTest {
    private static final String[] SUFFIXES = {"", "Z", "z", "+01:00", "-04:30", "+00:00", "-00:00", "+18:00", "+18:01", "-18:00",
        "+19:00", "+01:60", "+1:00", "+01:00:30", "X", " ", ".5Z", "+0100"};

    @Test
    void readsTheCommonShapesAsTheIsoParsersDo() {
        assertThat(LondonTime.commonShape("2024-07-01T09:15:02+01:00")).isEqualTo(Instant.parse("2024-07-01T08:15:02Z"));
        assertThat(LondonTime.commonShape("2024-07-01T04:15:02-04:00")).isEqualTo(Instant.parse("2024-07-01T08:15:02Z"));
        assertThat(LondonTime.commonShape("2024-01-15T09:15:02Z")).isEqualTo(Instant.parse("2024-01-15T09:15:02Z"));
        // London local: BST in July, and the earlier offset in the autumn overlap.
        assertThat(LondonTime.commonShape("2024-07-01T09:15:02")).isEqualTo(Instant.parse("2024-07-01T08:15:02Z"));
        assertThat(LondonTime.commonShape("2024-10-27T01:30:00")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }

    @Test
    void leavesEveryOtherTextToTheIsoParsers() {
        assertThat(LondonTime.commonShape("2024-02-30T10:00:00")).isNull();
        assertThat(LondonTime.commonShape("2024-07-01T24:00:00Z")).isNull();
        assertThat(LondonTime.commonShape("2024-07-01t09:15:02z")).isNull();
        assertThat(LondonTime.commonShape("2024-07-01T09:15:02.5Z")).isNull();
        assertThat(LondonTime.commonShape("2024-07-01T09:15:02+18:30")).isNull();
        assertThat(LondonTime.commonShape("01/07/2024 09:15:02")).isNull();
        assertThat(LondonTime.parseTimestamp("2024-07-01T09:15:02.5Z")).contains(Instant.parse("2024-07-01T09:15:02.500Z"));
    }

    @Test
    void agreesWithTheIsoParsersOnManyTextsOfTheShapesValidOrNot() {
        Random random = new Random(20241206);
        List<String> disagreements = new ArrayList<>();
        int common = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", pick(random, 0, 1999, 2024, 2025, 9999), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), SUFFIXES[random.nextInt(SUFFIXES.length)]);
            // parseTimestamp trims before either reading.
            Instant fast = LondonTime.commonShape(text.trim());
            Optional<Instant> reference = LondonTime.parseWithFormatters(text.trim());
            common += fast == null ? 0 : 1;
            if ((fast != null && !Optional.of(fast).equals(reference)) || !LondonTime.parseTimestamp(text).equals(reference)) {
                disagreements.add(text + ": " + fast + " against " + reference);
            }
        }
        assertThat(disagreements).isEmpty();
        // The draw has valid texts of the common shapes too: the fast reading was exercised, not only bypassed.
        assertThat(common).isGreaterThan(10_000);
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }
}
