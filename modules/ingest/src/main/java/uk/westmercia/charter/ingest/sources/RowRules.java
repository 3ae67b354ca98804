package uk.westmercia.charter.ingest.sources;

import uk.westmercia.charter.ingest.Pseudonymiser;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RejectReason;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.landing.CellText;

/**
 * A source's row rules: what the contract says of a row beyond its columns one by one (areas that must
 * be known, times in order), and the values staging derives from it (the LPA of its SNT, say). Plain
 * Java, run inside each file's task.
 */
public sealed interface RowRules {
    /**
     * Rules over a row whose columns each passed their own rules ({@link uk.westmercia.charter.ingest.ColumnSpec}):
     * the row staged with its derived values ({@link ContractRow#stage}), or rejected.
     */
    @FunctionalInterface
    non-sealed interface OnColumns extends RowRules {
        RowOutcome check(ContractRow row, ReferenceLookup reference);
    }

    /**
     * Rules that read the cells themselves, for a source whose staged columns are not its contract's
     * (data.police.uk): the row staged with every staged column's value in order, or rejected. No
     * column is pseudonymised for it: the rules pseudonymise what they stage.
     */
    @FunctionalInterface
    non-sealed interface OnCells extends RowRules {
        RowOutcome check(RawRow row, ReferenceLookup reference, Pseudonymiser pseudonymiser);
    }

    /**
     * Rules for a row placed by its required {@code snt_code}: rejected ({@code UNKNOWN_AREA}) when the
     * reference data does not hold the SNT, else {@code then} with the SNT's LPA.
     */
    static OnColumns placedBySnt(InLpa then) {
        return (row, reference) -> {
            String snt = row.string("snt_code");
            String lpa = reference.lpaBySnt().get(snt);
            return lpa == null ? unknownArea("snt_code", snt) : then.check(row, reference, lpa);
        };
    }

    /** The rest of a row's rules once its SNT is known to lie in {@code lpa}. */
    @FunctionalInterface
    interface InLpa {
        RowOutcome check(ContractRow row, ReferenceLookup reference, String lpa);
    }

    /** The rejection of a code the reference data does not hold. */
    static RowOutcome.Rejected unknownArea(String column, String code) {
        return new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, column, column + " " + CellText.quoted(code) + " is not in the reference data");
    }
}
