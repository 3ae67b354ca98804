package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.BOOLEAN;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.TIMESTAMP;

import java.time.Instant;
import java.util.List;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;

/**
 * {@code contacts/*.csv}, the contact logs (data contract, section 2): a contact with an SNT is placed
 * by it, one without is force-wide; only calls are answered, and nothing is answered or responded to
 * before it was received.
 */
public final class ContactsSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.CONTACTS)
            .columns(
                    required("contact_id", STRING),
                    required("received_at", TIMESTAMP),
                    required("channel", STRING).allowing("999", "101", "online", "email", "social_media", "letter", "in_person", "neighbourhood_matters"),
                    required("contact_type", STRING).allowing("emergency", "non_emergency", "correspondence", "feedback", "complaint"),
                    optional("snt_code", STRING),
                    optional("answered_at", TIMESTAMP),
                    optional("abandoned", BOOLEAN).withDefault(false),
                    optional("response_due_at", TIMESTAMP),
                    optional("responded_at", TIMESTAMP))
            .key("contact_id")
            .derives(StagedColumn.nullable("lpa_code", STRING))
            .rules(ContactsSource::check)
            .build();

    private ContactsSource() {
    }

    private static RowOutcome check(ContractRow row, ReferenceLookup reference) {
        String snt = row.string("snt_code");
        String lpa = null;
        if (snt != null) {
            lpa = reference.lpaBySnt().get(snt);
            if (lpa == null) {
                return RowRules.unknownArea("snt_code", snt);
            }
        }
        Instant received = row.instant("received_at");
        String channel = row.string("channel");
        if (row.get("answered_at") != null && !channel.equals("999") && !channel.equals("101")) {
            return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "answered_at",
                    "answered_at is for calls only (channel 999 or 101), not channel " + channel);
        }
        for (String later : List.of("answered_at", "responded_at")) {
            Instant at = row.instant(later);
            if (at != null && at.isBefore(received)) {
                return new RowOutcome.Rejected(RejectReason.TIME_ORDER, later, later + " " + at + " is before received_at " + received);
            }
        }
        return row.stage(lpa);
    }
}
