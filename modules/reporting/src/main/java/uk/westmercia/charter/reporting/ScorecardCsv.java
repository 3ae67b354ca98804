package uk.westmercia.charter.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The scorecard as CSV: one row per area and metric, UTF-8, rounded for presentation, safe to open
 * in a spreadsheet (a text cell starting with =, +, -, @, tab or CR is prefixed with a single quote
 * so it is not read as a formula: {@link SpreadsheetCells}, shared with {@code export --format csv}).
 */
public final class ScorecardCsv {
    public static final List<String> HEADER = List.of(
            "quarter", "area_code", "area_name", "theme", "metric_id", "metric_name", "unit", "direction",
            "value", "ci_low", "ci_high", "status", "base_n", "target",
            "previous_quarter", "previous_value", "change_previous", "change_previous_significant",
            "year_before", "year_before_value", "change_year", "change_year_significant", "spc_signal", "note");

    private ScorecardCsv() {
    }

    /** Neutralises a text cell a spreadsheet would read as a formula ({@link SpreadsheetCells#text}). */
    public static String neutralise(String text) {
        return SpreadsheetCells.text(text);
    }

    public static List<List<String>> records(List<ScorecardRow> rows) {
        List<List<String>> records = new ArrayList<>();
        for (ScorecardRow row : rows) {
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
            cells.add(neutralise(row.yearBeforeLabel()));
            cells.add(Presentation.number(row.yearBeforeValue(), unit));
            cells.add(Presentation.number(row.changeYear(), unit));
            cells.add(flag(row.changeYear(), row.changeYearSignificant()));
            cells.add(neutralise(row.spcSignal() == null ? "not_monthly" : row.spcSignal()));
            cells.add(held ? Presentation.TOO_FEW_RESPONSES + " to publish" : "");
            records.add(cells);
        }
        return records;
    }

    /** yes or no; not_tested for a change with no test for its unit; empty with no change. */
    private static String flag(Double change, Boolean significant) {
        if (change == null) {
            return "";
        }
        return significant == null ? "not_tested" : significant ? "yes" : "no";
    }

    public static void write(List<ScorecardRow> rows, Writer writer) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(HEADER);
            for (List<String> record : records(rows)) {
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
