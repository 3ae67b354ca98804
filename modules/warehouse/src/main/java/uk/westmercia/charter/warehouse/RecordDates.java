package uk.westmercia.charter.warehouse;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import uk.westmercia.charter.catalogue.Source;

/**
 * When a staged row counts, for staging and metrics alike: its record date, and the month a staged
 * table is partitioned by. Staging writes a row under the month of its record date; metrics take
 * a source's range of periods from the same date, and read its first and last months by folder.
 */
public final class RecordDates {
    /** The partition column of every staged table: the {@code yyyy-MM} month of a row's record date, a string. */
    public static final String RECORD_MONTH = "record_month";
    /** A month's folder in a staged table's file paths; group 1 is the month. */
    public static final Pattern MONTH_FOLDER = Pattern.compile("/" + RECORD_MONTH + "=(\\d{4}-\\d{2})/");

    private RecordDates() {
    }

    /** The date a row is counted on, a column of the staged schema (contacts: the London day it was received). */
    public static Column recordDate(Source source) {
        return expr(recordDateExpression(source));
    }

    /**
     * {@link #recordDate} as the catalogue writes a metric's {@code date} ({@link Source#recordDate}): a
     * metric dated by it reads no row of a month before its first date's, so it can read a staged table
     * by {@link #RECORD_MONTH}.
     */
    public static String recordDateExpression(Source source) {
        return requireNonNull(source, "source is null").recordDate();
    }

    /** {@link #RECORD_MONTH} of a row in the staged schema. */
    public static Column recordMonth(Source source) {
        return date_format(recordDate(source), "yyyy-MM");
    }
}
