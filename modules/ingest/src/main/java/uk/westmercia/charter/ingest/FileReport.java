package uk.westmercia.charter.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import uk.westmercia.charter.warehouse.RunReport;

/**
 * One input file's reconciliation: rows read = rows staged + rows rejected + rows of a duplicate file.
 * {@code status}: {@code staged} (read this run), {@code unchanged} (staged by an earlier run, not read
 * again), {@code duplicate} (same content as {@code duplicate_of}, staged once: its rows are not staged
 * again), {@code refused}, or {@code not_published} (read this run, but the run was refused and published
 * nothing: the next run that succeeds stages it; its counts are what this run found). {@code no_location}
 * and {@code out_of_force} count data.police.uk rows staged without an LPA.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileReport(
        @JsonProperty("source") String source,
        @JsonProperty("file") String file,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("size") long size,
        @JsonProperty("status") String status,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_staged") long rowsStaged,
        @JsonProperty("rows_rejected") long rowsRejected,
        @JsonProperty("rows_duplicate") long rowsDuplicate,
        @JsonProperty("unknown_fields") long unknownFields,
        @JsonProperty("no_location") Long noLocation,
        @JsonProperty("out_of_force") Long outOfForce,
        @JsonProperty("duplicate_of") String duplicateOf,
        @JsonProperty("refused") String refused) implements RunReport.InputFile {

    public static final String STAGED = "staged";
    public static final String UNCHANGED = "unchanged";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";
    public static final String NOT_PUBLISHED = "not_published";

    /** The same report with another status. */
    @Override
    public FileReport withStatus(String status) {
        return new FileReport(source, file, checksum, size, status, rowsRead, rowsStaged, rowsRejected, rowsDuplicate, unknownFields,
                noLocation, outOfForce, duplicateOf, refused);
    }

    public boolean reconciles() {
        return rowsRead == rowsStaged + rowsRejected + rowsDuplicate;
    }
}
