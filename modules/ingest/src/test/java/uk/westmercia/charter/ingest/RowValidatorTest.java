package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Source;

/** The row rules of patrols, priorities and neighbourhood-matters, one row at a time: plain Java, no Spark. */
class RowValidatorTest {
    private static RowOutcome validate(Source source, Map<String, String> cells) {
        return new RowValidator(source, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER).validate(new HashMap<>(cells), Optional.empty());
    }

    private static Object staged(Source source, RowOutcome outcome, String column) {
        assertThat(outcome).as("staged").isInstanceOf(RowOutcome.Staged.class);
        return ((RowOutcome.Staged) outcome).values()[StagedSchemas.columnNames(source).indexOf(column)];
    }

    private static Map<String, String> patrol(String startedAt, String endedAt) {
        Map<String, String> row = new HashMap<>(Map.of("patrol_id", "PT1", "started_at", startedAt, "ended_at", endedAt, "lsoa_code", "E01013953",
                "snt_code", "HER01", "mode", "foot"));
        row.put("officer_id", "OFFICER-SECRET-1");
        return row;
    }

    @Test
    void aVisitMayEndTheMomentItStartsButNotBefore() {
        RowOutcome same = validate(Source.PATROLS, patrol("2024-04-01T09:00:00", "2024-04-01T09:00:00"));
        assertThat(staged(Source.PATROLS, same, "started_at")).isEqualTo(Instant.parse("2024-04-01T08:00:00Z"));
        assertThat(staged(Source.PATROLS, same, "ended_at")).isEqualTo(Instant.parse("2024-04-01T08:00:00Z"));
        assertThat(staged(Source.PATROLS, same, "lpa_code")).isEqualTo("HER");
        // The same instant written two ways is the same instant.
        assertThat(validate(Source.PATROLS, patrol("2024-04-01T09:00:00+01:00", "2024-04-01T08:00:00Z"))).isInstanceOf(RowOutcome.Staged.class);

        assertThat(validate(Source.PATROLS, patrol("2024-04-01T09:00:00", "2024-04-01T08:59:59"))).isEqualTo(new RowOutcome.Rejected(
                RejectReason.TIME_ORDER, "ended_at", "ended_at 2024-04-01T07:59:59Z is before started_at 2024-04-01T08:00:00Z"));
        // Later on the clock, earlier in time: 09:30 at UTC+02:00 is 08:30 in London (BST), before 09:00.
        assertThat(validate(Source.PATROLS, patrol("2024-04-01T09:00:00", "2024-04-01T09:30:00+02:00"))).isEqualTo(new RowOutcome.Rejected(
                RejectReason.TIME_ORDER, "ended_at", "ended_at 2024-04-01T07:30:00Z is before started_at 2024-04-01T08:00:00Z"));
    }

