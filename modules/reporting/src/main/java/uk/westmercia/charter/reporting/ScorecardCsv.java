package uk.westmercia.charter.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The scorecard as CSV: one row per area and metric, UTF-8, rounded for presentation, safe to open
 * in a spreadsheet (a text cell starting with =, +, -, @, tab or CR is prefixed with a single quote
 * so it is not read as a formula: {@link SpreadsheetCells}, shared with {@code export --format csv}).
 *
 * <p>A change or an LPA's deviation from the others is called significant ({@code yes}) only when its
 * Benjamini-Hochberg q-value is below 0.05, over every test of its family in the quarter; the raw
 * p-values stand beside the q-values, and the {@code note} says in words what is beyond chance and
 * what only looked so before the quarter's many tests were allowed for.
 */
public final class ScorecardCsv {
    public static final List<String> HEADER = List.of(
            "quarter", "area_code", "area_name", "theme", "metric_id", "metric_name", "unit", "direction",
            "value", "ci_low", "ci_high", "status", "base_n", "target",
            "previous_quarter", "previous_value", "change_previous", "change_previous_significant", "change_previous_p", "change_previous_q",
            "year_before", "year_before_value", "change_year", "change_year_significant", "change_year_p", "change_year_q",
            "spc_signal", "spc_assurance", "funnel", "funnel_adjusted", "p_adjusted", "q_adjusted", "deviation_significant", "note");

    private ScorecardCsv() {
    }

    /** Neutralises a text cell a spreadsheet would read as a formula ({@link SpreadsheetCells#text}). */
    public static String neutralise(String text) {
        return SpreadsheetCells.text(text);
    }

    public static List<List<String>> records(List<ScorecardRow> rows) {
        return records(rows, List.of());
    }

    /** The rows, each LPA's with its place among the LPAs from the area comparison. */
    public static List<List<String>> records(List<ScorecardRow> rows, List<AreaComparisonRow> comparisons) {
        Map<String, AreaComparisonRow> compared = new HashMap<>();
        comparisons.stream().filter(AreaComparisonRow::isLpa).forEach(row -> compared.put(row.metricId() + "|" + row.areaCode(), row));
        List<List<String>> records = new ArrayList<>();
        for (ScorecardRow row : rows) {
            AreaComparisonRow comparison = compared.get(row.metricId() + "|" + row.areaCode());
            String unit = row.unit();
            boolean held = row.isLowBase();
            List<String> cells = new ArrayList<>();
            cells.add(neutralise(row.quarter()));
            cells.add(neutralise(row.areaCode()));
            cells.add(neutralise(row.areaName()));
            cells.add(neutralise(row.theme()));
            cells.add(neutralise(row.metricId()));
            cells.add(neutralise(row.metricName()));
            cells.add(neutralise(unit));
            cells.add(neutralise(row.direction()));
            // Numbers are written as numbers (a negative change stays a number); text is neutralised.
            // A numeric column holds numbers only: a held-back figure is empty, and the note says why.
            cells.add(held ? "" : Presentation.number(row.value(), unit));
            cells.add(Presentation.number(row.ciLow(), unit));
            cells.add(Presentation.number(row.ciHigh(), unit));
            cells.add(neutralise(row.status()));
            cells.add(row.baseN() == null ? "" : Long.toString(row.baseN()));
            cells.add(Presentation.number(row.target(), unit));
            cells.add(neutralise(row.previousLabel()));
            cells.add(Presentation.number(row.previousValue(), unit));
            cells.add(Presentation.number(row.changePrevious(), unit));
            cells.add(flag(row.changePrevious(), row.changePreviousSignificant()));
            cells.add(Presentation.probability(row.changePreviousP()));
            cells.add(Presentation.probability(row.changePreviousQ()));
            cells.add(neutralise(row.yearBeforeLabel()));
            cells.add(Presentation.number(row.yearBeforeValue(), unit));
            cells.add(Presentation.number(row.changeYear(), unit));
            cells.add(flag(row.changeYear(), row.changeYearSignificant()));
            cells.add(Presentation.probability(row.changeYearP()));
            cells.add(Presentation.probability(row.changeYearQ()));
            cells.add(neutralise(row.spcSignal() == null ? "not_monthly" : row.spcSignal()));
            cells.add(neutralise(row.spcAssurance() == null ? "" : row.spcAssurance()));
            cells.add(neutralise(comparison == null || comparison.funnel() == null ? "" : comparison.funnel()));
            cells.add(neutralise(comparison == null || comparison.funnelAdjusted() == null ? "" : comparison.funnelAdjusted()));
            cells.add(comparison == null ? "" : Presentation.probability(comparison.pAdjusted()));
            cells.add(comparison == null ? "" : Presentation.probability(comparison.qAdjusted()));
            cells.add(comparison == null || comparison.qAdjusted() == null ? "" : comparison.isSignificant() ? "yes" : "no");
            cells.add(held ? Presentation.TOO_FEW_RESPONSES + " to publish" : neutralise(note(row, comparison)));
            records.add(cells);
        }
        return records;
    }

