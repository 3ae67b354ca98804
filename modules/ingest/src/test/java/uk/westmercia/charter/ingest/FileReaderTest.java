package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.westmercia.charter.ingest.IngestFixtures.badInput;
import static uk.westmercia.charter.ingest.IngestFixtures.read;
import static uk.westmercia.charter.ingest.IngestFixtures.readText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Source;

/** The bad-input corpus read by FileReader and RowValidator, without Spark; every outcome asserted exactly. */
class FileReaderTest {
    private static final String CATEGORIES = "Anti-social behaviour, Bicycle theft, Burglary, Criminal damage and arson, Drugs, Other crime, "
            + "Other theft, Possession of weapons, Public order, Robbery, Shoplifting, Theft from the person, Vehicle crime, "
            + "Violence and sexual offences";
    private static final String TIMESTAMP_FORMS = "is not a timestamp (ISO-8601 with optional offset, or dd/MM/yyyy HH:mm[:ss])";

    private static void assertRejected(IngestFixtures.Read read, long line, RejectReason reason, String column, String message) {
        assertThat(read.at(line).outcome()).as("line %d", line).isEqualTo(new RowOutcome.Rejected(reason, column, message));
    }

    private static Object[] staged(IngestFixtures.Read read, long line) {
        assertThat(read.at(line).staged()).as("line %d staged: %s", line, read.at(line).outcome()).isTrue();
        return ((RowOutcome.Staged) read.at(line).outcome()).values();
    }

    private static Object value(Source source, Object[] values, String column) {
        return values[StagedSchemas.columnNames(source).indexOf(column)];
    }

