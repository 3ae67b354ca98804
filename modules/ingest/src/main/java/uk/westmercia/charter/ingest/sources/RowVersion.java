package uk.westmercia.charter.ingest.sources;

import static java.util.Objects.requireNonNull;

/**
 * How a source's rows are versioned, where a later extract restates a row: by the time of the extract,
 * given by the contract column {@code extractColumn} or else by the date in the file's name, and
 * staged as {@code versionColumn}. Of the rows of one key, the newest version wins, then the later
 * file and line; without a version, the later file and line win. A file whose header lacks the extract
 * column and whose name carries no date is refused: its rows would have no version.
 */
public record RowVersion(String extractColumn, String versionColumn) {
    public RowVersion {
        requireNonNull(extractColumn, "extractColumn is null");
        requireNonNull(versionColumn, "versionColumn is null");
    }
}
