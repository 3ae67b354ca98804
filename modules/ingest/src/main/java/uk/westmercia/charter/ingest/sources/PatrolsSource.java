package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.TIMESTAMP;

import java.time.Instant;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;

/**
 * {@code patrols/*.csv}, patrol visits, one row per officer's continuous presence in one LSOA (data
 * contract, section 2): placed by its SNT; a visit may end the moment it starts, not before.
 */
public final class PatrolsSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.PATROLS)
            .columns(
                    required("patrol_id", STRING),
                    required("started_at", TIMESTAMP),
                    required("ended_at", TIMESTAMP),
                    required("lsoa_code", STRING),
                    required("snt_code", STRING),
                    required("mode", STRING).allowing("foot", "vehicle", "cycle"),
                    optional("officer_id", STRING).personalData(),
                    optional("officer_role", STRING).allowing("PC", "PCSO", "special", "sergeant", "inspector", "other"))
            .key("patrol_id")
            .derives(StagedColumn.notNull("lpa_code", STRING))
            .rules(RowRules.placedBySnt(PatrolsSource::check))
            .build();

    private PatrolsSource() {
    }

    private static RowOutcome check(ContractRow row, ReferenceLookup reference, String lpa) {
        Instant started = row.instant("started_at");
        Instant ended = row.instant("ended_at");
        if (ended.isBefore(started)) {
            return new RowOutcome.Rejected(RejectReason.TIME_ORDER, "ended_at", "ended_at " + ended + " is before started_at " + started);
        }
        return row.stage(lpa);
    }
}
