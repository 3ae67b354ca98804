package uk.westmercia.charter.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.westmercia.charter.catalogue.Source;

/** The bad-input corpus under {@code src/test/resources/badinput} and the small reference data it is checked against. */
final class IngestFixtures {
    static final byte[] KEY = "charter-test-key-not-for-production".getBytes(StandardCharsets.UTF_8);
    static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KEY);

    /** HER01 and HER02 in Herefordshire, SHR02 in Shropshire; parish P001 in HER01, P002 in SHR02; districts as reference/districts.csv. */
    static final ReferenceLookup REFERENCE = new ReferenceLookup(
            Map.of("HER01", "HER", "HER02", "HER", "SHR02", "SHR", "NWO01", "NWO", "SWO01", "SWO", "TWR01", "TWR"),
            Map.of("P001", "HER01", "P002", "SHR02"),
            Map.of("Herefordshire", "HER", "Shropshire", "SHR", "Telford and Wrekin", "TWR", "Bromsgrove", "NWO",
                    "Redditch", "NWO", "Wyre Forest", "NWO", "Worcester", "SWO", "Malvern Hills", "SWO", "Wychavon", "SWO"));

    /** Raw personal identifiers the corpus holds: none may ever reach an output. */
    static final List<String> RAW_IDENTIFIERS = List.of(
            "LOC-SECRET-1", "VIC-SECRET-1", "VIC-SECRET-3", "OFF-SECRET-1",
            "R-SECRET-1", "R-SECRET-2", "R-SECRET-3", "R-SECRET-4", "R-SECRET-5", "PR-SECRET-1", "PR-SECRET-2",
            "OFFICER-SECRET-1", "OFFICER-SECRET-2", "OFFICER-SECRET-3", "OFFICER-SECRET-4", "OFFICER-SECRET-5", "OFFICER-SECRET-6",
            "OFFICER-SECRET-9");

    private IngestFixtures() {
    }

    static Path badInput() {
        try {
            return Path.of(IngestFixtures.class.getResource("/badinput").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path badInput(String relative) {
        return badInput().resolve(relative);
    }

    /** One row's outcome as FileReader hands it on. */
    record Line(long line, RowOutcome outcome) {
        RowOutcome.Rejected rejected() {
            return (RowOutcome.Rejected) outcome;
        }

        boolean staged() {
            return outcome instanceof RowOutcome.Staged;
        }
    }

    record Read(FileReader.FileSummary summary, List<Line> lines) {
        Line at(long line) {
            return lines.stream().filter(l -> l.line() == line).findFirst()
                    .orElseThrow(() -> new AssertionError("no outcome for line " + line + " in " + lines));
        }

        long staged() {
            return lines.stream().filter(Line::staged).count();
        }

        long rejected() {
            return lines.size() - staged();
        }
    }

    static Read read(Source source, Path file) {
        return read(source, source.folder() + "/" + file.getFileName(), file);
    }

    static Read read(Source source, String name, Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return read(source, name, input);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(Source source, String name, InputStream input) {
        List<Line> lines = new ArrayList<>();
        FileReader reader = new FileReader(source, new RowValidator(source, REFERENCE, PSEUDONYMISER));
        FileReader.FileSummary summary = reader.read(name, input, (line, outcome) -> lines.add(new Line(line, outcome)));
        return new Read(summary, lines);
    }

    static Read readText(Source source, String name, String text) {
        return read(source, name, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
