package uk.westmercia.charter.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: ISO week, calendar month, financial quarter (Q1 April-June) or financial
 * year (April-March). Both ends are inclusive.
 */
public record Period(PeriodType type, String label, LocalDate start, LocalDate end) {
    private static final Pattern MONTH_LABEL = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER_LABEL = Pattern.compile("(\\d{4})-(\\d{2}) Q([1-4])");
    private static final Pattern YEAR_LABEL = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK_LABEL = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");

    public Period {
        requireNonNull(type, "type is null");
        requireNonNull(label, "label is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Cannot create period " + label + ": end " + end + " is before start " + start);
        }
    }

    /** The period of the given type holding a date. */
    public static Period containing(PeriodType type, LocalDate date) {
        requireNonNull(type, "type is null");
        requireNonNull(date, "date is null");
        return switch (type) {
            case WEEK -> isoWeek(date);
            case MONTH -> month(YearMonth.from(date));
            case QUARTER -> quarter(financialYearStart(date), (Math.floorMod(date.getMonthValue() - 4, 12)) / 3 + 1);
            case FINANCIAL_YEAR -> financialYear(financialYearStart(date));
        };
    }

    /** Reads a label of the contract ({@code 2025-W14}, {@code 2025-04}, {@code 2025-26 Q1}, {@code 2025-26}). */
    public static Period parse(PeriodType type, String label) {
        requireNonNull(type, "type is null");
        requireNonNull(label, "label is null");
        String trimmed = label.trim();
        Matcher matcher;
        switch (type) {
            case WEEK -> {
                matcher = WEEK_LABEL.matcher(trimmed);
                if (matcher.matches()) {
                    int year = Integer.parseInt(matcher.group(1));
                    int week = Integer.parseInt(matcher.group(2));
                    LocalDate monday = LocalDate.of(year, 1, 4)
                            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                            .with(DayOfWeek.MONDAY);
                    Period period = isoWeek(monday);
                    if (period.label.equals(trimmed)) {
                        return period;
                    }
                }
            }
            case MONTH -> {
                matcher = MONTH_LABEL.matcher(trimmed);
                if (matcher.matches()) {
                    int month = Integer.parseInt(matcher.group(2));
                    if (month >= 1 && month <= 12) {
                        return month(YearMonth.of(Integer.parseInt(matcher.group(1)), month));
                    }
                }
            }
            case QUARTER -> {
                matcher = QUARTER_LABEL.matcher(trimmed);
                if (matcher.matches() && consecutiveYears(matcher.group(1), matcher.group(2))) {
                    return quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)));
                }
            }
            case FINANCIAL_YEAR -> {
                matcher = YEAR_LABEL.matcher(trimmed);
                if (matcher.matches() && consecutiveYears(matcher.group(1), matcher.group(2))) {
                    return financialYear(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        throw new IllegalArgumentException("Cannot read " + type.label() + " label '" + label + "': expected "
                + switch (type) {
                    case WEEK -> "yyyy-Www, e.g. 2025-W14";
                    case MONTH -> "yyyy-MM, e.g. 2025-04";
                    case QUARTER -> "yyyy-yy Qn, e.g. 2025-26 Q1";
                    case FINANCIAL_YEAR -> "yyyy-yy, e.g. 2025-26";
                });
    }

    /** The periods of a type that overlap [from, to], in order. */
    public static List<Period> covering(PeriodType type, LocalDate from, LocalDate to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Cannot list periods: " + to + " is before " + from);
        }
        List<Period> periods = new ArrayList<>();
        for (Period period = containing(type, from); !period.start.isAfter(to); period = period.next()) {
            periods.add(period);
        }
        return List.copyOf(periods);
    }

    public Period next() {
        return containing(type, end.plusDays(1));
    }

    public Period previous() {
        return containing(type, start.minusDays(1));
    }

    /** The same period a year before: same month, same quarter of the previous financial year. */
    public Period yearBefore() {
        if (type == PeriodType.WEEK) {
            throw new IllegalStateException("Cannot take the year before a week: ISO years differ in length");
        }
        return containing(type, start.minusYears(1));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** This period cut to end no later than a date (a period still open at --as-of). */
    public Period endingNoLaterThan(LocalDate last) {
        return end.isAfter(last) ? new Period(type, label, start, last) : this;
    }

    private static Period isoWeek(LocalDate date) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        int weekYear = monday.get(IsoFields.WEEK_BASED_YEAR);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return new Period(PeriodType.WEEK, String.format("%d-W%02d", weekYear, week), monday, monday.plusDays(6));
    }

    private static Period month(YearMonth month) {
        return new Period(PeriodType.MONTH, month.format(MONTH_FORMAT), month.atDay(1), month.atEndOfMonth());
    }

    private static Period quarter(int financialYearStart, int quarter) {
        LocalDate start = LocalDate.of(financialYearStart, 4, 1).plusMonths(3L * (quarter - 1));
        return new Period(PeriodType.QUARTER, yearLabel(financialYearStart) + " Q" + quarter,
                start, start.plusMonths(3).minusDays(1));
    }

    private static Period financialYear(int financialYearStart) {
        return new Period(PeriodType.FINANCIAL_YEAR, yearLabel(financialYearStart),
                LocalDate.of(financialYearStart, 4, 1), LocalDate.of(financialYearStart + 1, 3, 31));
    }

    private static int financialYearStart(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private static String yearLabel(int financialYearStart) {
        return String.format("%d-%02d", financialYearStart, (financialYearStart + 1) % 100);
    }

    private static boolean consecutiveYears(String first, String secondTwoDigits) {
        return (Integer.parseInt(first) + 1) % 100 == Integer.parseInt(secondTwoDigits);
    }

    @Override
    public String toString() {
        return type.label() + " " + label;
    }
}
