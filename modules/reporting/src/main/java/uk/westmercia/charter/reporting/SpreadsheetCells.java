package uk.westmercia.charter.reporting;

/**
 * CSV cells safe to open in a spreadsheet, for every CSV the project writes (the scorecard's and
 * {@code export --format csv}): a text cell starting with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return is prefixed with a single quote, so Excel or LibreOffice shows it as text
 * rather than run it as a formula. Numbers stay numbers, negative ones included.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    /** A text cell, neutralised when a spreadsheet would read it as a formula; null is empty. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /**
     * A typed value as a cell: a number or boolean as written ({@code -1.25} stays a number),
     * anything else as neutralised text. Null stays null (an empty cell).
     */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return text(String.valueOf(value));
    }
}
