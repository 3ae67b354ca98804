package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.BOOLEAN;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.INTEGER;
import static uk.westmercia.charter.ingest.ColumnType.NUMBER;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.STRING_LIST;

import java.time.LocalDate;
import java.util.List;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.landing.CellText;

/**
 * {@code engagement/*.jsonl}, the engagement records, one JSON object per line (data contract,
 * section 2): placed by the LPA they give, whose SNT and parish must agree with it; a problem-solving
 * plan is open or closed, any other engagement held, attended, cancelled or not attended.
 */
public final class EngagementSource {
    /** The engagement types the contract allows. */
    public static final List<String> TYPES = List.of(
            "engagement_vehicle", "parish_council_meeting", "school_visit", "public_event", "drop_in",
            "street_survey", "iag_meeting", "watch_scheme", "ride_along", "youth_engagement",
            "partnership_meeting", "problem_solving_plan", "community_message");

    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.ENGAGEMENT)
            .format(SourceFormat.JSON_LINES)
            .columns(
                    required("engagement_id", STRING),
                    required("date", DATE),
                    required("type", STRING).allowing(TYPES.toArray(String[]::new)),
                    required("lpa_code", STRING),
                    optional("snt_code", STRING),
                    optional("parish_code", STRING),
                    required("status", STRING).allowing("held", "attended", "cancelled", "not_attended", "open", "closed"),
                    optional("closed_date", DATE),
                    optional("attendees", INTEGER).atLeast(0),
                    optional("seldom_heard", BOOLEAN).withDefault(false),
                    optional("partners", STRING_LIST),
                    optional("volunteer_hours", NUMBER).atLeast(0),
                    optional("virtual", BOOLEAN).withDefault(false))
            .key("engagement_id")
            .rules(EngagementSource::check)
            .build();

    private EngagementSource() {
    }

    private static RowOutcome check(ContractRow row, ReferenceLookup reference) {
        String lpa = row.string("lpa_code");
        if (!reference.lpaBySnt().containsValue(lpa)) {
            return RowRules.unknownArea("lpa_code", lpa);
        }
        String snt = row.string("snt_code");
        if (snt != null && !lpa.equals(reference.lpaBySnt().get(snt))) {
            return reference.lpaBySnt().containsKey(snt)
                    ? new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "snt_code", "snt_code " + CellText.quoted(snt) + " does not belong to lpa_code " + CellText.quoted(lpa))
                    : RowRules.unknownArea("snt_code", snt);
        }
        String type = row.string("type");
        String parish = row.string("parish_code");
        if (type.equals("parish_council_meeting") && parish == null) {
            return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "parish_code", "parish_code is required for a parish_council_meeting");
        }
        if (parish != null && !reference.sntByParish().containsKey(parish)) {
            return RowRules.unknownArea("parish_code", parish);
        }
        String status = row.string("status");
        boolean plan = type.equals("problem_solving_plan");
        List<String> statuses = plan ? List.of("open", "closed") : List.of("held", "attended", "cancelled", "not_attended");
        if (!statuses.contains(status)) {
            return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "status",
                    "status " + CellText.quoted(status) + " is not allowed for " + type + ", expected one of " + String.join(", ", statuses));
        }
        LocalDate closed = row.date("closed_date");
        if (closed != null && !plan) {
            return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "closed_date", "closed_date is only for problem_solving_plan, not " + type);
        }
        if (closed != null && closed.isBefore(row.date("date"))) {
            return new RowOutcome.Rejected(RejectReason.TIME_ORDER, "closed_date", "closed_date " + closed + " is before date " + row.get("date"));
        }
        return row.stage();
    }
}