    /**
     * In words, what is beyond chance in the row (q &lt; 0.05) and what had p &lt; 0.05 but is not once the
     * quarter's many tests are allowed for; empty when neither.
     */
    static String note(ScorecardRow row, AreaComparisonRow comparison) {
        List<String> notes = new ArrayList<>();
        changeNote(notes, "change on previous quarter", row.changePreviousP(), row.changePreviousQ());
        changeNote(notes, "change on year before", row.changeYearP(), row.changeYearQ());
        if (comparison != null && comparison.qAdjusted() != null) {
            if (comparison.isSignificant()) {
                notes.add("differs from the other LPAs beyond chance: " + Presentation.placeLabel(comparison.funnelAdjusted())
                        + ("estimated".equals(comparison.dispersion()) ? " of the funnel adjusted for how much the LPAs usually differ" : " of the funnel")
                        + ", q " + eq(Presentation.probabilityText(comparison.qAdjusted())) + ", below 0.05");
            }
            else if (comparison.pAdjusted() != null && comparison.pAdjusted() < 0.05) {
                notes.add("difference from the other LPAs has p " + eq(Presentation.probabilityText(comparison.pAdjusted())) + " but q "
                        + eq(Presentation.probabilityText(comparison.qAdjusted())) + ": not significant once the quarter's many tests are allowed for");
            }
        }
        return String.join("; ", notes);
    }

    private static void changeNote(List<String> notes, String what, Double p, Double q) {
        if (q == null) {
            return;
        }
        if (q < 0.05) {
            notes.add(what + " significant: q " + eq(Presentation.probabilityText(q)) + ", below 0.05 (Benjamini-Hochberg over the quarter's tests)");
        }
        else if (p != null && p < 0.05) {
            notes.add(what + " has p " + eq(Presentation.probabilityText(p)) + " but q " + eq(Presentation.probabilityText(q))
                    + ": not significant once the quarter's many tests are allowed for");
        }
    }

    private static String eq(String probability) {
        return probability.startsWith("<") ? probability : "= " + probability;
    }

    /** yes (q &lt; 0.05) or no; not_tested for a change with no test for its unit; empty with no change. */
    private static String flag(Double change, Boolean significant) {
        if (change == null) {
            return "";
        }
        return significant == null ? "not_tested" : significant ? "yes" : "no";
    }

    public static void write(List<ScorecardRow> rows, Writer writer) throws IOException {
        write(rows, List.of(), writer);
    }

    /** The report's rows, with the area comparison's places, q-values and notes. */
    public static void write(ScorecardReport report, Writer writer) throws IOException {
        write(report.rows(), report.comparisons(), writer);
    }

    static void write(List<ScorecardRow> rows, List<AreaComparisonRow> comparisons, Writer writer) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(HEADER);
            for (List<String> record : records(rows, comparisons)) {
                printer.printRecord(record);
            }
        }
    }

    public static void write(List<ScorecardRow> rows, Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(rows, writer);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write scorecard CSV " + file + ": " + e.getMessage(), e);
        }
    }
}
