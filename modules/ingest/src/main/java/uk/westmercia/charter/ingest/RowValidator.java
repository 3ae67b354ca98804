package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.westmercia.charter.calendar.LondonTime;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.ContractRow;
import uk.westmercia.charter.ingest.sources.RawRow;
import uk.westmercia.charter.ingest.sources.RowRules;
import uk.westmercia.charter.ingest.sources.SourceDefinition;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.landing.CellText;

/**
 * Applies the contract's column rules to one input row, then its source's row rules ({@link SourceDefinition#rules}).
 * Plain Java, so the rules are tested without Spark; the stager runs it inside each file's task.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Source source;
    private final ReferenceLookup reference;
    private final Pseudonymiser pseudonymiser;
    /** Looked up again where a task deserialises the validator: a definition's rules are code, not data. */
    private final transient SourceDefinition definition;

    public RowValidator(Source source, ReferenceLookup reference, Pseudonymiser pseudonymiser) {
        this.source = requireNonNull(source, "source is null");
        this.definition = SourceDefinitions.of(source);
        this.reference = requireNonNull(reference, "reference is null");
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser is null");
    }

    private Object readResolve() {
        return new RowValidator(source, reference, pseudonymiser);
    }

    /** The staged columns: the contract's, then those derived at ingest (see {@link StagedSchemas}). */
    public List<String> stagedColumnNames() {
        return StagedSchemas.columnNames(source);
    }

    /**
     * Validates one row. Keys of {@code raw} are lower-case trimmed header names; a CSV cell is a
     * String, a JSON field may also be a Number, Boolean or List. Empty text counts as missing.
     */
    public RowOutcome validate(Map<String, Object> raw, Optional<LocalDate> fileDate) {
        RawRow cells = new RawRow(raw);
        if (definition.rules() instanceof RowRules.OnCells onCells) {
            return checked(onCells.check(cells, reference, pseudonymiser));
        }
        List<ColumnSpec> columns = definition.columns();
        Object[] typed = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Object cell = cells.cell(column.name());
            if (cell == null) {
                if (column.required()) {
                    return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, column.name(), column.name() + " is required but empty");
                }
                typed[i] = column.defaultValue();
                continue;
            }
            Object value;
            try {
                value = convert(column, cell);
            }
            catch (Reject reject) {
                return reject.outcome;
            }
            typed[i] = column.personal() ? pseudonymiser.pseudonym(value.toString()) : value;
        }
        return checked(((RowRules.OnColumns) definition.rules()).check(ContractRow.of(definition, typed, fileDate), reference));
    }

    /** A staged row has a value for every staged column: rules that stage fewer or more are a bug, not bad input. */
    private RowOutcome checked(RowOutcome outcome) {
        requireNonNull(outcome, "outcome is null");
        if (outcome instanceof RowOutcome.Staged staged && staged.values().length != definition.stagedColumns().size()) {
            throw new IllegalStateException("Cannot stage a row of " + source.folder() + ": " + staged.values().length
                    + " values for " + definition.stagedColumns().size() + " staged columns");
        }
        return outcome;
    }

    private Object convert(ColumnSpec column, Object cell) throws Reject {
        String name = column.name();
        String shown = column.personal() ? "(value withheld)" : CellText.quoted(cell.toString());
        switch (column.type()) {
            case STRING -> {
                if (cell instanceof List<?> || cell instanceof Boolean) {
                    throw new Reject(RejectReason.MALFORMED, name, name + " is not text");
                }
                String text = cell.toString();
                if (!column.allowedValues().isEmpty() && !column.allowedValues().contains(text)) {
                    throw new Reject(RejectReason.UNKNOWN_VALUE, name, name + " " + shown + " is not one of " + String.join(", ", column.allowedValues()));
                }
                return text;
            }
            case DATE -> {
                return LondonTime.parseDate(cell.toString()).orElseThrow(() ->
                        new Reject(RejectReason.BAD_DATE, name, name + " " + shown + " is not a date (yyyy-MM-dd or dd/MM/yyyy)"));
            }
            case MONTH -> {
                String text = cell.toString();
                if (!MONTH_TEXT.matcher(text).matches()) {
                    throw new Reject(RejectReason.BAD_DATE, name, name + " " + shown + " is not a month (yyyy-MM)");
                }
                try {
                    return YearMonth.parse(text).toString();
                }
                catch (DateTimeParseException e) {
                    throw new Reject(RejectReason.BAD_DATE, name, name + " " + shown + " is not a month (yyyy-MM)");
                }
            }
            case TIMESTAMP -> {
                return LondonTime.parseTimestamp(cell.toString()).orElseThrow(() ->
                        new Reject(RejectReason.BAD_TIMESTAMP, name, name + " " + shown
                                + " is not a timestamp (ISO-8601 with optional offset, or dd/MM/yyyy HH:mm[:ss])"));
            }
            case BOOLEAN -> {
                if (cell instanceof Boolean flag) {
                    return flag;
                }
                return switch (cell.toString().toLowerCase(Locale.ROOT)) {
                    case "y", "true", "1" -> Boolean.TRUE;
                    case "n", "false", "0" -> Boolean.FALSE;
                    default -> throw new Reject(RejectReason.BAD_BOOLEAN, name, name + " " + shown + " is not a boolean (Y/N, true/false, 1/0)");
                };
            }
            case INTEGER -> {
                long number = wholeNumber(cell, name, shown);
                checkRange(column, number, shown);
                return number;
            }
            case NUMBER -> {
                double number;
                try {
                    number = cell instanceof Number n ? n.doubleValue() : Double.parseDouble(cell.toString());
                }
                catch (NumberFormatException e) {
                    throw new Reject(RejectReason.BAD_NUMBER, name, name + " " + shown + " is not a number");
                }
                if (!Double.isFinite(number)) {
                    throw new Reject(RejectReason.BAD_NUMBER, name, name + " " + shown + " is not a finite number");
                }
                checkRange(column, number, shown);
                return number;
            }
            case STRING_LIST -> {
                if (!(cell instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new Reject(RejectReason.MALFORMED, name, name + " is not an array of strings");
                }
                return list.stream().map(String.class::cast).map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            default -> throw new IllegalStateException("Unhandled column type " + column.type());
        }
    }

    /**
     * A cell as a whole number: a JSON integer of any size, a JSON number with no fraction, or text
     * of digits with an optional sign. One beyond a long's range is rejected, never wrapped round or
     * clamped (99999999999999999999 must not be staged as another number).
     */
    private static long wholeNumber(Object cell, String name, String shown) throws Reject {
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            return ((Number) cell).longValue();
        }
        BigDecimal exact = null;
        if (cell instanceof BigInteger big) {
            exact = new BigDecimal(big);
        }
        else if (cell instanceof BigDecimal decimal) {
            exact = decimal;
        }
        else if (cell instanceof Number number) {
            exact = Double.isFinite(number.doubleValue()) ? new BigDecimal(number.toString()) : null;
        }
        else if (WHOLE_NUMBER_TEXT.matcher(cell.toString()).matches()) {
            String digits = cell.toString().replaceFirst("^[+-]?0*", "");
            // Beyond 19 digits no long holds it; not parsed, so a megabyte of digits costs nothing.
            exact = digits.length() > 19 ? BigDecimal.TEN.pow(19) : new BigDecimal(cell.toString());
        }
        if (exact == null || (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0)) {
            throw new Reject(RejectReason.BAD_NUMBER, name, name + " " + shown + " is not a whole number");
        }
        try {
            return exact.longValueExact();
        }
        catch (ArithmeticException e) {
            throw new Reject(RejectReason.BAD_NUMBER, name, name + " " + shown
                    + " is out of range for a whole number (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
    }

    private static final java.util.regex.Pattern MONTH_TEXT = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final java.util.regex.Pattern WHOLE_NUMBER_TEXT = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    private static void checkRange(ColumnSpec column, double value, String shown) throws Reject {
        if (column.minimum() == null) {
            return;
        }
        boolean ok = column.minimumExclusive() ? value > column.minimum() : value >= column.minimum();
        if (!ok) {
            String bound = (column.minimumExclusive() ? "> " : ">= ") + formatBound(column.minimum());
            throw new Reject(RejectReason.OUT_OF_RANGE, column.name(), column.name() + " must be " + bound + ", was " + shown);
        }
    }

    private static String formatBound(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient RowOutcome.Rejected outcome;

        Reject(RejectReason reason, String column, String message) {
            super(message, null, false, false);
            this.outcome = new RowOutcome.Rejected(reason, column, message);
        }
    }
}
