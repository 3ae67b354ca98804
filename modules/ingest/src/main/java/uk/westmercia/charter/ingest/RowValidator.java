package uk.westmercia.charter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.westmercia.charter.calendar.LondonTime;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.landing.CellText;
import uk.westmercia.charter.reference.CrimeCategories;

/**
 * Applies the contract's column and row rules to one input row. Plain Java, so the rules are tested
 * without Spark; the stager runs it inside each file's task.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Source source;
    private final List<ColumnSpec> columns;
    private final ReferenceLookup reference;
    private final Pseudonymiser pseudonymiser;

    public RowValidator(Source source, ReferenceLookup reference, Pseudonymiser pseudonymiser) {
        this.source = requireNonNull(source, "source is null");
        this.columns = SourceSchemas.columns(source);
        this.reference = requireNonNull(reference, "reference is null");
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser is null");
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
        if (source == Source.POLICEUK) {
            return validatePoliceUk(raw);
        }
        Object[] typed = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Object cell = cell(raw, column.name());
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
        return crossChecks(typed, fileDate);
    }

    private RowOutcome crossChecks(Object[] typed, Optional<LocalDate> fileDate) {
        List<Object> staged = new ArrayList<>(java.util.Arrays.asList(typed));
        switch (source) {
            case CRIME -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = reference.lpaBySnt().get(snt);
                if (lpa == null) {
                    return unknownArea("snt_code", snt);
                }
                Instant extractedAt = (Instant) get(typed, "extracted_at");
                if (extractedAt == null) {
                    if (fileDate.isEmpty()) {
                        return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "extracted_at",
                                "extracted_at is empty and the file name carries no extract date (yyyy-MM-dd or yyyyMMdd)");
                    }
                    extractedAt = fileDate.get().atStartOfDay(LondonTime.LONDON).toInstant();
                }
                staged.add(lpa);
                staged.add(extractedAt);
            }
            case CONTACTS -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = null;
                if (snt != null) {
                    lpa = reference.lpaBySnt().get(snt);
                    if (lpa == null) {
                        return unknownArea("snt_code", snt);
                    }
                }
                Instant received = (Instant) get(typed, "received_at");
                String channel = (String) get(typed, "channel");
                if (get(typed, "answered_at") != null && !channel.equals("999") && !channel.equals("101")) {
                    return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "answered_at",
                            "answered_at is for calls only (channel 999 or 101), not channel " + channel);
                }
                for (String later : List.of("answered_at", "responded_at")) {
                    Instant at = (Instant) get(typed, later);
                    if (at != null && at.isBefore(received)) {
                        return new RowOutcome.Rejected(RejectReason.TIME_ORDER, later, later + " " + at + " is before received_at " + received);
                    }
                }
                staged.add(lpa);
            }
            case ENGAGEMENT -> {
                String lpa = (String) get(typed, "lpa_code");
                if (!reference.lpaBySnt().containsValue(lpa)) {
                    return unknownArea("lpa_code", lpa);
                }
                String snt = (String) get(typed, "snt_code");
                if (snt != null && !lpa.equals(reference.lpaBySnt().get(snt))) {
                    return reference.lpaBySnt().containsKey(snt)
                            ? new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "snt_code", "snt_code " + CellText.quoted(snt) + " does not belong to lpa_code " + CellText.quoted(lpa))
                            : unknownArea("snt_code", snt);
                }
                String type = (String) get(typed, "type");
                String parish = (String) get(typed, "parish_code");
                if (type.equals("parish_council_meeting") && parish == null) {
                    return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "parish_code", "parish_code is required for a parish_council_meeting");
                }
                if (parish != null && !reference.sntByParish().containsKey(parish)) {
                    return unknownArea("parish_code", parish);
                }
                String status = (String) get(typed, "status");
                boolean plan = type.equals("problem_solving_plan");
                List<String> statuses = plan ? List.of("open", "closed") : List.of("held", "attended", "cancelled", "not_attended");
                if (!statuses.contains(status)) {
                    return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "status",
                            "status " + CellText.quoted(status) + " is not allowed for " + type + ", expected one of " + String.join(", ", statuses));
                }
                LocalDate closed = (LocalDate) get(typed, "closed_date");
                if (closed != null && !plan) {
                    return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "closed_date", "closed_date is only for problem_solving_plan, not " + type);
                }
                if (closed != null && closed.isBefore((LocalDate) get(typed, "date"))) {
                    return new RowOutcome.Rejected(RejectReason.TIME_ORDER, "closed_date", "closed_date " + closed + " is before date " + get(typed, "date"));
                }
            }
            case SURVEY_PUBLIC -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = reference.lpaBySnt().get(snt);
                if (lpa == null) {
                    return unknownArea("snt_code", snt);
                }
                staged.add(lpa);
            }
            case SURVEY_PARISH -> {
                String parish = (String) get(typed, "parish_code");
                String snt = reference.sntByParish().get(parish);
                if (snt == null) {
                    return unknownArea("parish_code", parish);
                }
                staged.add(snt);
                staged.add(reference.lpaBySnt().get(snt));
            }
            case PATROLS -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = reference.lpaBySnt().get(snt);
                if (lpa == null) {
                    return unknownArea("snt_code", snt);
                }
                Instant started = (Instant) get(typed, "started_at");
                Instant ended = (Instant) get(typed, "ended_at");
                if (ended.isBefore(started)) {
                    return new RowOutcome.Rejected(RejectReason.TIME_ORDER, "ended_at", "ended_at " + ended + " is before started_at " + started);
                }
                staged.add(lpa);
            }
            case PRIORITIES -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = reference.lpaBySnt().get(snt);
                if (lpa == null) {
                    return unknownArea("snt_code", snt);
                }
                String parish = (String) get(typed, "parish_code");
                if (parish != null) {
                    String parishSnt = reference.sntByParish().get(parish);
                    if (parishSnt == null) {
                        return unknownArea("parish_code", parish);
                    }
                    if (!parishSnt.equals(snt)) {
                        return new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, "parish_code",
                                "parish_code " + CellText.quoted(parish) + " does not belong to snt_code " + CellText.quoted(snt));
                    }
                }
                staged.add(lpa);
            }
            case NEIGHBOURHOOD_MATTERS -> {
                String snt = (String) get(typed, "snt_code");
                String lpa = reference.lpaBySnt().get(snt);
                if (lpa == null) {
                    return unknownArea("snt_code", snt);
                }
                staged.add(lpa);
            }
            case POLICEUK -> throw new IllegalStateException("police.uk rows are validated apart");
        }
        return new RowOutcome.Staged(staged.toArray());
    }

    /**
     * A data.police.uk row: the month stands for the recorded date, the LSOA name's district gives the
     * LPA. Rows with no location or outside the force are staged without an LPA (force figures only).
     */
    private RowOutcome validatePoliceUk(Map<String, Object> raw) {
        String month = text(raw, "month");
        if (month == null) {
            return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "Month", "Month is required but empty");
        }
        LocalDate recorded;
        try {
            recorded = YearMonth.parse(month).atDay(1);
        }
        catch (DateTimeParseException e) {
            return new RowOutcome.Rejected(RejectReason.BAD_DATE, "Month", "Month " + CellText.quoted(month) + " is not a month (yyyy-MM)");
        }
        String category = text(raw, "crime type");
        if (category == null) {
            return new RowOutcome.Rejected(RejectReason.MISSING_REQUIRED, "Crime type", "Crime type is required but empty");
        }
        if (!CrimeCategories.ALL.contains(category)) {
            return new RowOutcome.Rejected(RejectReason.UNKNOWN_VALUE, "Crime type", "Crime type " + CellText.quoted(category) + " is not one of the 14 police.uk categories");
        }
        String location = text(raw, "location");
        String lsoaCode = text(raw, "lsoa code");
        String lsoaName = text(raw, "lsoa name");
        String district = null;
        String lpa = null;
        String placement;
        if (lsoaName == null || lsoaCode == null) {
            placement = "no_location";
        }
        else {
            int lastSpace = lsoaName.lastIndexOf(' ');
            district = lastSpace > 0 ? lsoaName.substring(0, lastSpace) : lsoaName;
            lpa = reference.lpaByDistrict().get(district);
            placement = lpa == null ? "out_of_force" : "in_force";
        }
        String locationId = location == null || lsoaCode == null ? null : pseudonymiser.pseudonym(location + "|" + lsoaCode);
        return new RowOutcome.Staged(new Object[] {
                text(raw, "crime id"), recorded, category, lpa, district, lsoaCode, locationId, placement});
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

    private Object get(Object[] typed, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return typed[i];
            }
        }
        throw new IllegalArgumentException("Cannot read column " + column + ": not a column of " + source.folder());
    }

    private static RowOutcome unknownArea(String column, String code) {
        return new RowOutcome.Rejected(RejectReason.UNKNOWN_AREA, column, column + " " + CellText.quoted(code) + " is not in the reference data");
    }

    private static Object cell(Map<String, Object> raw, String column) {
        Object value = raw.get(column.toLowerCase(Locale.ROOT));
        if (value instanceof String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return value;
    }

    private static String text(Map<String, Object> raw, String column) {
        Object value = cell(raw, column);
        return value == null ? null : value.toString();
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
