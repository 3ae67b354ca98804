package uk.westmercia.charter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Six headline metrics (VIS-05, RSP-01, PRV-01, PRV-04, VUL-02, REL-03) at force and LPA level for quarters and
 * financial years, computed by DuckDB straight from the landing CSV files, independently of the pipeline, then
 * compared with the pipeline's metric_values.
 *
 * <p>The script is written as an analyst fluent in DuckDB would write it for these extracts: every source's
 * columns and types are declared ({@code auto_detect = false}, {@code columns = {...}}), so DuckDB sniffs no file,
 * and each source's files are read once. The declarations follow the contract (shared/spec/data-contract.md,
 * section 2) in the column order of the force's extracts (the generator's, the contract's tables'). Where an
 * extract writes one date format in a column, the column is a DATE or TIMESTAMP parsed by the reader
 * ({@code dateformat}, {@code timestampformat}: one of each per read); where the contract lets a column mix
 * formats row by row (contacts' timestamps: ISO with an offset from the control room, ISO local from 101 and
 * online, UK day-first from correspondence) or a second date format sits beside the first (crime's
 * val_referral_date, day-first), it is a VARCHAR parsed in SQL. Files ending {@code .csv.gz} are read as gzip.
 *
 * <p>{@link #main} runs the script as a process of its own (what jobs/bench times) and writes its figures to a
 * Parquet file; {@link #compare} checks them against the pipeline's figures.
 */
final class DuckCheck {

    static final List<String> METRICS = List.of("VIS-05", "RSP-01", "PRV-01", "PRV-04", "VUL-02", "REL-03");

    /** A column as declared to DuckDB's CSV reader. */
    record Column(String name, String type) {
    }

    /**
     * One CSV source of the landing, as the script declares it.
     *
     * @param path            folder of the source's files under the landing, or a single reference file
     * @param folder          true for a folder of extracts ({@code *.csv}, {@code *.csv.gz}), false for one file
     * @param columns         every column of the files, in their order, with its DuckDB type
     * @param dateFormat      strptime format of the DATE columns, or null when there are none
     * @param timestampFormat strptime format of the TIMESTAMP columns, or null when there are none
     */
    record CsvSource(String path, boolean folder, List<Column> columns, String dateFormat, String timestampFormat) {
        CsvSource {
            columns = List.copyOf(columns);
            boolean dates = columns.stream().anyMatch(c -> c.type().equals("DATE"));
            boolean timestamps = columns.stream().anyMatch(c -> c.type().equals("TIMESTAMP"));
            if (dates != (dateFormat != null) || timestamps != (timestampFormat != null)) {
                throw new IllegalArgumentException(path + ": a date or timestamp format without such a column, or such a column without one");
            }
        }
    }

    private static final String ISO_DATE = "%Y-%m-%d";
    private static final String ISO_LOCAL_TIMESTAMP = "%Y-%m-%dT%H:%M:%S";

    static final CsvSource AREAS = new CsvSource("reference/areas.csv", false,
            varchars("snt_code", "snt_name", "lpa_code"), null, null);
    static final CsvSource POPULATION = new CsvSource("reference/population.csv", false,
            List.of(new Column("snt_code", "VARCHAR"), new Column("age_band", "VARCHAR"), new Column("sex", "VARCHAR"),
                    new Column("population", "BIGINT")), null, null);
    static final CsvSource HARM_WEIGHTS = new CsvSource("reference/harm-weights.csv", false,
            List.of(new Column("category", "VARCHAR"), new Column("weight", "DOUBLE")), null, null);
    /** recorded_date and offence_date are ISO dates, extracted_at ISO local time; val_referral_date is day-first. */
    static final CsvSource CRIME = new CsvSource("crime", true, List.of(
            new Column("crime_ref", "VARCHAR"), new Column("recorded_date", "DATE"), new Column("offence_date", "DATE"),
            new Column("category", "VARCHAR"), new Column("snt_code", "VARCHAR"), new Column("location_id", "VARCHAR"),
            new Column("lsoa_code", "VARCHAR"), new Column("victim_id", "VARCHAR"), new Column("offender_id", "VARCHAR"),
            new Column("vulnerable_victim", "BOOLEAN"), new Column("domestic_abuse", "BOOLEAN"),
            new Column("val_referral_date", "VARCHAR"), new Column("status", "VARCHAR"),
            new Column("extracted_at", "TIMESTAMP")), ISO_DATE, ISO_LOCAL_TIMESTAMP);
    /** Timestamps mix the contract's formats row by row: VARCHAR, parsed by {@code ts()}. */
    static final CsvSource CONTACTS = new CsvSource("contacts", true, List.of(
            new Column("contact_id", "VARCHAR"), new Column("received_at", "VARCHAR"), new Column("channel", "VARCHAR"),
            new Column("contact_type", "VARCHAR"), new Column("snt_code", "VARCHAR"), new Column("answered_at", "VARCHAR"),
            new Column("abandoned", "BOOLEAN"), new Column("response_due_at", "VARCHAR"),
            new Column("responded_at", "VARCHAR")), null, null);
    static final CsvSource SURVEY_PUBLIC = new CsvSource("survey-public", true, Stream.of(
            List.of(new Column("respondent_id", "VARCHAR"), new Column("interview_date", "DATE")),
            varchars("snt_code", "age_band", "sex", "ethnicity"),
            List.of(new Column("weight", "DOUBLE")),
            varchars("q_know_snt", "q_foot_patrol", "q_good_job", "q_relied_on", "q_respect", "q_fair", "q_understand",
                    "q_matter", "q_confidence")).flatMap(List::stream).toList(), ISO_DATE, null);

    static final List<CsvSource> SOURCES = List.of(AREAS, POPULATION, HARM_WEIGHTS, CRIME, CONTACTS, SURVEY_PUBLIC);

    /** Which kinds of file each folder source holds: plain {@code .csv}, gzip {@code .csv.gz}, or both. */
    record FileKinds(boolean plain, boolean gzip) {
    }

    record Mismatch(String metric, String level, String area, String periodType, String period,
                    Double duckNum, Double duckDen, Double duckValue, Double sparkNum, Double sparkDen, Double sparkValue) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %s %s %s: duckdb %s/%s=%s, pipeline %s/%s=%s", metric, level, area,
                    periodType, period, duckNum, duckDen, duckValue, sparkNum, sparkDen, sparkValue);
        }
    }

    /**
     * @param figures    figures the script computed
     * @param pipeline   figures of the six metrics at force and LPA level, quarter and fyear, in metric_values
     * @param compared   figures found on both sides by key
     * @param mismatches figures on one side only, or whose numerator, denominator or value differ
     */
    record Result(long figures, long pipeline, long compared, List<Mismatch> mismatches) {
        /** True when both sides hold the same figures, every one of them equal, and there is at least one. */
        boolean agrees() {
            return mismatches.isEmpty() && figures > 0 && figures == compared && pipeline == compared;
        }
    }

    private DuckCheck() {
    }

    private static List<Column> varchars(String... names) {
        return Stream.of(names).map(n -> new Column(n, "VARCHAR")).toList();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** DuckDB's {@code columns = {...}} struct literal: every column, in file order, with its type. */
    static String columnsLiteral(CsvSource source) {
        return source.columns().stream().map(c -> quote(c.name()) + ": " + quote(c.type()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** One {@code read_csv} of the given files or globs, nothing sniffed; {@code filename} adds the file's path. */
    static String readCsv(CsvSource source, String files, boolean gzip, boolean filename) {
        StringBuilder b = new StringBuilder("read_csv(").append(files)
                .append(", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'")
                .append(", compression = ").append(gzip ? "'gzip'" : "'none'")
                .append(", columns = ").append(columnsLiteral(source));
        if (source.dateFormat() != null) {
            b.append(", dateformat = ").append(quote(source.dateFormat()));
        }
        if (source.timestampFormat() != null) {
            b.append(", timestampformat = ").append(quote(source.timestampFormat()));
        }
        if (filename) {
            b.append(", filename = true");
        }
        return b.append(")").toString();
    }

    /**
     * The SQL relation of a source: one read of its file, or of its folder's {@code *.csv} and {@code *.csv.gz}
     * files (each file once; both kinds, when a folder holds both, in one {@code UNION ALL}).
     */
    static String relation(String landing, CsvSource source, FileKinds kinds) {
        String base = landing + "/" + source.path();
        if (!source.folder()) {
            return readCsv(source, quote(base), base.endsWith(".gz"), false);
        }
        if (!kinds.plain() && !kinds.gzip()) {
            throw new IllegalArgumentException("no .csv or .csv.gz file under " + base);
        }
        List<String> reads = new ArrayList<>();
        if (kinds.plain()) {
            reads.add("SELECT * FROM " + readCsv(source, quote(base + "/*.csv"), false, true));
        }
        if (kinds.gzip()) {
            reads.add("SELECT * FROM " + readCsv(source, quote(base + "/*.csv.gz"), true, true));
        }
        return "(" + String.join(" UNION ALL ", reads) + ")";
    }

    /** What a folder source holds, looked up on disk. */
    static FileKinds kinds(Path landing, CsvSource source) throws IOException {
        Path dir = landing.resolve(source.path());
        if (!source.folder() || !Files.isDirectory(dir)) {
            return new FileKinds(false, false);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            return new FileKinds(names.stream().anyMatch(n -> n.endsWith(".csv")), names.stream().anyMatch(n -> n.endsWith(".csv.gz")));
        }
    }

    /** The script on a landing on disk. */
    static List<String> statements(Path landing, LocalDate asOf) throws IOException {
        return statements(landing.toString(), asOf, kinds(landing, CRIME), kinds(landing, CONTACTS), kinds(landing, SURVEY_PUBLIC));
    }

    /** SQL statements that build table {@code duck(metric_id, area_level, area_code, period_type, period_label, numerator, denominator, value)}. */
    static List<String> statements(String landing, LocalDate asOf, FileKinds crime, FileKinds contacts, FileKinds survey) {
        String l = landing.replace("'", "''");
        String a = "DATE '" + asOf + "'";
        List<String> s = new ArrayList<>();
        s.add("SET TimeZone = 'Europe/London'");
        // Timestamps (contract): ISO with or without offset, or UK dd/MM/yyyy HH:mm[:ss]; without an offset a
        // timestamp is London local time.
        s.add("CREATE MACRO ts_local(x) AS coalesce(try_strptime(trim(x), '%Y-%m-%dT%H:%M:%S'),"
                + " try_strptime(trim(x), '%d/%m/%Y %H:%M:%S'), try_strptime(trim(x), '%d/%m/%Y %H:%M'))");
        s.add("CREATE MACRO ts(x) AS CASE WHEN x IS NULL OR trim(x) = '' THEN NULL"
                + " WHEN regexp_matches(trim(x), '(Z|[+-][0-9][0-9]:?[0-9][0-9])$') THEN try_cast(trim(x) AS TIMESTAMPTZ)"
                + " ELSE timezone('Europe/London', ts_local(x)) END");
        s.add("CREATE MACRO london_date(t) AS CAST(timezone('Europe/London', t) AS DATE)");
        s.add("CREATE MACRO fy_start(x) AS CASE WHEN month(x) >= 4 THEN year(x) ELSE year(x) - 1 END");
        s.add("CREATE MACRO fy_label(x) AS fy_start(x)::VARCHAR || '-' || lpad(((fy_start(x) + 1) % 100)::VARCHAR, 2, '0')");
        s.add("CREATE MACRO q_label(x) AS fy_label(x) || ' Q' || ((((month(x) + 8) % 12) // 3) + 1)::VARCHAR");
        s.add("CREATE MACRO file_date(f) AS coalesce(try_strptime(regexp_extract(f, '([0-9]{4}-[0-9]{2}-[0-9]{2})', 1), '%Y-%m-%d'),"
                + " try_strptime(regexp_extract(f, '([0-9]{8})', 1), '%Y%m%d'))");

        FileKinds none = new FileKinds(false, false);
        s.add("CREATE TABLE areas AS SELECT trim(snt_code) AS snt_code, trim(lpa_code) AS lpa_code FROM " + relation(l, AREAS, none));
        s.add("CREATE TABLE pop_snt AS SELECT trim(snt_code) AS snt_code, sum(population)::DOUBLE AS pop FROM "
                + relation(l, POPULATION, none) + " GROUP BY 1");
        s.add("CREATE TABLE pop AS SELECT 'force' AS area_level, 'WM' AS area_code, sum(pop) AS pop FROM pop_snt"
                + " UNION ALL SELECT 'lpa', a.lpa_code, sum(p.pop) FROM pop_snt p JOIN areas a USING (snt_code) GROUP BY 2");
        s.add("CREATE TABLE harm AS SELECT trim(category) AS category, weight FROM " + relation(l, HARM_WEIGHTS, none));

        // Crime: latest extracted_at wins per crime_ref (file-name date where a row has none); cancelled counts nowhere.
        s.add("CREATE TABLE crime AS SELECT * FROM (SELECT trim(crime_ref) AS crime_ref, recorded_date,"
                + " trim(category) AS category, trim(snt_code) AS snt_code, nullif(trim(victim_id), '') AS victim_id,"
                + " lower(coalesce(nullif(trim(status), ''), 'recorded')) AS status,"
                + " row_number() OVER (PARTITION BY trim(crime_ref) ORDER BY timezone('Europe/London',"
                + " coalesce(extracted_at, file_date(filename))) DESC, filename DESC) AS rn FROM "
                + relation(l, CRIME, crime) + ") WHERE rn = 1 AND status <> 'cancelled'"
                + " AND category <> 'Anti-social behaviour'");
        // Repeat rule: another recorded crime of the same victim in [recorded_date - 365, recorded_date] (ties included).
        s.add("CREATE TABLE crime_rep AS SELECT c.*, a.lpa_code, coalesce(h.weight, 0) AS weight,"
                + " CASE WHEN victim_id IS NULL THEN NULL ELSE count(*) OVER (PARTITION BY victim_id"
                + " ORDER BY (recorded_date - DATE '1970-01-01') RANGE BETWEEN 365 PRECEDING AND CURRENT ROW) > 1 END AS repeat"
                + " FROM crime c LEFT JOIN areas a USING (snt_code) LEFT JOIN harm h USING (category)");

        s.add("CREATE TABLE contacts AS SELECT * FROM (SELECT trim(contact_id) AS contact_id, trim(channel) AS channel,"
                + " trim(contact_type) AS contact_type, nullif(trim(snt_code), '') AS snt_code, ts(received_at) AS received,"
                + " ts(answered_at) AS answered, coalesce(abandoned, false) AS abandoned, ts(response_due_at) AS due,"
                + " ts(responded_at) AS responded,"
                + " row_number() OVER (PARTITION BY trim(contact_id) ORDER BY file_date(filename) DESC NULLS LAST, filename DESC) AS rn"
                + " FROM " + relation(l, CONTACTS, contacts) + ") WHERE rn = 1");
        s.add("CREATE TABLE survey AS SELECT * FROM (SELECT trim(respondent_id) AS respondent_id, interview_date,"
                + " trim(snt_code) AS snt_code, coalesce(weight, 1.0) AS w, nullif(trim(q_confidence), '') AS q,"
                + " row_number() OVER (PARTITION BY trim(respondent_id) ORDER BY file_date(filename) DESC NULLS LAST, filename DESC) AS rn"
                + " FROM " + relation(l, SURVEY_PUBLIC, survey) + ") WHERE rn = 1");

        // Events: (metric, snt, date, key, numerator contribution, denominator contribution). Key: PRV-01 counts keys.
        s.add("CREATE TABLE ev AS"
                + " SELECT 'VIS-05' AS metric_id, snt_code, london_date(received) AS dt, NULL AS k,"
                + "  CASE WHEN answered IS NOT NULL AND NOT abandoned AND epoch(answered) - epoch(received) <= 10 THEN 1.0 ELSE 0.0 END AS num, 1.0 AS den"
                + "  FROM contacts WHERE channel = '999'"
                + " UNION ALL SELECT 'RSP-01', snt_code, london_date(due), NULL,"
                + "  CASE WHEN responded IS NOT NULL AND responded <= due AND london_date(responded) <= " + a + " THEN 1.0 ELSE 0.0 END, 1.0"
                + "  FROM contacts WHERE contact_type IN ('correspondence', 'feedback') AND due IS NOT NULL"
                + " UNION ALL SELECT 'PRV-04', snt_code, recorded_date, NULL, 1.0, NULL FROM crime_rep"
                + " UNION ALL SELECT 'VUL-02', snt_code, recorded_date, NULL, weight, NULL FROM crime_rep"
                + " UNION ALL SELECT 'PRV-01', snt_code, recorded_date, victim_id, CASE WHEN repeat THEN 1.0 ELSE 0.0 END, 1.0"
                + "  FROM crime_rep WHERE victim_id IS NOT NULL"
                + " UNION ALL SELECT 'REL-03', snt_code, interview_date, NULL,"
                + "  CASE WHEN q IN ('Strongly agree', 'Tend to agree') THEN w ELSE 0.0 END, w FROM survey WHERE q IS NOT NULL");
        s.add("CREATE TABLE ev_area AS"
                + " WITH e AS (SELECT e.*, a.lpa_code FROM ev e LEFT JOIN areas a USING (snt_code) WHERE dt <= " + a + "),"
                + " lv AS (SELECT *, 'force' AS area_level, 'WM' AS area_code FROM e"
                + "  UNION ALL SELECT *, 'lpa', lpa_code FROM e WHERE lpa_code IS NOT NULL)"
                + " SELECT *, 'quarter' AS period_type, q_label(dt) AS period_label FROM lv"
                + " UNION ALL SELECT *, 'fyear', fy_label(dt) FROM lv");
        s.add("CREATE TABLE duck AS"
                + " WITH g AS (SELECT metric_id, area_level, area_code, period_type, period_label,"
                + "  CASE WHEN metric_id = 'PRV-01' THEN count(DISTINCT k) FILTER (WHERE num > 0) ELSE sum(num) END AS numerator,"
                + "  CASE WHEN metric_id = 'PRV-01' THEN count(DISTINCT k) ELSE sum(den) END AS den"
                + "  FROM ev_area GROUP BY metric_id, area_level, area_code, period_type, period_label)"
                + " SELECT g.metric_id, g.area_level, g.area_code, g.period_type, g.period_label, g.numerator::DOUBLE AS numerator,"
                + "  CASE WHEN g.metric_id IN ('PRV-04', 'VUL-02') THEN p.pop ELSE g.den END::DOUBLE AS denominator,"
                + "  CASE WHEN g.metric_id IN ('PRV-04', 'VUL-02') THEN 1000.0 * g.numerator / p.pop"
                + "   ELSE 100.0 * g.numerator / nullif(g.den, 0) END AS value"
                + " FROM g LEFT JOIN pop p USING (area_level, area_code)");
        return s;
    }

    /**
     * The script as a process of its own, as jobs/bench times it: {@code --landing DIR --as-of DATE --out FILE}.
     * Writes table {@code duck} to FILE as Parquet and prints the seconds the statements took; exit 0, or 1 with
     * the failing statement.
     */
    public static void main(String[] args) throws Exception {
        Path landing = null;
        Path out = null;
        LocalDate asOf = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--landing" -> landing = Paths.get(args[i + 1]);
                case "--out" -> out = Paths.get(args[i + 1]);
                case "--as-of" -> asOf = LocalDate.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (landing == null || out == null || asOf == null || args.length % 2 != 0) {
            System.err.println("usage: DuckCheck --landing DIR --as-of DATE --out FILE");
            System.exit(2);
            return;
        }
        try {
            long start = System.nanoTime();
            long figures = script(landing, asOf, out);
            System.out.printf(Locale.ROOT, "duckdb script: %d figures in %.3f s (statements and Parquet output, in-process)%n",
                    figures, (System.nanoTime() - start) / 1e9);
        } catch (SQLException | IOException e) {
            System.err.println("duckdb script failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the script and writes its figures to {@code out} (Parquet); returns how many. */
    static long script(Path landing, LocalDate asOf, Path out) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String sql : statements(landing, asOf)) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("DuckDB failed on: " + sql + ": " + e.getMessage(), e);
                }
            }
            st.execute("COPY duck TO " + quote(out.toString()) + " (FORMAT parquet)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM duck")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Compares the script's figures ({@code duckFigures}, Parquet from {@link #main}) with the pipeline's
     * ({@code metricValues}, metric_values exported as Parquet): numerator, denominator and value within 1e-9
     * relative, every figure of either side found on the other.
     */
    static Result compare(Path duckFigures, Path metricValues) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String inList = "'" + String.join("', '", METRICS) + "'";
            st.execute("CREATE TABLE duck AS SELECT * FROM read_parquet(" + quote(duckFigures.toString()) + ")");
            st.execute("CREATE TABLE spark AS SELECT metric_id, area_level, area_code, period_type, period_label,"
                    + " numerator, denominator, value FROM read_parquet(" + quote(metricValues.toString()) + ")"
                    + " WHERE metric_id IN (" + inList + ") AND area_level IN ('force', 'lpa')"
                    + " AND period_type IN ('quarter', 'fyear')");
            st.execute("CREATE MACRO close(x, y) AS (x IS NULL AND y IS NULL) OR (x IS NOT NULL AND y IS NOT NULL"
                    + " AND abs(x - y) <= 1e-9 * greatest(abs(x), abs(y), 1e-300))");
            long figures = count(st, "SELECT count(*) FROM duck");
            long pipeline = count(st, "SELECT count(*) FROM spark");
            long compared = count(st, "SELECT count(*) FROM duck d JOIN spark s"
                    + " USING (metric_id, area_level, area_code, period_type, period_label)");
            List<Mismatch> mismatches = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT coalesce(d.metric_id, s.metric_id), coalesce(d.area_level, s.area_level),"
                    + " coalesce(d.area_code, s.area_code), coalesce(d.period_type, s.period_type),"
                    + " coalesce(d.period_label, s.period_label), d.numerator, d.denominator, d.value,"
                    + " s.numerator, s.denominator, s.value FROM duck d FULL OUTER JOIN spark s"
                    + " ON d.metric_id = s.metric_id AND d.area_level = s.area_level AND d.area_code = s.area_code"
                    + " AND d.period_type = s.period_type AND d.period_label = s.period_label"
                    + " WHERE NOT (close(d.numerator, s.numerator) AND close(d.denominator, s.denominator)"
                    + " AND close(d.value, s.value)) ORDER BY 1, 2, 3, 4, 5")) {
                while (rs.next()) {
                    mismatches.add(new Mismatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), num(rs, 6), num(rs, 7), num(rs, 8), num(rs, 9), num(rs, 10), num(rs, 11)));
                }
            }
            return new Result(figures, pipeline, compared, mismatches);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Double num(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
