package uk.westmercia.charter.ingest;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.BOOLEAN;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.INTEGER;
import static uk.westmercia.charter.ingest.ColumnType.MONTH;
import static uk.westmercia.charter.ingest.ColumnType.NUMBER;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.STRING_LIST;
import static uk.westmercia.charter.ingest.ColumnType.TIMESTAMP;

import java.util.List;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.reference.CrimeCategories;

/** The input columns of each source, exactly as section 2 of the data contract gives them. */
public final class SourceSchemas {
    public static final List<String> ENGAGEMENT_TYPES = List.of(
            "engagement_vehicle", "parish_council_meeting", "school_visit", "public_event", "drop_in",
            "street_survey", "iag_meeting", "watch_scheme", "ride_along", "youth_engagement",
            "partnership_meeting", "problem_solving_plan", "community_message");

    private static final String[] AGREE = {
            "Strongly agree", "Tend to agree", "Neither agree nor disagree", "Tend to disagree", "Strongly disagree", "Don't know"};
    private static final String[] SATISFIED = {
            "Very satisfied", "Fairly satisfied", "Neither", "Fairly dissatisfied", "Very dissatisfied", "Don't know"};
    private static final String[] YES_NO = {"Yes", "No", "Don't know"};

    private static final List<ColumnSpec> CRIME = List.of(
            required("crime_ref", STRING),
            required("recorded_date", DATE),
            optional("offence_date", DATE),
            required("category", STRING).allowing(CrimeCategories.ALL.toArray(String[]::new)),
            required("snt_code", STRING),
            optional("location_id", STRING).personalData(),
            optional("lsoa_code", STRING),
            optional("victim_id", STRING).personalData(),
            optional("offender_id", STRING).personalData(),
            optional("vulnerable_victim", BOOLEAN).withDefault(false),
            optional("domestic_abuse", BOOLEAN).withDefault(false),
            optional("val_referral_date", DATE),
            optional("status", STRING).allowing("recorded", "cancelled").withDefault("recorded"),
            optional("extracted_at", TIMESTAMP));

    private static final List<ColumnSpec> POLICEUK = List.of(
            optional("Crime ID", STRING),
            required("Month", STRING),
            optional("Reported by", STRING),
            optional("Falls within", STRING),
            optional("Longitude", STRING),
            optional("Latitude", STRING),
            optional("Location", STRING),
            optional("LSOA code", STRING),
            optional("LSOA name", STRING),
            required("Crime type", STRING).allowing(CrimeCategories.ALL.toArray(String[]::new)),
            optional("Last outcome category", STRING),
            optional("Context", STRING));

    private static final List<ColumnSpec> CONTACTS = List.of(
            required("contact_id", STRING),
            required("received_at", TIMESTAMP),
            required("channel", STRING).allowing("999", "101", "online", "email", "social_media", "letter", "in_person", "neighbourhood_matters"),
            required("contact_type", STRING).allowing("emergency", "non_emergency", "correspondence", "feedback", "complaint"),
            optional("snt_code", STRING),
            optional("answered_at", TIMESTAMP),
            optional("abandoned", BOOLEAN).withDefault(false),
            optional("response_due_at", TIMESTAMP),
            optional("responded_at", TIMESTAMP));

    private static final List<ColumnSpec> ENGAGEMENT = List.of(
            required("engagement_id", STRING),
            required("date", DATE),
            required("type", STRING).allowing(ENGAGEMENT_TYPES.toArray(String[]::new)),
            required("lpa_code", STRING),
            optional("snt_code", STRING),
            optional("parish_code", STRING),
            required("status", STRING).allowing("held", "attended", "cancelled", "not_attended", "open", "closed"),
            optional("closed_date", DATE),
            optional("attendees", INTEGER).atLeast(0),
            optional("seldom_heard", BOOLEAN).withDefault(false),
            optional("partners", STRING_LIST),
            optional("volunteer_hours", NUMBER).atLeast(0),
            optional("virtual", BOOLEAN).withDefault(false));

