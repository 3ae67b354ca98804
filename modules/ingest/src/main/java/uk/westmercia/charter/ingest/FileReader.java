package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.commons.io.output.NullOutputStream;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.RowVersion;
import uk.westmercia.charter.ingest.sources.SourceDefinition;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.ingest.sources.SourceFormat;
import uk.westmercia.charter.landing.CellText;
import uk.westmercia.charter.landing.LandingFiles;
import uk.westmercia.charter.landing.NotUtf8Exception;

/**
 * Reads one landing file once: hashes its bytes, checks its header, validates every row and keeps
 * keys unique within the file. Rows are handed on as they are read, so memory stays flat.
 */
public final class FileReader {
    /** A field given twice in one record is refused, not settled silently by the last one (the CSV header's rule). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String DUPLICATE_FIELD = "Duplicate field '";
    /** The landing format, but blank lines come through as records so line numbers stay exact; they are then skipped. */
    private static final CSVFormat CSV = LandingFiles.CSV.builder().setIgnoreEmptyLines(false).get();

    private final SourceDefinition definition;
    private final RowValidator validator;

    public FileReader(Source source, RowValidator validator) {
        this.definition = SourceDefinitions.of(requireNonNull(source, "source is null"));
        this.validator = requireNonNull(validator, "validator is null");
    }

    /** Receives each row's outcome; the line is the file's line (CSV, header is line 1) or record number (JSON Lines). */
    public interface RowSink {
        void accept(long line, RowOutcome outcome);
    }

    /** What reading a file found. {@code refusal} is set when the whole file was refused. */
    public record FileSummary(String checksum, long rowsRead, long unknownFields, String refusal) {
    }

    public FileSummary read(String fileName, InputStream raw, RowSink sink) {
        MessageDigest digest = sha256();
        Optional<LocalDate> fileDate = FileNames.extractDate(fileName);
        try (InputStream hashed = new DigestInputStream(raw, digest);
                Reader text = LandingFiles.openText(CloseShieldInputStream.wrap(hashed), fileName)) {
            Counts counts = definition.format() == SourceFormat.JSON_LINES
                    ? readJsonLines(text, fileDate, sink)
                    : readCsv(fileName, text, fileDate, sink);
            return new FileSummary(drain(hashed, digest), counts.rows(), counts.unknownFields(), counts.refusal());
        }
        catch (IOException | UncheckedIOException e) {
            // A file that cannot be read to its end (a truncated gzip, bytes that are not UTF-8) is refused
            // whole, with one line: staging what came before would lose the rest without a trace.
            if (rootCause(e) instanceof NotUtf8Exception notUtf8) {
                // The decoder counts lines itself: the line of the bad byte, exactly.
                return new FileSummary(null, 0, 0, fileName + ": file refused, " + notUtf8.getMessage());
            }
            String why = rootCause(e) instanceof CharacterCodingException ? "it is not UTF-8 text" : rootMessage(e);
            // Near, not at: the text is decoded ahead of the parser.
            String near = position == 0 ? "" : " (near " + where().trim() + ")";
            return new FileSummary(null, 0, 0, fileName + ": file refused, it cannot be read" + near + ": " + why);
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read " + fileName + where() + ": " + rootMessage(e), e);
        }
        finally {
            position = 0;
        }
    }

    /** Rows and unknown fields read, or why the whole file was refused. */
    private record Counts(long rows, long unknownFields, String refusal) {
        static Counts refused(String why) {
            return new Counts(0, 0, why);
        }
    }

    /** The line (CSV) or record (JSON Lines) being read, for naming where reading failed. */
    private long position;

    private String where() {
        return position == 0 ? "" : (definition.format() == SourceFormat.JSON_LINES ? " record " : " line ") + position;
    }

