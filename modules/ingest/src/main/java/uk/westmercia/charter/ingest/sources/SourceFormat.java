package uk.westmercia.charter.ingest.sources;

/** How a source's landing files are written. */
public enum SourceFormat {
    /** Comma-separated values with a header row; a row is named by its line (the header is line 1). */
    CSV(".csv"),
    /** One JSON object per line; a row is named by its record number. */
    JSON_LINES(".jsonl");

    private final String extension;

    SourceFormat(String extension) {
        this.extension = extension;
    }

    /** The extension a landing file has (before an optional {@code .gz}). */
    public String extension() {
        return extension;
    }
}
