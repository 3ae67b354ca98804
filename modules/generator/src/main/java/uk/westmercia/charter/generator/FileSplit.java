package uk.westmercia.charter.generator;

import java.util.Locale;

/** How generated rows are cut into files. */
public enum FileSplit {
    /** One file per source per day, as nightly extracts arrive: {@code crime/crime-2024-04-01.csv}. */
    DAY,
    /**
     * One file per source per month: {@code contacts/contacts-2024-04.csv}. Crime files are named by their
     * extract date (the month's last day, or the last generated day): {@code crime/crime-2024-04-30.csv}.
     */
    MONTH;

    /** Parses {@code day} or {@code month}, case-insensitively. */
    public static FileSplit parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "day":
                    return DAY;
                case "month":
                    return MONTH;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "Cannot generate landing data: split must be day or month, was " + text);
    }
}
