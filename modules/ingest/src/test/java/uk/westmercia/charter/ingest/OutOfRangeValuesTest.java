package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Source;

/** Numbers beyond what a column's type holds are rejected, never wrapped; a huge bad value is cut in its reason. */
class OutOfRangeValuesTest {
    private static final String RANGE = "is out of range for a whole number (-9223372036854775808 to 9223372036854775807)";
    private static final RowValidator ENGAGEMENT = new RowValidator(Source.ENGAGEMENT, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER);

    private static String record(String attendees) {
        return "{\"engagement_id\":\"E1\",\"date\":\"2024-04-01\",\"type\":\"drop_in\",\"lpa_code\":\"HER\",\"status\":\"held\",\"attendees\":"
                + attendees + "}\n";
    }

    private static RowOutcome attendees(Object cell) {
        Map<String, Object> raw = new HashMap<>(Map.of("engagement_id", "E1", "date", "2024-04-01", "type", "drop_in", "lpa_code", "HER",
                "status", "held"));
        raw.put("attendees", cell);
        return ENGAGEMENT.validate(raw, Optional.empty());
    }

    private static Object stagedAttendees(RowOutcome outcome) {
        assertThat(outcome).isInstanceOf(RowOutcome.Staged.class);
        return ((RowOutcome.Staged) outcome).values()[StagedSchemas.columnNames(Source.ENGAGEMENT).indexOf("attendees")];
    }

    @Test
    void aJsonIntegerTooLargeForItsTypeIsRejectedNotWrapped() {
        IngestFixtures.Read read = IngestFixtures.readText(Source.ENGAGEMENT, "engagement/e.jsonl",
                record("99999999999999999999") + record("-99999999999999999999").replace("E1", "E2") + record("1e20").replace("E1", "E3")
                        + record("9223372036854775807").replace("E1", "E4") + record("30.0").replace("E1", "E5"));

        assertThat(read.at(1).outcome()).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '99999999999999999999' " + RANGE));
        // Below zero as well as beyond the type: the type's limit is what is wrong first.
        assertThat(read.at(2).outcome()).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '-99999999999999999999' " + RANGE));
        assertThat(read.at(3).outcome()).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '1.0E20' " + RANGE));
        assertThat(stagedAttendees(read.at(4).outcome())).isEqualTo(Long.MAX_VALUE);
        assertThat(stagedAttendees(read.at(5).outcome())).isEqualTo(30L);
    }

    @Test
    void aJsonNumberBeyondADoubleIsRejectedNotStagedAsInfinity() {
        IngestFixtures.Read read = IngestFixtures.readText(Source.ENGAGEMENT, "engagement/e.jsonl",
                record("1").replace("}", ",\"volunteer_hours\":1e400}") + record("2").replace("E1", "E2").replace("}", ",\"volunteer_hours\":\"1e400\"}"));

        assertThat(read.at(1).outcome()).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(((RowOutcome.Rejected) read.at(1).outcome()).reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(read.at(2).outcome()).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "volunteer_hours",
                "volunteer_hours '1e400' is not a finite number"));
    }

    @Test
    void aHugeIntegerAsTextIsRejectedNotWrapped() {
        // As a CSV cell reaches the validator (and as a JSON string): text.
        assertThat(attendees("99999999999999999999")).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '99999999999999999999' " + RANGE));
        assertThat(attendees("+0009223372036854775808")).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '+0009223372036854775808' " + RANGE));
        assertThat(attendees(new BigInteger("18446744073709551616"))).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '18446744073709551616' " + RANGE));
        assertThat(stagedAttendees(attendees("0042"))).isEqualTo(42L);
        assertThat(attendees("2.5")).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees", "attendees '2.5' is not a whole number"));
        assertThat(attendees("12abc")).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees", "attendees '12abc' is not a whole number"));
        assertThat(attendees("-1")).isEqualTo(new RowOutcome.Rejected(RejectReason.OUT_OF_RANGE, "attendees", "attendees must be >= 0, was '-1'"));
    }

    @Test
    void aVeryLongBadValueIsCutInTheReasonWithItsLength() {
        String huge = "x".repeat(1 << 20);
        RowOutcome outcome = attendees(huge);

        assertThat(outcome).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER, "attendees",
                "attendees '" + "x".repeat(60) + "\u2026 (1048576 characters)' is not a whole number"));
        RowOutcome digits = attendees("9".repeat(1 << 20));
        assertThat(((RowOutcome.Rejected) digits).message()).isEqualTo("attendees '" + "9".repeat(60) + "\u2026 (1048576 characters)' " + RANGE);

        Map<String, Object> raw = new HashMap<>(Map.of("engagement_id", "E1", "date", "2024-04-01", "type", "drop_in", "lpa_code", huge,
                "status", "held"));
        assertThat(ENGAGEMENT.validate(raw, Optional.empty())).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "lpa_code",
                "lpa_code '" + "x".repeat(60) + "\u2026 (1048576 characters)' is not in the reference data"));
        // A value of up to 80 characters is shown whole.
        assertThat(((RowOutcome.Rejected) attendees("y".repeat(80))).message()).isEqualTo("attendees '" + "y".repeat(80) + "' is not a whole number");
    }
}