    @Test
    void aPatrolsOfficerIdIsPseudonymisedAndItsAreaChecked() {
        RowOutcome outcome = validate(Source.PATROLS, patrol("2024-04-01T09:00:00", "2024-04-01T09:30:00"));
        assertThat(staged(Source.PATROLS, outcome, "officer_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFFICER-SECRET-1"));
        assertThat(Arrays.asList(((RowOutcome.Staged) outcome).values())).doesNotContain("OFFICER-SECRET-1");

        Map<String, String> elsewhere = patrol("2024-04-01T09:00:00", "2024-04-01T08:00:00");
        elsewhere.put("snt_code", "XXX99");
        // The area is checked before the times.
        assertThat(validate(Source.PATROLS, elsewhere)).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "snt_code",
                "snt_code 'XXX99' is not in the reference data"));
        Map<String, String> noMode = patrol("2024-04-01T09:00:00", "2024-04-01T09:30:00");
        noMode.remove("mode");
        assertThat(validate(Source.PATROLS, noMode)).isEqualTo(new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "mode", "mode is required but empty"));
    }

    private static Map<String, String> priority(String snt, String parish) {
        Map<String, String> row = new HashMap<>(Map.of("event_id", "EV1", "priority_id", "PRI1", "event_date", "2024-04-01", "event", "set",
                "snt_code", snt, "category", "asb"));
        if (parish != null) {
            row.put("parish_code", parish);
        }
        return row;
    }

    @Test
    void aPrioritysParishMustBelongToItsSnt() {
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, priority("HER01", "P001")), "parish_code")).isEqualTo("P001");
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, priority("SHR02", "P002")), "lpa_code")).isEqualTo("SHR");
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, priority("HER01", null)), "parish_code")).isNull();
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, priority("HER01", " ")), "parish_code")).isNull();

        // P002 is SHR02's: in another SNT and another LPA.
        assertThat(validate(Source.PRIORITIES, priority("HER01", "P002"))).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA,
                "parish_code", "parish_code 'P002' does not belong to snt_code 'HER01'"));
        // P001 is HER01's: HER02 is in the same LPA, still another SNT.
        assertThat(validate(Source.PRIORITIES, priority("HER02", "P001"))).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA,
                "parish_code", "parish_code 'P001' does not belong to snt_code 'HER02'"));
        assertThat(validate(Source.PRIORITIES, priority("HER01", "P999"))).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA,
                "parish_code", "parish_code 'P999' is not in the reference data"));
        // An unknown SNT is named, not its parish.
        assertThat(validate(Source.PRIORITIES, priority("XXX99", "P001"))).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA,
                "snt_code", "snt_code 'XXX99' is not in the reference data"));
    }

    @Test
    void updatePublishedIsFalseUnlessGiven() {
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, priority("HER01", null)), "update_published")).isEqualTo(false);
        Map<String, String> empty = priority("HER01", null);
        empty.put("update_published", "");
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, empty), "update_published")).isEqualTo(false);
        for (String yes : new String[] {"Y", "true", "TRUE", "1", "y"}) {
            Map<String, String> row = priority("HER01", null);
            row.put("update_published", yes);
            assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, row), "update_published")).as(yes).isEqualTo(true);
        }
        Map<String, String> no = priority("HER01", null);
        no.put("update_published", "n");
        assertThat(staged(Source.PRIORITIES, validate(Source.PRIORITIES, no), "update_published")).isEqualTo(false);
        Map<String, String> bad = priority("HER01", null);
        bad.put("update_published", "yes");
        assertThat(validate(Source.PRIORITIES, bad)).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_BOOLEAN, "update_published",
                "update_published 'yes' is not a boolean (Y/N, true/false, 1/0)"));
    }

    private static Map<String, String> figures(String month, String registeredUsers) {
        Map<String, String> row = new HashMap<>(Map.of("snt_code", "HER01"));
        if (month != null) {
            row.put("month", month);
        }
        if (registeredUsers != null) {
            row.put("registered_users", registeredUsers);
        }
        return row;
    }

    @Test
    void aMonthIsYyyyDashMmAndARealMonth() {
        RowOutcome april = validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "10"));
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, april, "month")).isEqualTo("2024-04");
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, april, "lpa_code")).isEqualTo("HER");
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, validate(Source.NEIGHBOURHOOD_MATTERS, figures(" 2024-12 ", "10")), "month")).isEqualTo("2024-12");

        for (String bad : new String[] {"2024-13", "2024-4", "2024-00", "2024-04-01", "04/2024", "2024/04", "24-04", "April 2024", "2024-1O"}) {
            assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures(bad, "10"))).as(bad).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_DATE,
                    "month", "month '" + bad + "' is not a month (yyyy-MM)"));
        }
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures(null, "10"))).isEqualTo(new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED,
                "month", "month is required but empty"));
        Map<String, String> nowhere = figures("2024-04", "10");
        nowhere.put("snt_code", "XXX99");
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, nowhere)).isEqualTo(new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "snt_code",
                "snt_code 'XXX99' is not in the reference data"));
    }

    @Test
    void registeredUsersIsAWholeNumberFromZeroThatALongHolds() {
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "0")), "registered_users")).isEqualTo(0L);
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "9223372036854775807")),
                "registered_users")).isEqualTo(Long.MAX_VALUE);
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "99999999999999999999"))).isEqualTo(new RowOutcome.Rejected(
                RejectReason.BAD_NUMBER, "registered_users",
                "registered_users '99999999999999999999' is out of range for a whole number (-9223372036854775808 to 9223372036854775807)"));
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "-1"))).isEqualTo(new RowOutcome.Rejected(RejectReason.OUT_OF_RANGE,
                "registered_users", "registered_users must be >= 0, was '-1'"));
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "1.5"))).isEqualTo(new RowOutcome.Rejected(RejectReason.BAD_NUMBER,
                "registered_users", "registered_users '1.5' is not a whole number"));
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", null))).isEqualTo(new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED,
                "registered_users", "registered_users is required but empty"));
        // The optional counts: empty is null (not zero), and below zero is out of range.
        RowOutcome none = validate(Source.NEIGHBOURHOOD_MATTERS, figures("2024-04", "10"));
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, none, "messages_sent")).isNull();
        assertThat(staged(Source.NEIGHBOURHOOD_MATTERS, none, "replies_received")).isNull();
        Map<String, String> negative = figures("2024-04", "10");
        negative.put("replies_received", "-2");
        assertThat(validate(Source.NEIGHBOURHOOD_MATTERS, negative)).isEqualTo(new RowOutcome.Rejected(RejectReason.OUT_OF_RANGE,
                "replies_received", "replies_received must be >= 0, was '-2'"));
    }
}
