package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.BOOLEAN;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.TIMESTAMP;

import java.time.Instant;
import uk.westmercia.charter.calendar.LondonTime;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.reference.CrimeCategories;

/**
 * {@code crime/*.csv}, the force's recorded-crime extract (data contract, section 2): a crime is placed
 * by its SNT, and a later extract restates it, the newest extract winning.
 */
public final class CrimeSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.CRIME)
            .columns(
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
                    optional("extracted_at", TIMESTAMP))
            .key("crime_ref")
            .derives(StagedColumn.notNull("lpa_code", STRING), StagedColumn.notNull("version_at", TIMESTAMP))
            .versionedBy("extracted_at", "version_at")
            .rules(RowRules.placedBySnt(CrimeSource::check))
            .build();

    private CrimeSource() {
    }

    /** The LPA of the crime's SNT; its version, the extract time or else midnight (London) of the file name's date. */
    private static RowOutcome check(ContractRow row, ReferenceLookup reference, String lpa) {
        Instant extractedAt = row.instant("extracted_at");
        if (extractedAt == null) {
            if (row.fileDate().isEmpty()) {
                return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "extracted_at",
                        "extracted_at is empty and the file name carries no extract date (yyyy-MM-dd or yyyyMMdd)");
            }
            extractedAt = row.fileDate().get().atStartOfDay(LondonTime.LONDON).toInstant();
        }
        return row.stage(lpa, extractedAt);
    }
}
