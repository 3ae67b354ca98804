package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.BOOLEAN;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.STRING;

import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.landing.CellText;

/**
 * {@code priorities/*.csv}, the neighbourhood priorities register as events (data contract, section 2):
 * placed by its SNT, whose parish, if given, must be one of that SNT's.
 */
public final class PrioritiesSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.PRIORITIES)
            .columns(
                    required("event_id", STRING),
                    required("priority_id", STRING),
                    required("event_date", DATE),
                    required("event", STRING).allowing("set", "reviewed", "closed"),
                    required("snt_code", STRING),
                    optional("parish_code", STRING),
                    required("category", STRING).allowing("asb", "speeding", "drugs", "burglary", "theft", "violence", "parking", "other"),
                    optional("raised_via", STRING).allowing("survey", "public_meeting", "parish_council", "online", "partner", "analysis"),
                    optional("update_published", BOOLEAN).withDefault(false))
            .key("event_id")
            .derives(StagedColumn.notNull("lpa_code", STRING))
            .rules(RowRules.placedBySnt(PrioritiesSource::check))
            .build();

    private PrioritiesSource() {
    }

    private static RowOutcome check(ContractRow row, ReferenceLookup reference, String lpa) {
        String snt = row.string("snt_code");
        String parish = row.string("parish_code");
        if (parish != null) {
            String parishSnt = reference.sntByParish().get(parish);
            if (parishSnt == null) {
                return RowRules.unknownArea("parish_code", parish);
            }
            if (!parishSnt.equals(snt)) {
                return new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "parish_code",
                        "parish_code " + CellText.quoted(parish) + " does not belong to snt_code " + CellText.quoted(snt));
            }
        }
        return row.stage(lpa);
    }
}
