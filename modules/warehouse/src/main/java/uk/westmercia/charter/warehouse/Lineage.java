package uk.westmercia.charter.warehouse;

import java.util.List;

/**
 * The columns every staged row carries to say where it came from: its landing file, its line there,
 * and the file's place in the order files restate one another. Readers trace a figure back with
 * them; no metric reads them.
 */
public final class Lineage {
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    public static final String FILE_ORDER = "file_order";
    public static final List<String> COLUMNS = List.of(SOURCE_FILE, SOURCE_LINE, FILE_ORDER);

    private Lineage() {
    }
}
