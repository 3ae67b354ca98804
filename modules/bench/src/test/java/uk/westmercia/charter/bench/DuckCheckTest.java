package uk.westmercia.charter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;

class DuckCheckTest {

    private static final DuckCheck.FileKinds PLAIN = new DuckCheck.FileKinds(true, false);
    private static final DuckCheck.FileKinds GZIP = new DuckCheck.FileKinds(false, true);
    private static final DuckCheck.FileKinds BOTH = new DuckCheck.FileKinds(true, true);

    private static Path projectDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("jobs/charter"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** The header line of the first file of a folder (or of a file), gzip or not, without a byte-order mark. */
    private static List<String> header(Path path) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                file = s.sorted().findFirst().orElseThrow();
            }
        }
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Arrays.asList(r.readLine().replace("\uFEFF", "").split(","));
        }
    }

    private static List<String> declared(DuckCheck.CsvSource source) {
        return source.columns().stream().map(DuckCheck.Column::name).toList();
    }

    @Test
    void declaresEveryColumnOfTheExtractsInTheirOrder() throws IOException {
        // The bundled sample was written by the generator the bench uses (contacts gzipped, survey-public with a BOM).
        Path samples = projectDir().resolve("data-samples");
        for (DuckCheck.CsvSource source : DuckCheck.SOURCES) {
            assertThat(declared(source)).as(source.path()).isEqualTo(header(samples.resolve(source.path())));
        }
    }

    @Test
    void declaresTheTypesAndFormatsOfTheContract() {
        assertThat(DuckCheck.columnsLiteral(DuckCheck.CRIME)).isEqualTo("{'crime_ref': 'VARCHAR', 'recorded_date': 'DATE',"
                + " 'offence_date': 'DATE', 'category': 'VARCHAR', 'snt_code': 'VARCHAR', 'location_id': 'VARCHAR',"
                + " 'lsoa_code': 'VARCHAR', 'victim_id': 'VARCHAR', 'offender_id': 'VARCHAR', 'vulnerable_victim': 'BOOLEAN',"
                + " 'domestic_abuse': 'BOOLEAN', 'val_referral_date': 'VARCHAR', 'status': 'VARCHAR', 'extracted_at': 'TIMESTAMP'}");
        assertThat(DuckCheck.CRIME.dateFormat()).isEqualTo("%Y-%m-%d");
        assertThat(DuckCheck.CRIME.timestampFormat()).isEqualTo("%Y-%m-%dT%H:%M:%S");
        // Contacts mix the contract's timestamp formats row by row: text, parsed in SQL; abandoned is Y/N or true/false.
        assertThat(DuckCheck.columnsLiteral(DuckCheck.CONTACTS)).isEqualTo("{'contact_id': 'VARCHAR', 'received_at': 'VARCHAR',"
                + " 'channel': 'VARCHAR', 'contact_type': 'VARCHAR', 'snt_code': 'VARCHAR', 'answered_at': 'VARCHAR',"
                + " 'abandoned': 'BOOLEAN', 'response_due_at': 'VARCHAR', 'responded_at': 'VARCHAR'}");
        assertThat(DuckCheck.CONTACTS.dateFormat()).isNull();
        assertThat(DuckCheck.CONTACTS.timestampFormat()).isNull();
        assertThat(DuckCheck.SURVEY_PUBLIC.columns()).contains(new DuckCheck.Column("interview_date", "DATE"),
                new DuckCheck.Column("weight", "DOUBLE"), new DuckCheck.Column("q_confidence", "VARCHAR"));
        assertThat(DuckCheck.POPULATION.columns()).contains(new DuckCheck.Column("population", "BIGINT"));
        assertThat(DuckCheck.HARM_WEIGHTS.columns()).contains(new DuckCheck.Column("weight", "DOUBLE"));
        // A format without a column of its type, or such a column without a format, is refused.
        assertThatThrownBy(() -> new DuckCheck.CsvSource("x", true, List.of(new DuckCheck.Column("d", "DATE")), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuckCheck.CsvSource("x", true, List.of(new DuckCheck.Column("d", "VARCHAR")), "%Y", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEachSourceOnceAndSniffsNothing() {
        String sql = String.join(";\n", DuckCheck.statements("/landing", LocalDate.of(2025, 3, 31), PLAIN, PLAIN, PLAIN));
        List<String> reads = Pattern.compile("read_csv\\(('[^']*')").matcher(sql).results().map(m -> m.group(1)).toList();
        assertThat(reads).containsExactlyInAnyOrder("'/landing/reference/areas.csv'", "'/landing/reference/population.csv'",
                "'/landing/reference/harm-weights.csv'", "'/landing/crime/*.csv'", "'/landing/contacts/*.csv'",
                "'/landing/survey-public/*.csv'");
        assertThat(sql).doesNotContain("all_varchar").doesNotContain("union_by_name").doesNotContain("read_csv_auto");
        Matcher options = Pattern.compile("read_csv\\([^)]*\\)").matcher(sql);
        int n = 0;
        while (options.find()) {
            n++;
            assertThat(options.group()).contains("header = true, auto_detect = false", "columns = {", "compression = 'none'");
        }
        assertThat(n).isEqualTo(6);
        assertThat(sql).contains("read_csv('/landing/crime/*.csv', header = true, auto_detect = false, delim = ',', quote = '\"',"
                + " escape = '\"', compression = 'none', columns = " + DuckCheck.columnsLiteral(DuckCheck.CRIME)
                + ", dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%S', filename = true)");
        assertThat(sql).contains("DATE '2025-03-31'");
    }

    @Test
    void readsGzippedExtractsAsGzip() {
        assertThat(DuckCheck.relation("/l", DuckCheck.CONTACTS, GZIP)).isEqualTo("(SELECT * FROM read_csv('/l/contacts/*.csv.gz',"
                + " header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', compression = 'gzip', columns = "
                + DuckCheck.columnsLiteral(DuckCheck.CONTACTS) + ", filename = true))");
        String both = DuckCheck.relation("/l", DuckCheck.CONTACTS, BOTH);
        assertThat(both).contains("read_csv('/l/contacts/*.csv', ", "compression = 'none'", " UNION ALL ",
                "read_csv('/l/contacts/*.csv.gz', ", "compression = 'gzip'");
        assertThatThrownBy(() -> DuckCheck.relation("/l", DuckCheck.CRIME, new DuckCheck.FileKinds(false, false)))
                .hasMessage("no .csv or .csv.gz file under /l/crime");
        assertThat(DuckCheck.relation("/it's", DuckCheck.AREAS, PLAIN)).startsWith("read_csv('/it''s/reference/areas.csv', ");
    }

    @Test
    void sameFiguresFromPlainAndGzippedExtractsAndAChangedFigureIsFound(@TempDir Path temp) throws Exception {
        // Three months at a small scale: a few hundred crimes and a few thousand contacts, in about a second.
        Path plain = temp.resolve("plain");
        LocalDate asOf = LocalDate.of(2024, 6, 30);
        LandingGenerator.generate(new GeneratorOptions(plain, 7L, 0.02, LocalDate.of(2024, 4, 1), asOf, FileSplit.DAY)
                .withSurveyScale(0.5).withBadRows(false));
        Path gzipped = temp.resolve("gzipped");
        Bench.linkTree(plain, gzipped);
        List<Path> contacts;
        try (Stream<Path> s = Files.list(gzipped.resolve("contacts"))) {
            contacts = s.sorted().toList();
        }
        // Half the contacts files gzipped, half not: both kinds in one folder.
        for (int i = 0; i < contacts.size(); i += 2) {
            Path file = contacts.get(i);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(file + ".gz")))) {
                out.write(Files.readAllBytes(file));
            }
            Files.delete(file);
        }
        assertThat(DuckCheck.kinds(gzipped, DuckCheck.CONTACTS)).isEqualTo(BOTH);
        assertThat(DuckCheck.kinds(plain, DuckCheck.CONTACTS)).isEqualTo(PLAIN);

        Path a = temp.resolve("a.parquet");
        Path b = temp.resolve("b.parquet");
        long figures = DuckCheck.script(plain, asOf, a);
        assertThat(DuckCheck.script(gzipped, asOf, b)).isEqualTo(figures);
        // Six metrics, force and five LPAs, one quarter and one financial year.
        assertThat(figures).isEqualTo(6 * 6 * 2);
        DuckCheck.Result same = DuckCheck.compare(a, b);
        assertThat(same.agrees()).isTrue();
        assertThat(same.compared()).isEqualTo(figures);

        // One numerator changed, one figure missing: both are reported, and the two sides no longer agree.
        Path changed = temp.resolve("changed.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT metric_id, area_level, area_code, period_type, period_label,"
                    + " numerator + CASE WHEN metric_id = 'VIS-05' AND area_level = 'force' AND period_type = 'fyear' THEN 1 ELSE 0 END AS numerator,"
                    + " denominator, value FROM read_parquet('" + a + "')"
                    + " WHERE NOT (metric_id = 'REL-03' AND area_code = 'HER' AND period_type = 'quarter')) TO '" + changed + "' (FORMAT parquet)");
        }
        DuckCheck.Result different = DuckCheck.compare(a, changed);
        assertThat(different.agrees()).isFalse();
        assertThat(different.pipeline()).isEqualTo(figures - 1);
        assertThat(different.compared()).isEqualTo(figures - 1);
        assertThat(different.mismatches()).extracting(m -> m.metric() + " " + m.area() + " " + m.period())
                .containsExactly("REL-03 HER 2024-25 Q1", "VIS-05 WM 2024-25");
    }
}