    @Test
    void crimeFileWithMixedCaseHeaderUkDatesAndEveryCrimeRejectReason() {
        IngestFixtures.Read read = read(Source.CRIME, badInput("crime/crime-2024-04-30.csv"));

        // 13 data lines, one of them blank (line 12): 12 rows, reconciled.
        assertThat(read.summary().rowsRead()).isEqualTo(12);
        assertThat(read.summary().refusal()).isNull();
        assertThat(read.lines()).extracting(IngestFixtures.Line::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L, 14L);
        assertThat(read.staged() + read.rejected()).isEqualTo(read.summary().rowsRead());
        assertThat(read.staged()).isEqualTo(3);
        assertThat(read.summary().checksum()).isEqualTo(sha256(badInput("crime/crime-2024-04-30.csv")));

        Object[] first = staged(read, 2);
        assertThat(value(Source.CRIME, first, "crime_ref")).isEqualTo("WM24/1");
        assertThat(value(Source.CRIME, first, "recorded_date")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(value(Source.CRIME, first, "offence_date")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(value(Source.CRIME, first, "val_referral_date")).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(value(Source.CRIME, first, "vulnerable_victim")).isEqualTo(true);
        assertThat(value(Source.CRIME, first, "domestic_abuse")).isEqualTo(false);
        assertThat(value(Source.CRIME, first, "victim_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("VIC-SECRET-1"));
        assertThat(value(Source.CRIME, first, "offender_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFF-SECRET-1"));
        assertThat(value(Source.CRIME, first, "location_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("LOC-SECRET-1"));
        // 10:00 London on 2 April 2024 is BST: 09:00 UTC.
        assertThat(value(Source.CRIME, first, "extracted_at")).isEqualTo(Instant.parse("2024-04-02T09:00:00Z"));
        assertThat(value(Source.CRIME, first, "version_at")).isEqualTo(Instant.parse("2024-04-02T09:00:00Z"));
        assertThat(value(Source.CRIME, first, "lpa_code")).isEqualTo("HER");

        // Cells trimmed, empty optional cells take their defaults; no extracted_at: the file-name date (London midnight) stands for it.
        Object[] second = staged(read, 3);
        assertThat(value(Source.CRIME, second, "recorded_date")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(value(Source.CRIME, second, "snt_code")).isEqualTo("HER01");
        assertThat(value(Source.CRIME, second, "status")).isEqualTo("recorded");
        assertThat(value(Source.CRIME, second, "vulnerable_victim")).isEqualTo(false);
        assertThat(value(Source.CRIME, second, "extracted_at")).isNull();
        assertThat(value(Source.CRIME, second, "version_at")).isEqualTo(Instant.parse("2024-04-29T23:00:00Z"));

        assertRejected(read, 4, RejectReason.MISSING_REQUIRED, "crime_ref", "crime_ref is required but empty");
        assertRejected(read, 5, RejectReason.BAD_DATE, "recorded_date", "recorded_date '04/31/2024' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
        assertRejected(read, 6, RejectReason.UNKNOWN_VALUE, "category", "category 'Arson' is not one of " + CATEGORIES);
        assertRejected(read, 7, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'XXX99' is not in the reference data");
        assertRejected(read, 8, RejectReason.BAD_BOOLEAN, "vulnerable_victim", "vulnerable_victim 'maybe' is not a boolean (Y/N, true/false, 1/0)");
        assertRejected(read, 9, RejectReason.BAD_TIMESTAMP, "extracted_at", "extracted_at '2024-13-01T00:00:00' " + TIMESTAMP_FORMS);
        assertRejected(read, 10, RejectReason.DUPLICATE_KEY, "crime_ref", "crime_ref repeats the key of line 2 of this file");
        assertRejected(read, 11, RejectReason.MALFORMED, null, "row has 2 cells, the header has 14");

        // A cancellation is staged (it must replace the crime's earlier versions) and counts nowhere downstream.
        Object[] cancelled = staged(read, 13);
        assertThat(value(Source.CRIME, cancelled, "status")).isEqualTo("cancelled");
        assertThat(value(Source.CRIME, cancelled, "version_at")).isEqualTo(Instant.parse("2024-04-03T07:00:00Z"));
        assertThat(value(Source.CRIME, cancelled, "vulnerable_victim")).isEqualTo(true);
        assertRejected(read, 14, RejectReason.UNKNOWN_VALUE, "status", "status 'withdrawn' is not one of recorded, cancelled");
    }

    @Test
    void contactsFileWithCrlfAndTimestampsAcrossBothClockChanges() throws IOException {
        IngestFixtures.Read read = read(Source.CONTACTS, badInput("contacts/contacts-2024-10-27.csv"));
        assertThat(Files.readString(badInput("contacts/contacts-2024-10-27.csv"))).contains("\r\n");
        assertThat(read.summary().rowsRead()).isEqualTo(10);
        assertThat(read.staged()).isEqualTo(4);
        assertThat(read.rejected()).isEqualTo(6);

        // 01:59:55 BST, answered 01:00:03 GMT on 27 October 2024 (clocks back at 02:00 BST): 8 seconds.
        Object[] c1 = staged(read, 2);
        assertThat(answerTime(c1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(value(Source.CONTACTS, c1, "received_at")).isEqualTo(Instant.parse("2024-10-27T00:59:55Z"));
        assertThat(value(Source.CONTACTS, c1, "snt_code")).isNull();
        assertThat(value(Source.CONTACTS, c1, "lpa_code")).isNull();
        // 00:59:59 GMT, answered 02:00:01 BST on 31 March 2024 (clocks forward at 01:00 GMT): 2 seconds.
        Object[] c2 = staged(read, 3);
        assertThat(answerTime(c2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(value(Source.CONTACTS, c2, "abandoned")).isEqualTo(false);
        assertThat(value(Source.CONTACTS, c2, "lpa_code")).isEqualTo("HER");
        // UK local 01:30 in the autumn overlap is read as the first 01:30 (BST).
        Object[] c3 = staged(read, 4);
        assertThat(value(Source.CONTACTS, c3, "received_at")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(answerTime(c3)).isEqualTo(Duration.ofSeconds(5));
        // 01:00:10 GMT answered at 01:59:59 BST: the later clock reading is 11 seconds earlier.
        assertRejected(read, 5, RejectReason.TIME_ORDER, "answered_at", "answered_at 2024-10-27T00:59:59Z is before received_at 2024-10-27T01:00:10Z");
        assertRejected(read, 6, RejectReason.TIME_ORDER, "responded_at", "responded_at 2024-03-31T08:00:00Z is before received_at 2024-04-01T08:00:00Z");
        assertRejected(read, 7, RejectReason.BAD_TIMESTAMP, "received_at", "received_at 'yesterday' " + TIMESTAMP_FORMS);
        assertRejected(read, 8, RejectReason.UNKNOWN_VALUE, "channel",
                "channel 'fax' is not one of 999, 101, online, email, social_media, letter, in_person, neighbourhood_matters");
        assertRejected(read, 9, RejectReason.UNKNOWN_VALUE, "answered_at", "answered_at is for calls only (channel 999 or 101), not channel email");
        // UK local 01:30 in the spring gap does not exist: it is read as 02:30 BST (01:30 UTC); answered 03:00 BST, 30 minutes on.
        Object[] c9 = staged(read, 10);
        assertThat(value(Source.CONTACTS, c9, "received_at")).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(answerTime(c9)).isEqualTo(Duration.ofMinutes(30));
        assertThat(value(Source.CONTACTS, c9, "abandoned")).isEqualTo(true);
        assertRejected(read, 11, RejectReason.BAD_BOOLEAN, "abandoned", "abandoned 'perhaps' is not a boolean (Y/N, true/false, 1/0)");
    }

    private static Duration answerTime(Object[] contact) {
        return Duration.between((Instant) value(Source.CONTACTS, contact, "received_at"), (Instant) value(Source.CONTACTS, contact, "answered_at"));
    }

    @Test
    void engagementJsonLinesWithBomAndEveryEngagementRejectReason() throws IOException {
        byte[] bytes = Files.readAllBytes(badInput("engagement/engagement-2024-04.jsonl"));
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        IngestFixtures.Read read = read(Source.ENGAGEMENT, badInput("engagement/engagement-2024-04.jsonl"));
        // 15 lines, one blank (record 7): 14 rows; "organiser" and "extra" are unknown fields, counted.
        assertThat(read.summary().rowsRead()).isEqualTo(14);
        assertThat(read.summary().unknownFields()).isEqualTo(2);
        assertThat(read.staged()).isEqualTo(2);
        assertThat(read.rejected()).isEqualTo(12);

        Object[] e1 = staged(read, 1);
        assertThat(value(Source.ENGAGEMENT, e1, "engagement_id")).isEqualTo("E1");
        assertThat(value(Source.ENGAGEMENT, e1, "date")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(value(Source.ENGAGEMENT, e1, "attendees")).isEqualTo(30L);
        assertThat(value(Source.ENGAGEMENT, e1, "seldom_heard")).isEqualTo(true);
        assertThat(value(Source.ENGAGEMENT, e1, "partners")).isEqualTo(java.util.List.of("Council"));
        assertThat(value(Source.ENGAGEMENT, e1, "volunteer_hours")).isEqualTo(1.5);
        assertThat(value(Source.ENGAGEMENT, e1, "virtual")).isEqualTo(false);
        assertRejected(read, 2, RejectReason.BAD_NUMBER, "attendees", "attendees 'lots' is not a whole number");
        assertRejected(read, 3, RejectReason.OUT_OF_RANGE, "attendees", "attendees must be >= 0, was '-1'");
        assertRejected(read, 4, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'SHR02' does not belong to lpa_code 'HER'");
        assertRejected(read, 5, RejectReason.MISSING_REQUIRED, "parish_code", "parish_code is required for a parish_council_meeting");
        assertRejected(read, 6, RejectReason.MALFORMED, null, "not valid JSON (the record breaks at character 44)");
        assertRejected(read, 8, RejectReason.DUPLICATE_KEY, "engagement_id", "engagement_id repeats the key of line 1 of this file");
        assertRejected(read, 9, RejectReason.TIME_ORDER, "closed_date", "closed_date 2024-03-01 is before date 2024-04-01");
        assertRejected(read, 10, RejectReason.BAD_NUMBER, "attendees", "attendees '2.5' is not a whole number");
        assertRejected(read, 11, RejectReason.BAD_BOOLEAN, "virtual", "virtual 'yes' is not a boolean (Y/N, true/false, 1/0)");
        assertRejected(read, 12, RejectReason.OUT_OF_RANGE, "volunteer_hours", "volunteer_hours must be >= 0, was '-0.5'");
        assertRejected(read, 13, RejectReason.UNKNOWN_AREA, "lpa_code", "lpa_code 'XYZ' is not in the reference data");
        assertRejected(read, 14, RejectReason.UNKNOWN_VALUE, "status",
                "status 'open' is not allowed for drop_in, expected one of held, attended, cancelled, not_attended");
        Object[] e15 = staged(read, 15);
        assertThat(value(Source.ENGAGEMENT, e15, "parish_code")).isEqualTo("P001");
        assertThat(value(Source.ENGAGEMENT, e15, "attendees")).isEqualTo(12L);
        assertThat(value(Source.ENGAGEMENT, e15, "virtual")).isEqualTo(true);
    }

    @Test
    void gzippedPublicSurveyWithWeightsAndPseudonymisedRespondents() {
        IngestFixtures.Read read = read(Source.SURVEY_PUBLIC, badInput("survey-public/survey-public-2024-04.csv.gz"));
        assertThat(read.summary().rowsRead()).isEqualTo(6);
        assertThat(read.staged()).isEqualTo(2);
        Object[] r1 = staged(read, 2);
        assertThat(value(Source.SURVEY_PUBLIC, r1, "respondent_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("R-SECRET-1"));
        assertThat(value(Source.SURVEY_PUBLIC, r1, "weight")).isEqualTo(1.2);
        assertThat(value(Source.SURVEY_PUBLIC, r1, "lpa_code")).isEqualTo("HER");
        assertRejected(read, 3, RejectReason.OUT_OF_RANGE, "weight", "weight must be > 0, was '0'");
        assertRejected(read, 4, RejectReason.BAD_NUMBER, "weight", "weight 'abc' is not a number");
        assertRejected(read, 5, RejectReason.UNKNOWN_VALUE, "q_know_snt", "q_know_snt 'Maybe' is not one of Yes, No, Don't know");
        assertRejected(read, 6, RejectReason.DUPLICATE_KEY, "respondent_id", "respondent_id repeats the key of line 2 of this file");
        Object[] r5 = staged(read, 7);
        assertThat(value(Source.SURVEY_PUBLIC, r5, "interview_date")).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(value(Source.SURVEY_PUBLIC, r5, "weight")).isEqualTo(1.0);
        assertThat(value(Source.SURVEY_PUBLIC, r5, "q_know_snt")).isEqualTo("Don't know");
        // The checksum is of the file as landed (compressed bytes), so a re-landing is recognised.
        assertThat(read.summary().checksum()).isEqualTo(sha256(badInput("survey-public/survey-public-2024-04.csv.gz")));
    }

    @Test
    void parishSurveyWithBomAndCrlf() {
        IngestFixtures.Read read = read(Source.SURVEY_PARISH, badInput("survey-parish/survey-parish-2024-04.csv"));
        assertThat(read.summary().rowsRead()).isEqualTo(2);
        Object[] p1 = staged(read, 2);
        assertThat(value(Source.SURVEY_PARISH, p1, "response_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("PR-SECRET-1"));
        assertThat(value(Source.SURVEY_PARISH, p1, "snt_code")).isEqualTo("HER01");
        assertThat(value(Source.SURVEY_PARISH, p1, "lpa_code")).isEqualTo("HER");
        assertRejected(read, 3, RejectReason.UNKNOWN_AREA, "parish_code", "parish_code 'P999' is not in the reference data");
    }

    @Test
    void patrolsFileWithCrlfUkTimestampsAndEveryPatrolRejectReason() throws IOException {
        IngestFixtures.Read read = read(Source.PATROLS, badInput("patrols/patrols-2024-04-30.csv"));
        assertThat(Files.readString(badInput("patrols/patrols-2024-04-30.csv"))).contains("\r\n");

        // 15 data lines, one of them blank (line 12): 14 rows, reconciled.
        assertThat(read.summary().rowsRead()).isEqualTo(14);
        assertThat(read.summary().refusal()).isNull();
        assertThat(read.lines()).extracting(IngestFixtures.Line::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L, 14L, 15L, 16L);
        assertThat(read.staged()).isEqualTo(3);
        assertThat(read.rejected()).isEqualTo(11);

        // officer_id first in the header: column order is free. 09:00 London on 1 April 2024 is BST.
        Object[] pt1 = staged(read, 2);
        assertThat(value(Source.PATROLS, pt1, "patrol_id")).isEqualTo("PT1");
        assertThat(value(Source.PATROLS, pt1, "started_at")).isEqualTo(Instant.parse("2024-04-01T08:00:00Z"));
        assertThat(value(Source.PATROLS, pt1, "ended_at")).isEqualTo(Instant.parse("2024-04-01T08:45:00Z"));
        assertThat(value(Source.PATROLS, pt1, "lsoa_code")).isEqualTo("E01013953");
        assertThat(value(Source.PATROLS, pt1, "mode")).isEqualTo("foot");
        assertThat(value(Source.PATROLS, pt1, "officer_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFFICER-SECRET-1"));
        assertThat(value(Source.PATROLS, pt1, "officer_role")).isEqualTo("PCSO");
        assertThat(value(Source.PATROLS, pt1, "lpa_code")).isEqualTo("HER");
        // A visit ending the moment it starts is not out of order; UK timestamps; no officer, no role.
        Object[] pt2 = staged(read, 3);
        assertThat(value(Source.PATROLS, pt2, "started_at")).isEqualTo(Instant.parse("2024-04-01T09:00:00Z"));
        assertThat(value(Source.PATROLS, pt2, "ended_at")).isEqualTo(Instant.parse("2024-04-01T09:00:00Z"));
        assertThat(value(Source.PATROLS, pt2, "officer_id")).isNull();
        assertThat(value(Source.PATROLS, pt2, "officer_role")).isNull();

        assertRejected(read, 4, RejectReason.MISSING_REQUIRED, "patrol_id", "patrol_id is required but empty");
        assertRejected(read, 5, RejectReason.BAD_TIMESTAMP, "started_at", "started_at '31/04/2024 09:00' " + TIMESTAMP_FORMS);
        assertRejected(read, 6, RejectReason.TIME_ORDER, "ended_at", "ended_at 2024-04-01T07:59:59Z is before started_at 2024-04-01T08:00:00Z");
        assertRejected(read, 7, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'XXX99' is not in the reference data");
        assertRejected(read, 8, RejectReason.UNKNOWN_VALUE, "mode", "mode 'horse' is not one of foot, vehicle, cycle");
        assertRejected(read, 9, RejectReason.UNKNOWN_VALUE, "officer_role",
                "officer_role 'chief' is not one of PC, PCSO, special, sergeant, inspector, other");
        assertRejected(read, 10, RejectReason.DUPLICATE_KEY, "patrol_id", "patrol_id repeats the key of line 2 of this file");
        assertRejected(read, 11, RejectReason.MISSING_REQUIRED, "ended_at", "ended_at is required but empty");
        // 01:50 BST to 01:10 GMT on 27 October 2024 (clocks back at 02:00 BST): twenty minutes, in order.
        Object[] pt10 = staged(read, 13);
        assertThat(value(Source.PATROLS, pt10, "started_at")).isEqualTo(Instant.parse("2024-10-27T00:50:00Z"));
        assertThat(value(Source.PATROLS, pt10, "ended_at")).isEqualTo(Instant.parse("2024-10-27T01:10:00Z"));
        assertThat(value(Source.PATROLS, pt10, "officer_id")).isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFFICER-SECRET-5"));
        assertThat(value(Source.PATROLS, pt10, "lpa_code")).isEqualTo("SHR");
        assertRejected(read, 14, RejectReason.MALFORMED, null, "row has 4 cells, the header has 8");
        // 01:50 BST to 01:40 BST the same night: the later clock reading is ten minutes earlier.
        assertRejected(read, 15, RejectReason.TIME_ORDER, "ended_at", "ended_at 2024-10-27T00:40:00Z is before started_at 2024-10-27T00:50:00Z");
        assertRejected(read, 16, RejectReason.MISSING_REQUIRED, "lsoa_code", "lsoa_code is required but empty");
    }

    @Test
    void prioritiesFileWithPaddedMixedCaseHeaderAndEveryPriorityRejectReason() {
        IngestFixtures.Read read = read(Source.PRIORITIES, badInput("priorities/priorities-2024-04-30.csv"));
        assertThat(read.summary().rowsRead()).isEqualTo(15);
        assertThat(read.summary().refusal()).isNull();
        assertThat(read.staged()).isEqualTo(4);
        assertThat(read.rejected()).isEqualTo(11);

        Object[] ev1 = staged(read, 2);
        assertThat(value(Source.PRIORITIES, ev1, "event_id")).isEqualTo("EV1");
        assertThat(value(Source.PRIORITIES, ev1, "priority_id")).isEqualTo("PRI1");
        assertThat(value(Source.PRIORITIES, ev1, "event_date")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(value(Source.PRIORITIES, ev1, "event")).isEqualTo("set");
        assertThat(value(Source.PRIORITIES, ev1, "parish_code")).isEqualTo("P001");
        assertThat(value(Source.PRIORITIES, ev1, "category")).isEqualTo("asb");
        assertThat(value(Source.PRIORITIES, ev1, "raised_via")).isEqualTo("parish_council");
        // An empty update_published is false.
        assertThat(value(Source.PRIORITIES, ev1, "update_published")).isEqualTo(false);
        assertThat(value(Source.PRIORITIES, ev1, "lpa_code")).isEqualTo("HER");
        Object[] ev2 = staged(read, 3);
        assertThat(value(Source.PRIORITIES, ev2, "event_date")).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(value(Source.PRIORITIES, ev2, "parish_code")).isNull();
        assertThat(value(Source.PRIORITIES, ev2, "raised_via")).isNull();
        assertThat(value(Source.PRIORITIES, ev2, "update_published")).isEqualTo(false);
        Object[] ev3 = staged(read, 4);
        assertThat(value(Source.PRIORITIES, ev3, "event")).isEqualTo("closed");
        assertThat(value(Source.PRIORITIES, ev3, "update_published")).isEqualTo(true);

        assertRejected(read, 5, RejectReason.MISSING_REQUIRED, "priority_id", "priority_id is required but empty");
        assertRejected(read, 6, RejectReason.BAD_DATE, "event_date", "event_date '30/02/2024' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
        assertRejected(read, 7, RejectReason.UNKNOWN_VALUE, "event", "event 'opened' is not one of set, reviewed, closed");
        assertRejected(read, 8, RejectReason.UNKNOWN_VALUE, "category",
                "category 'fly_tipping' is not one of asb, speeding, drugs, burglary, theft, violence, parking, other");
        assertRejected(read, 9, RejectReason.UNKNOWN_VALUE, "raised_via",
                "raised_via 'rumour' is not one of survey, public_meeting, parish_council, online, partner, analysis");
        assertRejected(read, 10, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'XXX99' is not in the reference data");
        // P001 is in HER01: not HER02's, though both are in Herefordshire.
        assertRejected(read, 11, RejectReason.UNKNOWN_AREA, "parish_code", "parish_code 'P001' does not belong to snt_code 'HER02'");
        assertRejected(read, 12, RejectReason.UNKNOWN_AREA, "parish_code", "parish_code 'P999' is not in the reference data");
        assertRejected(read, 13, RejectReason.BAD_BOOLEAN, "update_published", "update_published 'maybe' is not a boolean (Y/N, true/false, 1/0)");
        assertRejected(read, 14, RejectReason.DUPLICATE_KEY, "event_id", "event_id repeats the key of line 2 of this file");
        Object[] ev13 = staged(read, 15);
        assertThat(value(Source.PRIORITIES, ev13, "parish_code")).isEqualTo("P002");
        assertThat(value(Source.PRIORITIES, ev13, "lpa_code")).isEqualTo("SHR");
        assertThat(value(Source.PRIORITIES, ev13, "update_published")).isEqualTo(true);
        assertRejected(read, 16, RejectReason.MISSING_REQUIRED, "category", "category is required but empty");
    }

    @Test
    void neighbourhoodMattersFileWithBomKeyedByMonthAndSnt() throws IOException {
        byte[] bytes = Files.readAllBytes(badInput("neighbourhood-matters/neighbourhood-matters-2024-05-01.csv"));
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        IngestFixtures.Read read = read(Source.NEIGHBOURHOOD_MATTERS, badInput("neighbourhood-matters/neighbourhood-matters-2024-05-01.csv"));
        assertThat(read.summary().rowsRead()).isEqualTo(17);
        assertThat(read.summary().refusal()).isNull();
        assertThat(read.staged()).isEqualTo(4);
        assertThat(read.rejected()).isEqualTo(13);

        Object[] her01 = staged(read, 2);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "month")).isEqualTo("2024-04");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "snt_code")).isEqualTo("HER01");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "registered_users")).isEqualTo(1520L);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "messages_sent")).isEqualTo(12L);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "replies_received")).isEqualTo(3L);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her01, "lpa_code")).isEqualTo("HER");
        // The same month for another SNT is another key, as is the same SNT in another month.
        Object[] her02 = staged(read, 3);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her02, "month")).isEqualTo("2024-04");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her02, "snt_code")).isEqualTo("HER02");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her02, "messages_sent")).isNull();
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, her02, "replies_received")).isNull();
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, staged(read, 4), "month")).isEqualTo("2024-03");

        String key = "month, snt_code";
        assertRejected(read, 5, RejectReason.DUPLICATE_KEY, key, key + " repeats the key of line 2 of this file");
        assertRejected(read, 6, RejectReason.MISSING_REQUIRED, "month", "month is required but empty");
        assertRejected(read, 7, RejectReason.BAD_DATE, "month", "month '2024-13' is not a month (yyyy-MM)");
        assertRejected(read, 8, RejectReason.BAD_DATE, "month", "month '2024-4' is not a month (yyyy-MM)");
        assertRejected(read, 9, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'XXX99' is not in the reference data");
        assertRejected(read, 10, RejectReason.MISSING_REQUIRED, "registered_users", "registered_users is required but empty");
        assertRejected(read, 11, RejectReason.OUT_OF_RANGE, "registered_users", "registered_users must be >= 0, was '-1'");
        assertRejected(read, 12, RejectReason.BAD_NUMBER, "registered_users", "registered_users '99999999999999999999' "
                + "is out of range for a whole number (-9223372036854775808 to 9223372036854775807)");
        assertRejected(read, 13, RejectReason.BAD_NUMBER, "registered_users", "registered_users 'many' is not a whole number");
        assertRejected(read, 14, RejectReason.OUT_OF_RANGE, "messages_sent", "messages_sent must be >= 0, was '-3'");
        assertRejected(read, 15, RejectReason.BAD_NUMBER, "replies_received", "replies_received '2.5' is not a whole number");
        assertRejected(read, 16, RejectReason.MALFORMED, null, "row has 4 cells, the header has 5");
        // Cells trimmed; zero is in range.
        Object[] shr02 = staged(read, 17);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, shr02, "month")).isEqualTo("2024-04");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, shr02, "snt_code")).isEqualTo("SHR02");
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, shr02, "registered_users")).isEqualTo(0L);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, shr02, "messages_sent")).isEqualTo(0L);
        assertThat(value(Source.NEIGHBOURHOOD_MATTERS, shr02, "lpa_code")).isEqualTo("SHR");
        // A key repeats after its first row even where that row was rejected (line 11, out of range).
        assertRejected(read, 18, RejectReason.DUPLICATE_KEY, key, key + " repeats the key of line 11 of this file");
    }

    @Test
    void patrolsFileWhoseHeaderLacksRequiredColumnsIsRefusedWithoutItsOfficerIds() {
        IngestFixtures.Read read = read(Source.PATROLS, badInput("refused/patrols-2024-05-01.csv"));
        assertThat(read.summary().refusal()).isEqualTo("patrols/patrols-2024-05-01.csv: file refused, header lacks required column(s) ended_at, mode");
        assertThat(read.summary().rowsRead()).isZero();
        assertThat(read.lines()).isEmpty();
        assertThat(read.summary().refusal()).doesNotContain("OFFICER-SECRET-9");
        assertThat(read.summary().checksum()).isEqualTo(sha256(badInput("refused/patrols-2024-05-01.csv")));
        // A file with no optional column at all is not refused: officer_id and officer_role may be left out.
        IngestFixtures.Read minimal = readText(Source.PATROLS, "patrols/p.csv",
                "patrol_id,started_at,ended_at,lsoa_code,snt_code,mode\nPT1,2024-04-01T09:00:00,2024-04-01T09:30:00,E01013953,HER01,foot\n");
        assertThat(minimal.summary().refusal()).isNull();
        assertThat(value(Source.PATROLS, staged(minimal, 2), "officer_id")).isNull();
        // Neighbourhood Matters without its key's second column, priorities without their event.
        assertThat(readText(Source.NEIGHBOURHOOD_MATTERS, "neighbourhood-matters/n.csv", "month,registered_users\n2024-04,10\n").summary().refusal())
                .isEqualTo("neighbourhood-matters/n.csv: file refused, header lacks required column(s) snt_code");
        assertThat(readText(Source.PRIORITIES, "priorities/p.csv", "event_id,priority_id,event_date,snt_code,category\nE1,P1,2024-04-01,HER01,asb\n")
                .summary().refusal()).isEqualTo("priorities/p.csv: file refused, header lacks required column(s) event");
    }

    @Test
    void fileWhoseHeaderLacksRequiredColumnsIsRefusedWithOneMessage() {
        IngestFixtures.Read read = read(Source.CRIME, badInput("refused/crime-2024-05-01.csv"));
        assertThat(read.summary().refusal()).isEqualTo("crime/crime-2024-05-01.csv: file refused, header lacks required column(s) category, snt_code");
        assertThat(read.summary().rowsRead()).isZero();
        assertThat(read.lines()).isEmpty();
        assertThat(read.summary().refusal()).doesNotContain("VIC-SECRET-1");
        assertThat(read.summary().checksum()).isEqualTo(sha256(badInput("refused/crime-2024-05-01.csv")));
    }

    @Test
    void aHeaderThatRepeatsAColumnIsRefusedNamingIt() {
        // Matched as headers are, case-insensitively after trimming: the first occurrence no longer wins unseen.
        IngestFixtures.Read read = readText(Source.CRIME, "crime/crime-2024-04-30.csv",
                "crime_ref,recorded_date,category,snt_code, SNT_Code \nWM1,2024-04-01,Drugs,HER01,SHR02\n");
        assertThat(read.summary().refusal()).isEqualTo("crime/crime-2024-04-30.csv: file refused, header repeats column(s) snt_code (columns 4 and 5)");
        assertThat(read.summary().rowsRead()).isZero();
        assertThat(read.lines()).isEmpty();

        IngestFixtures.Read many = readText(Source.SURVEY_PARISH, "survey-parish/p.csv",
                "response_id,response_date,parish_code,notes,Notes,response_id,NOTES,,\nA1,2024-04-03,P001,,,,,,\n");
        assertThat(many.summary().refusal())
                .isEqualTo("survey-parish/p.csv: file refused, header repeats column(s) response_id (columns 1 and 6), notes (columns 4, 5 and 7)");
    }

    @Test
    void aJsonRecordThatGivesAFieldTwiceIsRejected() {
        String record = "{\"engagement_id\":\"E%d\",\"date\":\"2024-04-01\",\"type\":\"drop_in\",\"lpa_code\":\"HER\",\"status\":\"held\"%s}\n";
        IngestFixtures.Read read = readText(Source.ENGAGEMENT, "engagement/e.jsonl",
                String.format(record, 1, ",\"attendees\":5,\"attendees\":99")
                        + String.format(record, 2, ",\"attendees\":5,\" Attendees\":99")
                        + String.format(record, 3, ",\"attendees\":5"));

        String reason = " is given more than once (fields match case-insensitively after trimming)";
        assertRejected(read, 1, RejectReason.MALFORMED, null, "field 'attendees'" + reason);
        assertRejected(read, 2, RejectReason.MALFORMED, null, "field 'Attendees'" + reason);
        assertThat(value(Source.ENGAGEMENT, staged(read, 3), "attendees")).isEqualTo(5L);
    }

    @Test
    void crimeFileWithNeitherExtractedAtNorAFileNameDateIsRefused() {
        IngestFixtures.Read read = readText(Source.CRIME, "crime/latest.csv", "crime_ref,recorded_date,category,snt_code\nWM1,2024-04-01,Drugs,HER01\n");
        assertThat(read.summary().refusal()).isEqualTo("crime/latest.csv: file refused, header lacks column extracted_at and the file name carries"
                + " no extract date (yyyy-MM-dd or yyyyMMdd), so its rows have no version");
        // With the column but an empty cell, only that row is rejected.
        IngestFixtures.Read withColumn = readText(Source.CRIME, "crime/latest.csv",
                "crime_ref,recorded_date,category,snt_code,extracted_at\nWM1,2024-04-01,Drugs,HER01,\nWM2,2024-04-01,Drugs,HER01,20/04/2024 10:00\n");
        assertRejected(withColumn, 2, RejectReason.MISSING_REQUIRED, "extracted_at",
                "extracted_at is empty and the file name carries no extract date (yyyy-MM-dd or yyyyMMdd)");
        assertThat(value(Source.CRIME, staged(withColumn, 3), "version_at")).isEqualTo(Instant.parse("2024-04-20T09:00:00Z"));
    }

    @Test
    void policeUkHeaderMustBeAsPublished() {
        IngestFixtures.Read read = readText(Source.POLICEUK, "policeuk/2024-01-street.csv", "Month,Crime type\n2024-01,Drugs\n");
        assertThat(read.summary().refusal()).isEqualTo("policeuk/2024-01-street.csv: file refused, header lacks required column(s) Crime ID, "
                + "Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Last outcome category, Context");
    }

    @Test
    void aBrokenQuoteRefusesTheFileRatherThanLoseTheRowsAfterIt() {
        IngestFixtures.Read read = readText(Source.SURVEY_PARISH, "survey-parish/p.csv",
                "response_id,response_date,parish_code\nA1,2024-04-03,P001\nA2,\"2024-04-03\"x,P001\nA3,2024-04-03,P001\n");
        assertThat(read.summary().refusal())
                .startsWith("survey-parish/p.csv: file refused, from line 3 it cannot be parsed as CSV (a quote opened and not closed?): ")
                .satisfies(message -> assertThat(message.lines().count()).isEqualTo(1));
    }

    @Test
    void aFileThatIsNotUtf8OrIsEmptyIsRefused() {
        byte[] latin1 = "response_id,response_date,parish_code\nA1,2024-04-03,P001\nA\u00e9,2024-04-03,P001\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        IngestFixtures.Read read = IngestFixtures.read(Source.SURVEY_PARISH, "survey-parish/p.csv", new ByteArrayInputStream(latin1));
        assertThat(read.summary().refusal()).isEqualTo("survey-parish/p.csv: file refused, line 3 is not UTF-8 text");
        // The line of the bad byte, even where the text is decoded far ahead of the parser, and on the header line.
        StringBuilder longer = new StringBuilder("response_id,response_date,parish_code\n");
        for (int i = 0; i < 30_000; i++) {
            longer.append("A").append(i).append(",2024-04-03,\"P\n001\"\n");
        }
        longer.append("B\u00e9,2024-04-03,P001\n");
        IngestFixtures.Read far = IngestFixtures.read(Source.SURVEY_PARISH, "survey-parish/p.csv",
                new ByteArrayInputStream(longer.toString().getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(far.summary().refusal()).isEqualTo("survey-parish/p.csv: file refused, line 60002 is not UTF-8 text");
        IngestFixtures.Read header = IngestFixtures.read(Source.SURVEY_PARISH, "survey-parish/p.csv",
                new ByteArrayInputStream("response_id,r\u00e9sponse_date,parish_code\nA1,2024-04-03,P001\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(header.summary().refusal()).isEqualTo("survey-parish/p.csv: file refused, line 1 is not UTF-8 text");
        // JSON Lines: the line is the record.
        IngestFixtures.Read json = IngestFixtures.read(Source.ENGAGEMENT, "engagement/e.jsonl",
                new ByteArrayInputStream("{\"a\":1}\n\n{\"b\":\"\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(json.summary().refusal()).isEqualTo("engagement/e.jsonl: file refused, line 3 is not UTF-8 text");

        IngestFixtures.Read empty = readText(Source.SURVEY_PARISH, "survey-parish/p.csv", "");
        assertThat(empty.summary().refusal()).isEqualTo("survey-parish/p.csv: file refused, it is empty (no header row)");
    }

    @Test
    void blankLinesAreNotRowsAndLineNumbersStayExact() {
        IngestFixtures.Read read = readText(Source.SURVEY_PARISH, "survey-parish/p.csv",
                "response_id,response_date,parish_code\r\n\r\nA1,2024-04-03,P001\r\n   \r\n\r\nA2,2024-04-03,P404\r\n\"A3\",\"2024-04-03\",\"P\r\n001\"\r\nA4,bad,P001\r\n");
        assertThat(read.summary().rowsRead()).isEqualTo(4);
        assertThat(read.lines()).extracting(IngestFixtures.Line::line).containsExactly(3L, 6L, 7L, 9L);
        assertRejected(read, 6, RejectReason.UNKNOWN_AREA, "parish_code", "parish_code 'P404' is not in the reference data");
        assertRejected(read, 9, RejectReason.BAD_DATE, "response_date", "response_date 'bad' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
    }

    @Test
    void aTruncatedGzipRefusesTheFileWithOneLineNamingFileAndLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            StringBuilder text = new StringBuilder("response_id,response_date,parish_code\n");
            for (int i = 0; i < 20000; i++) {
                text.append("A").append(i).append(",2024-04-03,P001\n");
            }
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        IngestFixtures.Read read = IngestFixtures.read(Source.SURVEY_PARISH, "survey-parish/p.csv.gz", new ByteArrayInputStream(truncated));
        assertThat(read.summary().refusal())
                .matches("survey-parish/p\\.csv\\.gz: file refused, it cannot be read \\(near line \\d+\\): Unexpected end of ZLIB input stream")
                .satisfies(message -> assertThat(message.lines().count()).isEqualTo(1));
    }

    @Test
    void aKeyIsRepeatedAfterItsFirstRowEvenWhenThatRowWasRejected() {
        IngestFixtures.Read read = readText(Source.CRIME, "crime/crime-2024-04-30.csv", """
                crime_ref,recorded_date,category,snt_code
                WM1,31/02/2024,Drugs,HER01
                WM1,2024-04-01,Drugs,HER01
                WM2,2024-04-02,Drugs,XXX99
                WM2,2024-04-03,Robbery,HER01
                ,2024-04-03,Robbery,HER01
                WM3,2024-04-04,Burglary,HER01
                """);

        assertThat(read.staged()).isEqualTo(1);
        assertRejected(read, 2, RejectReason.BAD_DATE, "recorded_date", "recorded_date '31/02/2024' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
        assertRejected(read, 3, RejectReason.DUPLICATE_KEY, "crime_ref", "crime_ref repeats the key of line 2 of this file");
        assertRejected(read, 4, RejectReason.UNKNOWN_AREA, "snt_code", "snt_code 'XXX99' is not in the reference data");
        assertRejected(read, 5, RejectReason.DUPLICATE_KEY, "crime_ref", "crime_ref repeats the key of line 4 of this file");
        assertRejected(read, 6, RejectReason.MISSING_REQUIRED, "crime_ref", "crime_ref is required but empty");
        assertThat(value(Source.CRIME, staged(read, 7), "crime_ref")).isEqualTo("WM3");
    }

    @Test
    void everyReasonCodeIsInTheCorpus() {
        Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        for (Object[] file : new Object[][] {{Source.CRIME, "crime/crime-2024-04-30.csv"}, {Source.CONTACTS, "contacts/contacts-2024-10-27.csv"},
                {Source.ENGAGEMENT, "engagement/engagement-2024-04.jsonl"}, {Source.SURVEY_PUBLIC, "survey-public/survey-public-2024-04.csv.gz"},
                {Source.SURVEY_PARISH, "survey-parish/survey-parish-2024-04.csv"}, {Source.PATROLS, "patrols/patrols-2024-04-30.csv"},
                {Source.PRIORITIES, "priorities/priorities-2024-04-30.csv"},
                {Source.NEIGHBOURHOOD_MATTERS, "neighbourhood-matters/neighbourhood-matters-2024-05-01.csv"}}) {
            IngestFixtures.Read read = read((Source) file[0], badInput((String) file[1]));
            read.lines().stream().filter(line -> !line.staged()).forEach(line -> seen.add(line.rejected().reason()));
            // No reject message carries a raw personal identifier.
            read.lines().stream().filter(line -> !line.staged()).forEach(line ->
                    IngestFixtures.RAW_IDENTIFIERS.forEach(raw -> assertThat(line.rejected().message()).doesNotContain(raw)));
        }
        assertThat(seen).isEqualTo(EnumSet.allOf(RejectReason.class));
    }

    @Test
    void eachNewSourceFileHoldsEveryReasonCodeThatAppliesToIt() {
        assertThat(reasons(Source.PATROLS, "patrols/patrols-2024-04-30.csv")).isEqualTo(EnumSet.of(RejectReason.MALFORMED,
                RejectReason.MISSING_REQUIRED, RejectReason.BAD_TIMESTAMP, RejectReason.UNKNOWN_VALUE, RejectReason.UNKNOWN_AREA,
                RejectReason.DUPLICATE_KEY, RejectReason.TIME_ORDER));
        assertThat(reasons(Source.PRIORITIES, "priorities/priorities-2024-04-30.csv")).isEqualTo(EnumSet.of(RejectReason.MISSING_REQUIRED,
                RejectReason.BAD_DATE, RejectReason.BAD_BOOLEAN, RejectReason.UNKNOWN_VALUE, RejectReason.UNKNOWN_AREA, RejectReason.DUPLICATE_KEY));
        assertThat(reasons(Source.NEIGHBOURHOOD_MATTERS, "neighbourhood-matters/neighbourhood-matters-2024-05-01.csv")).isEqualTo(EnumSet.of(
                RejectReason.MALFORMED, RejectReason.MISSING_REQUIRED, RejectReason.BAD_DATE, RejectReason.BAD_NUMBER, RejectReason.UNKNOWN_AREA,
                RejectReason.DUPLICATE_KEY, RejectReason.OUT_OF_RANGE));
    }

    private static Set<RejectReason> reasons(Source source, String file) {
        Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        read(source, badInput(file)).lines().stream().filter(line -> !line.staged()).forEach(line -> seen.add(line.rejected().reason()));
        return seen;
    }

    static String sha256(java.nio.file.Path file) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
