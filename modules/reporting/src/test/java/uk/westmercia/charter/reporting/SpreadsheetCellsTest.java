package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
    @Test
    void textAFormulaWouldBeReadFromIsNeutralisedNumbersStayNumbers() {
        assertThat(SpreadsheetCells.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SpreadsheetCells.cell("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCells.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.cell("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCells.cell("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetCells.cell("WM24/1")).isEqualTo("WM24/1");
        assertThat(SpreadsheetCells.cell("")).isEqualTo("");
        assertThat(SpreadsheetCells.cell(null)).isNull();
        // Typed numbers, negative ones included, are written as numbers.
        assertThat(SpreadsheetCells.cell(-1.25)).isEqualTo("-1.25");
        assertThat(SpreadsheetCells.cell(-7L)).isEqualTo("-7");
        assertThat(SpreadsheetCells.cell(new BigDecimal("-0.5"))).isEqualTo("-0.5");
        assertThat(SpreadsheetCells.cell(true)).isEqualTo("true");
        assertThat(SpreadsheetCells.cell(LocalDate.of(2024, 4, 1))).isEqualTo("2024-04-01");
        // The scorecard's CSV uses the same rule.
        assertThat(ScorecardCsv.neutralise("-2")).isEqualTo(SpreadsheetCells.text("-2"));
    }
}