    private Counts readCsv(String fileName, Reader text, Optional<LocalDate> fileDate, RowSink sink) throws IOException {
        CSVParser parser;
        try {
            parser = CSV.parse(text);
        }
        catch (IllegalArgumentException | UncheckedIOException e) {
            if (rootCause(e) instanceof IOException && !(rootCause(e) instanceof CSVException)) {
                throw e; // bytes that are not UTF-8 on the header line, a failing read: see read()
            }
            return Counts.refused("Cannot read " + fileName + ": its header row is not valid CSV (" + e.getMessage() + ")");
        }
        try (parser) {
            Map<String, Integer> header = new HashMap<>();
            List<String> names = parser.getHeaderNames();
            if (names.isEmpty()) {
                return Counts.refused(fileName + ": file refused, it is empty (no header row)");
            }
            List<String> repeated = LandingFiles.repeatedHeaders(names);
            if (!repeated.isEmpty()) {
                return Counts.refused(fileName + ": file refused, header repeats column(s) " + String.join(", ", repeated));
            }
            for (int i = 0; i < names.size(); i++) {
                header.putIfAbsent(LandingFiles.normaliseHeader(names.get(i)), i);
            }
            List<String> missing = definition.headerColumns().stream()
                    .filter(name -> !header.containsKey(name.toLowerCase(Locale.ROOT)))
                    .toList();
            if (!missing.isEmpty()) {
                return Counts.refused(fileName + ": file refused, header lacks required column(s) " + String.join(", ", missing));
            }
            Optional<RowVersion> version = definition.version();
            if (version.isPresent() && fileDate.isEmpty() && !header.containsKey(version.get().extractColumn())) {
                return Counts.refused(fileName + ": file refused, header lacks column " + version.get().extractColumn()
                        + " and the file name carries no extract date (yyyy-MM-dd or yyyyMMdd), so its rows have no version");
            }
            KeyTracker keys = new KeyTracker(definition.keyColumns());
            long rows = 0;
            long previousLine = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                }
                catch (UncheckedIOException | IllegalStateException e) {
                    position = previousLine + 1;
                    if (!(rootCause(e) instanceof CSVException)) {
                        throw e; // not bad CSV but a failing read (a truncated gzip, a lost disk): see read()
                    }
                    // Commons CSV cannot resynchronise after a broken quote: every later row would be lost, so the file is refused.
                    return Counts.refused(fileName + ": file refused, from line " + position + " it cannot be parsed as CSV"
                            + " (a quote opened and not closed?): " + rootMessage(e));
                }
                long line = previousLine + 1;
                position = line;
                previousLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank() && names.size() > 1) {
                    continue; // a blank line is not a row
                }
                rows++;
                if (record.size() != names.size()) {
                    sink.accept(line, new RowOutcome.Rejected(RejectReason.MALFORMED, null,
                            "row has " + record.size() + " cells, the header has " + names.size()));
                    continue;
                }
                Map<String, Object> raw = new HashMap<>();
                for (Map.Entry<String, Integer> entry : header.entrySet()) {
                    raw.put(entry.getKey(), record.get(entry.getValue()));
                }
                sink.accept(line, keys.check(validator.validate(raw, fileDate), raw, line));
            }
            return new Counts(rows, 0, null);
        }
    }

    private Counts readJsonLines(Reader text, Optional<LocalDate> fileDate, RowSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(text, 1 << 16);
        KeyTracker keys = new KeyTracker(definition.keyColumns());
        Set<String> known = new LinkedHashSet<>();
        definition.columns().forEach(column -> known.add(column.name()));
        long rows = 0;
        long unknownFields = 0;
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            position = number;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            }
            catch (JsonProcessingException e) {
                String original = e.getOriginalMessage();
                if (original != null && original.startsWith(DUPLICATE_FIELD) && original.endsWith("'")) {
                    // A field name, not a value: safe to show.
                    String name = original.substring(DUPLICATE_FIELD.length(), original.length() - 1);
                    sink.accept(number, repeatedField(name));
                    continue;
                }
                // Jackson's own message quotes the bad token, which may be personal data: give the position only.
                sink.accept(number, new RowOutcome.Rejected(RejectReason.MALFORMED, null,
                        "not valid JSON (the record breaks at character " + e.getLocation().getColumnNr() + ")"));
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.accept(number, new RowOutcome.Rejected(RejectReason.MALFORMED, null, "not a JSON object"));
                continue;
            }
            Map<String, Object> raw = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            Set<String> seen = new HashSet<>();
            String repeated = null;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = LandingFiles.normaliseHeader(field.getKey());
                if (!seen.add(name)) {
                    repeated = field.getKey().trim();
                    break;
                }
                if (!known.contains(name)) {
                    unknownFields++;
                    continue;
                }
                raw.put(name, jsonValue(field.getValue()));
            }
            if (repeated != null) {
                sink.accept(number, repeatedField(repeated));
                continue;
            }
            sink.accept(number, keys.check(validator.validate(raw, fileDate), raw, number));
        }
        return new Counts(rows, unknownFields, null);
    }

    /** Fields match as CSV headers do, case-insensitively after trimming: "Attendees" and "attendees" are one field given twice. */
    private static RowOutcome repeatedField(String name) {
        return new RowOutcome.Rejected(RejectReason.MALFORMED, null, "field " + CellText.quoted(name)
                + " is given more than once (fields match case-insensitively after trimming)");
    }

    private static Object jsonValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isTextual() ? item.textValue() : item.toString()));
            // A non-text element stays non-text so the validator can reject it.
            List<Object> typed = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                typed.add(value.get(i).isTextual() ? items.get(i) : value.get(i));
            }
            return typed;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /**
     * A key repeated within one file is rejected after its first row, whether that first row was
     * staged or rejected for another reason (a row rejected anyway keeps its own reason).
     */
    private static final class KeyTracker {
        private final List<String> columns;
        private final String column;
        private final Map<String, Long> firstLine = new HashMap<>();

        KeyTracker(List<String> columns) {
            this.columns = columns;
            this.column = String.join(", ", columns);
        }

        RowOutcome check(RowOutcome outcome, Map<String, Object> raw, long line) {
            StringBuilder joined = new StringBuilder();
            for (String name : columns) {
                Object value = raw.get(name);
                String part = value == null ? "" : String.valueOf(value).trim();
                if (part.isEmpty()) {
                    // A row missing part of its key is rejected for that, not as a repeat.
                    return outcome;
                }
                joined.append(part).append('\u0000');
            }
            String key = joined.toString();
            if (key.isEmpty()) {
                return outcome;
            }
            Long first = firstLine.putIfAbsent(key, line);
            if (first == null || !(outcome instanceof RowOutcome.Staged)) {
                return outcome;
            }
            return new RowOutcome.Rejected(RejectReason.DUPLICATE_KEY, column, column + " repeats the key of line " + first + " of this file");
        }
    }

    private static String drain(InputStream hashed, MessageDigest digest) throws IOException {
        // Hash what the parser did not need to read, so the checksum is of the whole file.
        hashed.transferTo(NullOutputStream.INSTANCE);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash files: SHA-256 is not available", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = rootCause(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
