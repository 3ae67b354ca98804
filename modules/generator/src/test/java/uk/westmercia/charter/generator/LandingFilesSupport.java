package uk.westmercia.charter.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading generated landing folders in tests. */
final class LandingFilesSupport {

    private LandingFilesSupport() {
    }

    /** Relative path to SHA-256 of every file under {@code root}, sorted by path. */
    static Map<String, String> checksums(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                sums.put(root.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        return sums;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        return r;
    }

    /** Header (BOM stripped) and records of a CSV file, gzip or not. */
    static List<CSVRecord> records(Path file) {
        try (Reader r = reader(file);
             CSVParser p = CSVParser.parse(stripBom(r),
                     CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path file) {
        try (Reader r = reader(file);
             CSVParser p = CSVParser.parse(stripBom(r),
                     CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(stripBom(reader(file)))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static Reader stripBom(Reader r) throws IOException {
        java.io.PushbackReader p = new java.io.PushbackReader(r, 1);
        int c = p.read();
        if (c != -1 && c != '\uFEFF') {
            p.unread(c);
        }
        return p;
    }
}
