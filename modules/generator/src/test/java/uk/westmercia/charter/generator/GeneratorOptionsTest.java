package uk.westmercia.charter.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    private static final Path OUT = Path.of("landing");
    private static final LocalDate FROM = LocalDate.of(2024, 4, 1);
    private static final LocalDate TO = LocalDate.of(2024, 4, 30);

    @Test
    void rejectsScaleNotAboveZero() {
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, -1, FROM, TO, FileSplit.DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot generate landing data: scale must be > 0, was -1");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 0, FROM, TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: scale must be > 0, was 0");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, Double.NaN, FROM, TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: scale must be > 0, was NaN");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 2000.5, FROM, TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: scale must be <= 1000, was 2000.5");
    }

    @Test
    void rejectsBadSurveyScale() {
        GeneratorOptions ok = new GeneratorOptions(OUT, 1, 0.5, FROM, TO, FileSplit.DAY);
        assertThatThrownBy(() -> ok.withSurveyScale(-0.25))
                .hasMessage("Cannot generate landing data: survey scale must be > 0, was -0.25");
    }

    @Test
    void rejectsMissingOrReversedDates() {
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 1, FROM, FROM.minusDays(1), FileSplit.DAY))
                .hasMessage("Cannot generate landing data: to (2024-03-31) must not be before from (2024-04-01)");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 1, null, TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: from must be given");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 1, FROM, null, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: to must be given");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 1, LocalDate.of(1999, 1, 1), TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: dates must lie between 2000-01-01 and 2100-12-31,"
                        + " were 1999-01-01 to 2024-04-30");
    }

    @Test
    void rejectsMissingOutAndSplit() {
        assertThatThrownBy(() -> new GeneratorOptions(null, 1, 1, FROM, TO, FileSplit.DAY))
                .hasMessage("Cannot generate landing data: out must be given");
        assertThatThrownBy(() -> new GeneratorOptions(OUT, 1, 1, FROM, TO, null))
                .hasMessage("Cannot generate landing data: split must be given");
        assertThatThrownBy(() -> FileSplit.parse("week"))
                .hasMessage("Cannot generate landing data: split must be day or month, was week");
    }

    @Test
    void sixArgumentConstructorUsesDefaults() {
        GeneratorOptions o = new GeneratorOptions(OUT, 7, 0.5, FROM, TO, FileSplit.MONTH);
        assertThat(o.surveyScale()).isEqualTo(0.5);
        assertThat(o.badRows()).isTrue();
        assertThat(o.gzipContacts()).isFalse();
        assertThat(o.gzipPatrols()).isFalse();
        assertThat(o.withBadRows(false).withGzipContacts(true).withSurveyScale(2))
                .isEqualTo(new GeneratorOptions(OUT, 7, 0.5, FROM, TO, FileSplit.MONTH, 2, false, true, false));
        assertThat(o.withGzipPatrols(true))
                .isEqualTo(new GeneratorOptions(OUT, 7, 0.5, FROM, TO, FileSplit.MONTH, 0.5, true, false, true));
    }

    @Test
    void parsesCommandLine() {
        GeneratorOptions o = LandingGenerator.parse("--out", "x", "--seed", "9", "--scale", "0.1", "--from",
                "2023-04-01", "--to", "2023-06-30", "--split", "month", "--survey-scale", "0.4", "--no-bad-rows",
                "--gzip-contacts", "--gzip-patrols");
        assertThat(o).isEqualTo(new GeneratorOptions(Path.of("x"), 9, 0.1, LocalDate.of(2023, 4, 1),
                LocalDate.of(2023, 6, 30), FileSplit.MONTH, 0.4, false, true, true));
        GeneratorOptions defaults = LandingGenerator.parse("--out", "y");
        assertThat(defaults.scale()).isEqualTo(1);
        assertThat(defaults.split()).isEqualTo(FileSplit.DAY);
        assertThatThrownBy(() -> LandingGenerator.parse("--seed", "1"))
                .hasMessage("Cannot generate landing data: --out is required");
        assertThatThrownBy(() -> LandingGenerator.parse("--out", "x", "--scale", "lots"))
                .hasMessage("Cannot generate landing data: --scale must be a number, was lots");
        assertThatThrownBy(() -> LandingGenerator.parse("--out", "x", "--from", "01/04/2024"))
                .hasMessage("Cannot generate landing data: --from must be a date yyyy-MM-dd, was 01/04/2024");
        assertThatThrownBy(() -> LandingGenerator.parse("--out", "x", "--colour", "red"))
                .hasMessage("Cannot generate landing data: unknown argument --colour");
        assertThatThrownBy(() -> LandingGenerator.parse("--out"))
                .hasMessage("Cannot generate landing data: --out needs a value");
    }
}
