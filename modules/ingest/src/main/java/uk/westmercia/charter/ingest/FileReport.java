package uk.westmercia.charter.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One input file's reconciliation: rows read = rows staged + rows rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileReport(
        @JsonProperty("source") String source,
        @JsonProperty("file") String file,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_staged") long rowsStaged,
        @JsonProperty("rows_rejected") long rowsRejected,
        @JsonProperty("unknown_fields") long unknownFields,
        @JsonProperty("refused") String refused) {

    public boolean reconciles() {
        return rowsRead == rowsStaged + rowsRejected;
    }
}
