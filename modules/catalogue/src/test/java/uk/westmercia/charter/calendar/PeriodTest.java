package uk.westmercia.charter.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void financialQuarterRunsAprilToJune() {
        Period q1 = Period.containing(PeriodType.QUARTER, LocalDate.of(2025, 4, 1));
        assertThat(q1).isEqualTo(new Period(PeriodType.QUARTER, "2025-26 Q1", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)));
    }

    @Test
    void januaryToMarchIsQuarterFourOfThePreviousFinancialYear() {
        Period q4 = Period.containing(PeriodType.QUARTER, LocalDate.of(2025, 3, 31));
        assertThat(q4.label()).isEqualTo("2024-25 Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void octoberStartsQuarterThree() {
        assertThat(Period.containing(PeriodType.QUARTER, LocalDate.of(2024, 10, 1)).label()).isEqualTo("2024-25 Q3");
        assertThat(Period.containing(PeriodType.QUARTER, LocalDate.of(2024, 9, 30)).label()).isEqualTo("2024-25 Q2");
    }

    @Test
    void financialYearLabelsSpanTheCentury() {
        Period year = Period.containing(PeriodType.FINANCIAL_YEAR, LocalDate.of(2000, 2, 29));
        assertThat(year).isEqualTo(new Period(PeriodType.FINANCIAL_YEAR, "1999-00", LocalDate.of(1999, 4, 1), LocalDate.of(2000, 3, 31)));
    }

    @Test
    void monthLabel() {
        assertThat(Period.containing(PeriodType.MONTH, LocalDate.of(2024, 2, 10)))
                .isEqualTo(new Period(PeriodType.MONTH, "2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void isoWeekRunsMondayToSundayAndTakesTheIsoYear() {
        // 2024-12-30 is a Monday; its ISO week is 2025-W01 although the date is in 2024.
        Period week = Period.containing(PeriodType.WEEK, LocalDate.of(2025, 1, 5));
        assertThat(week).isEqualTo(new Period(PeriodType.WEEK, "2025-W01", LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5)));
        // 2025-04-06 is a Sunday: week 14 of 2025 started on Monday 2025-03-31.
        assertThat(Period.containing(PeriodType.WEEK, LocalDate.of(2025, 4, 6)).label()).isEqualTo("2025-W14");
    }

    @Test
    void week53Exists() {
        // 2020 had 53 ISO weeks: Monday 2020-12-28 to Sunday 2021-01-03.
        assertThat(Period.containing(PeriodType.WEEK, LocalDate.of(2021, 1, 3)).label()).isEqualTo("2020-W53");
    }

    @Test
    void parsesEveryLabelBack() {
        assertThat(Period.parse(PeriodType.QUARTER, "2024-25 Q3").start()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(Period.parse(PeriodType.FINANCIAL_YEAR, "2024-25").end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(Period.parse(PeriodType.MONTH, "2025-04").end()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(Period.parse(PeriodType.WEEK, "2025-W14").start()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void refusesMalformedLabelsWithTheExpectedForm() {
        assertThatThrownBy(() -> Period.parse(PeriodType.QUARTER, "2024-26 Q3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read quarter label '2024-26 Q3': expected yyyy-yy Qn, e.g. 2025-26 Q1");
        assertThatThrownBy(() -> Period.parse(PeriodType.MONTH, "2024-13"))
                .hasMessage("Cannot read month label '2024-13': expected yyyy-MM, e.g. 2025-04");
        assertThatThrownBy(() -> Period.parse(PeriodType.WEEK, "2021-W53"))
                .hasMessage("Cannot read week label '2021-W53': expected yyyy-Www, e.g. 2025-W14");
    }

    @Test
    void previousAndYearBefore() {
        Period q1 = Period.parse(PeriodType.QUARTER, "2025-26 Q1");
        assertThat(q1.previous().label()).isEqualTo("2024-25 Q4");
        assertThat(q1.yearBefore().label()).isEqualTo("2024-25 Q1");
        assertThat(q1.next().label()).isEqualTo("2025-26 Q2");
    }

    @Test
    void coveringListsOverlappingPeriodsInOrder() {
        assertThat(Period.covering(PeriodType.QUARTER, LocalDate.of(2023, 4, 3), LocalDate.of(2024, 1, 2)))
                .extracting(Period::label)
                .containsExactly("2023-24 Q1", "2023-24 Q2", "2023-24 Q3", "2023-24 Q4");
    }

    @Test
    void openPeriodIsCutAtAsOf() {
        Period cut = Period.parse(PeriodType.QUARTER, "2024-25 Q1").endingNoLaterThan(LocalDate.of(2024, 5, 15));
        assertThat(cut.end()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(cut.label()).isEqualTo("2024-25 Q1");
    }
}
