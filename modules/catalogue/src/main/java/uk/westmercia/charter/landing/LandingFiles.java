package uk.westmercia.charter.landing;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/** How every landing file is read: optional gzip, UTF-8 with or without a BOM, LF or CRLF. */
public final class LandingFiles {
    /** Header row required, names matched case-insensitively after trimming, cells trimmed. */
    public static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();

    private LandingFiles() {
    }

    public static boolean isGzip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The file's name without {@code .gz}, for recognising {@code .csv} and {@code .jsonl}. */
    public static String baseName(String fileName) {
        return isGzip(fileName) ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    /** A reader over the decoded text: gunzipped when the name ends in .gz, a leading BOM dropped. */
    public static Reader openText(InputStream raw, String fileName) throws IOException {
        requireNonNull(raw, "raw is null");
        requireNonNull(fileName, "fileName is null");
        InputStream bytes = new BufferedInputStream(raw, 1 << 16);
        if (isGzip(fileName)) {
            bytes = new GZIPInputStream(bytes, 1 << 16);
        }
        InputStream withoutBom = BOMInputStream.builder()
                .setInputStream(bytes)
                .setByteOrderMarks(ByteOrderMark.UTF_8)
                .setInclude(false)
                .get();
        // Bytes that are not UTF-8 fail the read (a NotUtf8Exception naming the line) rather than becoming U+FFFD unseen.
        return new Utf8LineReader(withoutBom);
    }

    /**
     * The header's names that occur more than once as the contract compares them (case-insensitively
     * after trimming), each as first written with the columns (from 1) where it occurs, e.g.
     * {@code snt_code (columns 4 and 7)}. Empty names (a trailing comma) are not counted. Such a file
     * is refused: which of the columns holds the values is anyone's guess.
     */
    public static List<String> repeatedHeaders(List<String> names) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = normaliseHeader(names.get(i));
            if (!name.isEmpty()) {
                positions.computeIfAbsent(name, key -> new ArrayList<>()).add(i + 1);
                written.putIfAbsent(name, names.get(i).trim());
            }
        }
        List<String> repeated = new ArrayList<>();
        positions.forEach((name, columns) -> {
            if (columns.size() > 1) {
                String list = columns.subList(0, columns.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " and " + columns.get(columns.size() - 1);
                repeated.add(written.get(name) + " (columns " + list + ")");
            }
        });
        return repeated;
    }

    /** Header names as the contract compares them. */
    public static String normaliseHeader(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
