package uk.westmercia.charter.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The files of one source: opens the file a date belongs to (per {@link FileSplit}), writes rows as they come
 * and closes each file when the next begins. Holds one open file and the last row only.
 */
final class RollingFile implements Closeable {

    private final Path dir;
    private final String prefix;
    private final String extension;
    private final List<String> header;
    private final String eol;
    private final boolean bom;
    private final boolean gzip;
    private final FileSplit split;
    private final LocalDate lastDay;
    private final boolean namedByExtractDate;

    private Writer writer;
    private String currentName;
    private String lastLine;
    private long rows;
    private int files;

    /**
     * @param header             CSV header, or null for JSON Lines
     * @param namedByExtractDate monthly files named by their extract date (month end or last day) not yyyy-MM
     */
    RollingFile(Path dir, String prefix, String extension, List<String> header, String eol, boolean bom,
                boolean gzip, FileSplit split, LocalDate lastDay, boolean namedByExtractDate) {
        this.dir = dir;
        this.prefix = prefix;
        this.extension = gzip ? extension + ".gz" : extension;
        this.header = header;
        this.eol = eol;
        this.bom = bom;
        this.gzip = gzip;
        this.split = split;
        this.lastDay = lastDay;
        this.namedByExtractDate = namedByExtractDate;
    }

    /** The extract date of the file holding {@code day}. */
    LocalDate extractDate(LocalDate day) {
        if (split == FileSplit.DAY) {
            return day;
        }
        LocalDate monthEnd = YearMonth.from(day).atEndOfMonth();
        return monthEnd.isAfter(lastDay) ? lastDay : monthEnd;
    }

    /** True when the two days land in the same file. */
    boolean sameFile(LocalDate a, LocalDate b) {
        return split == FileSplit.DAY ? a.equals(b) : YearMonth.from(a).equals(YearMonth.from(b));
    }

    String fileName(LocalDate day) {
        String stamp;
        if (split == FileSplit.DAY || namedByExtractDate) {
            stamp = extractDate(day).toString();
        } else {
            stamp = YearMonth.from(day).toString();
        }
        return prefix + "-" + stamp + extension;
    }

    /** Makes sure the file for {@code day} is the open one. */
    void at(LocalDate day) {
        String name = fileName(day);
        if (name.equals(currentName)) {
            return;
        }
        closeCurrent();
        try {
            Files.createDirectories(dir);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
            if (gzip) {
                out = new GZIPOutputStream(out, 1 << 16);
            }
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (bom) {
                writer.write('\uFEFF');
            }
            if (header != null) {
                writer.write(String.join(",", header));
                writer.write(eol);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(name), e);
        }
        currentName = name;
        lastLine = null;
        files++;
    }

    /** Writes one CSV row. */
    void row(String... cells) {
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(cells[i]));
        }
        line(line.toString());
    }

    /** Writes one line as it is (a JSON object, or an already formatted CSV row). */
    void line(String text) {
        if (writer == null) {
            throw new IllegalStateException("no open file for " + prefix);
        }
        try {
            writer.write(text);
            writer.write(eol);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(currentName), e);
        }
        lastLine = text;
        rows++;
    }

    /** The last line written to the open file, or null when the file has none yet. */
    String lastLine() {
        return lastLine;
    }

    long rows() {
        return rows;
    }

    int files() {
        return files;
    }

    static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private void closeCurrent() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close " + dir.resolve(currentName), e);
            }
            writer = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
        currentName = null;
    }
}
