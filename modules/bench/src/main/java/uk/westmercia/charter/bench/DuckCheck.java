package uk.westmercia.charter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Six headline metrics (VIS-05, RSP-01, PRV-01, PRV-04, VUL-02, REL-03) at force and LPA level for quarters and
 * financial years, computed by DuckDB in-process straight from the landing CSV files, independently of the
 * pipeline, then compared with the pipeline's metric_values.
 */
final class DuckCheck {

    static final List<String> METRICS = List.of("VIS-05", "RSP-01", "PRV-01", "PRV-04", "VUL-02", "REL-03");

    record Mismatch(String metric, String level, String area, String periodType, String period,
                    Double duckNum, Double duckDen, Double duckValue, Double sparkNum, Double sparkDen, Double sparkValue) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %s %s %s: duckdb %s/%s=%s, pipeline %s/%s=%s", metric, level, area,
                    periodType, period, duckNum, duckDen, duckValue, sparkNum, sparkDen, sparkValue);
        }
    }

    record Result(double computeSeconds, long figures, long compared, List<Mismatch> mismatches) {
    }

    private DuckCheck() {
    }

    /** SQL statements that build table {@code duck(metric_id, area_level, area_code, period_type, period_label, numerator, denominator, value)}. */
    static List<String> statements(Path landing, LocalDate asOf) {
        String l = landing.toString().replace("'", "''");
        String a = "DATE '" + asOf + "'";
        List<String> s = new ArrayList<>();
        s.add("SET TimeZone = 'Europe/London'");
        // Contract dates: yyyy-MM-dd or dd/MM/yyyy. Timestamps: ISO with or without offset, or UK dd/MM/yyyy HH:mm[:ss];
        // without offset a timestamp is London local time.
        s.add("CREATE MACRO d(x) AS coalesce(try_strptime(trim(x), '%Y-%m-%d'), try_strptime(trim(x), '%d/%m/%Y'))::DATE");
        s.add("CREATE MACRO ts_local(x) AS coalesce(try_strptime(trim(x), '%Y-%m-%dT%H:%M:%S'),"
                + " try_strptime(trim(x), '%d/%m/%Y %H:%M:%S'), try_strptime(trim(x), '%d/%m/%Y %H:%M'))");
        s.add("CREATE MACRO ts(x) AS CASE WHEN x IS NULL OR trim(x) = '' THEN NULL"
                + " WHEN regexp_matches(trim(x), '(Z|[+-][0-9][0-9]:?[0-9][0-9])$') THEN try_cast(trim(x) AS TIMESTAMPTZ)"
                + " ELSE timezone('Europe/London', ts_local(x)) END");
        s.add("CREATE MACRO london_date(t) AS CAST(timezone('Europe/London', t) AS DATE)");
        s.add("CREATE MACRO yes(x) AS lower(trim(coalesce(x, ''))) IN ('y', 'true', '1')");
        s.add("CREATE MACRO fy_start(x) AS CASE WHEN month(x) >= 4 THEN year(x) ELSE year(x) - 1 END");
        s.add("CREATE MACRO fy_label(x) AS fy_start(x)::VARCHAR || '-' || lpad(((fy_start(x) + 1) % 100)::VARCHAR, 2, '0')");
        s.add("CREATE MACRO q_label(x) AS fy_label(x) || ' Q' || ((((month(x) + 8) % 12) // 3) + 1)::VARCHAR");
        s.add("CREATE MACRO file_date(f) AS coalesce(try_strptime(regexp_extract(f, '([0-9]{4}-[0-9]{2}-[0-9]{2})', 1), '%Y-%m-%d'),"
                + " try_strptime(regexp_extract(f, '([0-9]{8})', 1), '%Y%m%d'))");

        String csv = "read_csv('%s/%s/*.csv', all_varchar = true, header = true, filename = true, union_by_name = true)";
        s.add("CREATE TABLE areas AS SELECT trim(snt_code) AS snt_code, trim(lpa_code) AS lpa_code FROM "
                + String.format(csv, l, "reference").replace("/*.csv", "/areas.csv"));
        s.add("CREATE TABLE pop_snt AS SELECT trim(snt_code) AS snt_code, sum(population::DOUBLE) AS pop FROM "
                + String.format(csv, l, "reference").replace("/*.csv", "/population.csv") + " GROUP BY 1");
        s.add("CREATE TABLE pop AS SELECT 'force' AS area_level, 'WM' AS area_code, sum(pop) AS pop FROM pop_snt"
                + " UNION ALL SELECT 'lpa', a.lpa_code, sum(p.pop) FROM pop_snt p JOIN areas a USING (snt_code) GROUP BY 2");
        s.add("CREATE TABLE harm AS SELECT trim(category) AS category, weight::DOUBLE AS weight FROM "
                + String.format(csv, l, "reference").replace("/*.csv", "/harm-weights.csv"));

        // Crime: latest extracted_at wins per crime_ref (file-name date where a row has none); cancelled counts nowhere.
        s.add("CREATE TABLE crime AS SELECT * FROM (SELECT trim(crime_ref) AS crime_ref, d(recorded_date) AS recorded_date,"
                + " trim(category) AS category, trim(snt_code) AS snt_code, nullif(trim(victim_id), '') AS victim_id,"
                + " lower(coalesce(nullif(trim(status), ''), 'recorded')) AS status,"
                + " row_number() OVER (PARTITION BY trim(crime_ref) ORDER BY coalesce(ts(extracted_at),"
                + " timezone('Europe/London', file_date(filename))) DESC, filename DESC) AS rn FROM "
                + String.format(csv, l, "crime") + ") WHERE rn = 1 AND status <> 'cancelled'"
                + " AND category <> 'Anti-social behaviour'");
        // Repeat rule: another recorded crime of the same victim in [recorded_date - 365, recorded_date] (ties included).
        s.add("CREATE TABLE crime_rep AS SELECT c.*, a.lpa_code, coalesce(h.weight, 0) AS weight,"
                + " CASE WHEN victim_id IS NULL THEN NULL ELSE count(*) OVER (PARTITION BY victim_id"
                + " ORDER BY (recorded_date - DATE '1970-01-01') RANGE BETWEEN 365 PRECEDING AND CURRENT ROW) > 1 END AS repeat"
                + " FROM crime c LEFT JOIN areas a USING (snt_code) LEFT JOIN harm h USING (category)");

        s.add("CREATE TABLE contacts AS SELECT * FROM (SELECT trim(contact_id) AS contact_id, trim(channel) AS channel,"
                + " trim(contact_type) AS contact_type, nullif(trim(snt_code), '') AS snt_code, ts(received_at) AS received,"
                + " ts(answered_at) AS answered, yes(abandoned) AS abandoned, ts(response_due_at) AS due,"
                + " ts(responded_at) AS responded,"
                + " row_number() OVER (PARTITION BY trim(contact_id) ORDER BY file_date(filename) DESC NULLS LAST, filename DESC) AS rn"
                + " FROM " + String.format(csv, l, "contacts") + ") WHERE rn = 1");
        s.add("CREATE TABLE survey AS SELECT * FROM (SELECT trim(respondent_id) AS respondent_id, d(interview_date) AS interview_date,"
                + " trim(snt_code) AS snt_code, coalesce(try_cast(nullif(trim(weight), '') AS DOUBLE), 1.0) AS w,"
                + " nullif(trim(q_confidence), '') AS q,"
                + " row_number() OVER (PARTITION BY trim(respondent_id) ORDER BY file_date(filename) DESC NULLS LAST, filename DESC) AS rn"
                + " FROM " + String.format(csv, l, "survey-public") + ") WHERE rn = 1");

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

    static Result run(Path landing, Path warehouse, LocalDate asOf) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            for (String sql : statements(landing, asOf)) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("DuckDB failed on: " + sql + ": " + e.getMessage(), e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long figures;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM duck")) {
                rs.next();
                figures = rs.getLong(1);
            }
            String mv = warehouse.toString().replace("'", "''");
            String inList = "'" + String.join("', '", METRICS) + "'";
            st.execute("CREATE TABLE spark AS SELECT metric_id, area_level, area_code, period_type, period_label,"
                    + " numerator, denominator, value FROM read_parquet('" + mv + "')"
                    + " WHERE metric_id IN (" + inList + ") AND area_level IN ('force', 'lpa')"
                    + " AND period_type IN ('quarter', 'fyear')");
            st.execute("CREATE MACRO close(x, y) AS (x IS NULL AND y IS NULL) OR (x IS NOT NULL AND y IS NOT NULL"
                    + " AND abs(x - y) <= 1e-9 * greatest(abs(x), abs(y), 1e-300))");
            long compared;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM duck d JOIN spark s"
                    + " USING (metric_id, area_level, area_code, period_type, period_label)")) {
                rs.next();
                compared = rs.getLong(1);
            }
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
            return new Result(seconds, figures, compared, mismatches);
        }
    }

    private static Double num(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    static boolean exists(Path warehouse) {
        return Files.exists(warehouse.resolve("metrics").resolve("metric_values"));
    }
}
