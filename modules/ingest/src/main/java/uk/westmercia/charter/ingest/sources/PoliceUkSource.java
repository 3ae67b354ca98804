package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.STRING;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.Pseudonymiser;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.landing.CellText;
import uk.westmercia.charter.reference.CrimeCategories;

/**
 * {@code policeuk/*.csv}, data.police.uk's published street-level files (data contract, section 2),
 * whose header the contract fixes exactly. Validated apart, on its cells: the month stands for the
 * recorded date, the LSOA name's district gives the LPA, and rows with no location or outside the
 * force are staged without an LPA (force figures only), so it cannot be staged without the districts.
 * Its rows have no key (ASB rows have no crime id). It stands in for crime ({@link Source#standsInFor}).
 */
public final class PoliceUkSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.POLICEUK)
            .columns(
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
                    optional("Context", STRING))
            .headerNamesEveryColumn()
            .derives(
                    StagedColumn.nullable("crime_ref", STRING),
                    StagedColumn.nullable("recorded_date", DATE),
                    StagedColumn.nullable("category", STRING),
                    StagedColumn.nullable("lpa_code", STRING),
                    StagedColumn.nullable("district", STRING),
                    StagedColumn.nullable("lsoa_code", STRING),
                    StagedColumn.nullable("location_id", STRING),
                    StagedColumn.nullable("placement", STRING))
            .placedBy("placement")
            .needs(reference -> !reference.lpaByDistrict().isEmpty(),
                    "reference/districts.csv is missing from the landing folder, and police.uk rows are placed in LPAs through it")
            .rulesOnCells(PoliceUkSource::check)
            .build();

    private PoliceUkSource() {
    }

    private static RowOutcome check(RawRow raw, ReferenceLookup reference, Pseudonymiser pseudonymiser) {
        String month = raw.text("month");
        if (month == null) {
            return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "Month", "Month is required but empty");
        }
        LocalDate recorded;
        try {
            recorded = YearMonth.parse(month).atDay(1);
        }
        catch (DateTimeParseException e) {
            return new RowOutcome.Rejected(RejectReason.BAD_DATE, "Month", "Month " + CellText.quoted(month) + " is not a month (yyyy-MM)");
        }
        String category = raw.text("crime type");
        if (category == null) {
            return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "Crime type", "Crime type is required but empty");
        }
        if (!CrimeCategories.ALL.contains(category)) {
            return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "Crime type", "Crime type " + CellText.quoted(category) + " is not one of the 14 police.uk categories");
        }
        String location = raw.text("location");
        String lsoaCode = raw.text("lsoa code");
        String lsoaName = raw.text("lsoa name");
        String district = null;
        String lpa = null;
        String placement;
        if (lsoaName == null || lsoaCode == null) {
            placement = SourceDefinition.NO_LOCATION;
        }
        else {
            int lastSpace = lsoaName.lastIndexOf(' ');
            district = lastSpace > 0 ? lsoaName.substring(0, lastSpace) : lsoaName;
            lpa = reference.lpaByDistrict().get(district);
            placement = lpa == null ? SourceDefinition.OUT_OF_FORCE : SourceDefinition.IN_FORCE;
        }
        String locationId = location == null || lsoaCode == null ? null : pseudonymiser.pseudonym(location + "|" + lsoaCode);
        return new RowOutcome.Staged(new Object[] {
                raw.text("crime id"), recorded, category, lpa, district, lsoaCode, locationId, placement});
    }
}