    private static final List<ColumnSpec> SURVEY_PUBLIC = List.of(
            required("respondent_id", STRING).personalData(),
            required("interview_date", DATE),
            required("snt_code", STRING),
            optional("age_band", STRING).allowing("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"),
            optional("sex", STRING).allowing("F", "M"),
            optional("ethnicity", STRING).allowing("White", "Mixed", "Asian", "Black", "Other", "Prefer not to say"),
            optional("weight", NUMBER).greaterThan(0).withDefault(1.0),
            optional("q_know_snt", STRING).allowing(YES_NO),
            optional("q_foot_patrol", STRING).allowing("At least weekly", "At least monthly", "Less than monthly", "Never", "Don't know"),
            optional("q_good_job", STRING).allowing("Excellent", "Good", "Fair", "Poor", "Very poor", "Don't know"),
            optional("q_relied_on", STRING).allowing(AGREE),
            optional("q_respect", STRING).allowing(AGREE),
            optional("q_fair", STRING).allowing(AGREE),
            optional("q_understand", STRING).allowing(AGREE),
            optional("q_matter", STRING).allowing(AGREE),
            optional("q_confidence", STRING).allowing(AGREE));

    private static final List<ColumnSpec> SURVEY_PARISH = List.of(
            required("response_id", STRING).personalData(),
            required("response_date", DATE),
            required("parish_code", STRING),
            optional("q_attendance_satisfaction", STRING).allowing(SATISFIED),
            optional("q_partnership_satisfaction", STRING).allowing(SATISFIED),
            optional("q_regular_updates", STRING).allowing(YES_NO),
            optional("q_know_snt", STRING).allowing(YES_NO));

    private static final List<ColumnSpec> PATROLS = List.of(
            required("patrol_id", STRING),
            required("started_at", TIMESTAMP),
            required("ended_at", TIMESTAMP),
            required("lsoa_code", STRING),
            required("snt_code", STRING),
            required("mode", STRING).allowing("foot", "vehicle", "cycle"),
            optional("officer_id", STRING).personalData(),
            optional("officer_role", STRING).allowing("PC", "PCSO", "special", "sergeant", "inspector", "other"));

    private static final List<ColumnSpec> PRIORITIES = List.of(
            required("event_id", STRING),
            required("priority_id", STRING),
            required("event_date", DATE),
            required("event", STRING).allowing("set", "reviewed", "closed"),
            required("snt_code", STRING),
            optional("parish_code", STRING),
            required("category", STRING).allowing("asb", "speeding", "drugs", "burglary", "theft", "violence", "parking", "other"),
            optional("raised_via", STRING).allowing("survey", "public_meeting", "parish_council", "online", "partner", "analysis"),
            optional("update_published", BOOLEAN).withDefault(false));

    private static final List<ColumnSpec> NEIGHBOURHOOD_MATTERS = List.of(
            required("month", MONTH),
            required("snt_code", STRING),
            required("registered_users", INTEGER).atLeast(0),
            optional("messages_sent", INTEGER).atLeast(0),
            optional("replies_received", INTEGER).atLeast(0));

    private SourceSchemas() {
    }

    public static List<ColumnSpec> columns(Source source) {
        return switch (source) {
            case CRIME -> CRIME;
            case POLICEUK -> POLICEUK;
            case CONTACTS -> CONTACTS;
            case ENGAGEMENT -> ENGAGEMENT;
            case SURVEY_PUBLIC -> SURVEY_PUBLIC;
            case SURVEY_PARISH -> SURVEY_PARISH;
            case PATROLS -> PATROLS;
            case PRIORITIES -> PRIORITIES;
            case NEIGHBOURHOOD_MATTERS -> NEIGHBOURHOOD_MATTERS;
        };
    }

    /**
     * The columns a file's header must carry, else the whole file is refused: the required columns;
     * for data.police.uk every published column, as the contract fixes that header exactly.
     */
    public static List<String> headerColumns(Source source) {
        return columns(source).stream()
                .filter(column -> source == Source.POLICEUK || column.required())
                .map(ColumnSpec::name)
                .toList();
    }

    /**
     * The columns whose values together must be unique within a file, and by which a newer file's row
     * replaces an older one; empty where rows have no key (police.uk ASB rows have no crime id).
     */
    public static List<String> keyColumns(Source source) {
        return switch (source) {
            case CRIME -> List.of("crime_ref");
            case POLICEUK -> List.of();
            case CONTACTS -> List.of("contact_id");
            case ENGAGEMENT -> List.of("engagement_id");
            case SURVEY_PUBLIC -> List.of("respondent_id");
            case SURVEY_PARISH -> List.of("response_id");
            case PATROLS -> List.of("patrol_id");
            case PRIORITIES -> List.of("event_id");
            case NEIGHBOURHOOD_MATTERS -> List.of("month", "snt_code");
        };
    }
}
