package uk.westmercia.charter.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.landing.InputRefusedException;

/** Reference files are small and every metric depends on them: a bad one refuses the run, naming file, line and column. */
class ReferenceDataReaderTest {
    private static final String ALL_WEIGHTS = """
            category,weight
            Anti-social behaviour,0
            Bicycle theft,2
            Burglary,245.5
            Criminal damage and arson,2
            Drugs,5
            Other crime,10
            Other theft,2
            Possession of weapons,365
            Public order,5
            Robbery,365
            Shoplifting,1
            Theft from the person,2
            Vehicle crime,7.5
            Violence and sexual offences,182.5
            """;

    @TempDir
    Path landing;

    @BeforeEach
    void writeRequiredFiles() throws IOException {
        write("areas.csv", "snt_code,snt_name,lpa_code\nHER01,Hereford City,HER\nSHR01,Shrewsbury,SHR\n");
        write("parishes.csv", "parish_code,parish_name,snt_code\nHER01P01,Hereford City Council,HER01\n");
        write("population.csv", "snt_code,age_band,sex,population\nHER01,16-24,F,100\nHER01,75+,M,50\nSHR01,25-34,F,200\n");
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(landing.resolve("reference"));
        Files.writeString(landing.resolve("reference").resolve(name), content);
    }

    @Test
    void readsAreasPopulationsAndEveryHarmWeight() throws IOException {
        write("harm-weights.csv", ALL_WEIGHTS);

        ReferenceData reference = ReferenceDataReader.read(landing);

        assertThat(reference.snts()).extracting(Snt::code).containsExactly("HER01", "SHR01");
        assertThat(reference.populationBySnt()).containsEntry("HER01", 150L).containsEntry("SHR01", 200L);
        assertThat(reference.harmWeights()).hasSize(14).containsEntry("Burglary", 245.5).containsEntry("Anti-social behaviour", 0.0);
        assertThat(reference.districts()).isEmpty();
        assertThat(reference.targets()).isEmpty();
    }

    @Test
    void aHeaderThatRepeatsAColumnIsRefusedNamingIt() throws IOException {
        write("areas.csv", "snt_code,snt_name,lpa_code,LPA_CODE\nHER01,Hereford City,HER,SHR\n");

        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("Cannot read reference/areas.csv: header repeats column(s) lpa_code (columns 3 and 4)");
    }

    @Test
    void theLineOfAnErrorIsThePhysicalLineAfterAMultiLineQuotedCell() throws IOException {
        // Record 3 starts on line 5: the quoted name before it spans lines 2 to 3, and line 4 is blank.
        write("areas.csv", "snt_code,snt_name,lpa_code\nHER01,\"Hereford\nCity\",HER\n\nSHR01,Shrewsbury,XXX\n");

        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/areas.csv line 5, column lpa_code: unknown LPA 'XXX', expected one of HER, NWO, SHR, SWO, TWR");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException {
        byte[] latin1 = "snt_code,snt_name,lpa_code\nHER01,Hereford City,HER\nSHR01,Shrewsbury \u00e9,SHR\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(landing.resolve("reference/areas.csv"), latin1);
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("Cannot read reference/areas.csv: line 3 is not UTF-8 text");

        Files.write(landing.resolve("reference/areas.csv"), "snt_code,snt_n\u00e4me,lpa_code\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("Cannot read reference/areas.csv: line 1 is not UTF-8 text");
    }

    @Test
    void aVeryLongOrHugeValueIsCutAndSaidWhatIsWrong() throws IOException {
        write("population.csv", "snt_code,age_band,sex,population\nHER01,16-24,F,100\nHER01,16-24," + "Z".repeat(100_000) + ",5\n");
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/population.csv line 3, column sex: unknown value '" + "Z".repeat(60) + "\u2026 (100000 characters)'");

        write("population.csv", "snt_code,age_band,sex,population\nHER01,16-24,F,99999999999999999999\n");
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/population.csv line 2, column population: out of range for a whole number "
                        + "(-9223372036854775808 to 9223372036854775807): '99999999999999999999'");
    }

    @Test
    void withoutHarmWeightsThereAreNone() {
        assertThat(ReferenceDataReader.read(landing).harmWeights()).isEmpty();
    }

    @Test
    void harmWeightsMustWeighEveryCategory() throws IOException {
        write("harm-weights.csv", ALL_WEIGHTS.replace("Drugs,5\n", "").replace("Robbery,365\n", ""));

        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("Cannot read reference/harm-weights.csv: it needs one row for each of the 14 crime categories; no weight for Drugs, Robbery");
    }

    @Test
    void harmWeightsRefuseAnUnknownOrRepeatedCategory() throws IOException {
        write("harm-weights.csv", ALL_WEIGHTS + "Fraud,3\n");
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/harm-weights.csv line 16, column category: unknown value 'Fraud'");

        write("harm-weights.csv", ALL_WEIGHTS + "Burglary,300\n");
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/harm-weights.csv line 16, column category: 'Burglary' has a weight already, at line 4");
    }

    @Test
    void aRequiredFileMissingOrABadValueRefusesTheRun() throws IOException {
        write("population.csv", "snt_code,age_band,sex,population\nHER01,16-24,X,100\n");
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/population.csv line 2, column sex: unknown value 'X'");

        Files.delete(landing.resolve("reference/parishes.csv"));
        assertThatThrownBy(() -> ReferenceDataReader.read(landing)).isInstanceOf(InputRefusedException.class)
                .hasMessage("Cannot read reference data: reference/parishes.csv is missing from the landing folder");
    }

    @Test
    void readsSpcChangePointsWithTheirReasonsAndTreatsTheFileAsOptional() throws IOException {
        assertThat(ReferenceDataReader.readSpcBaselines(landing)).isEmpty();
        write("spc-baselines.csv", "metric_id,area_code,from_month,reason\n"
                + "VIS-05,*,2024-04,New call-handling system\n"
                + "PRV-04,HER,2023-10,\"Crime recording audit, Herefordshire\"\n");

        assertThat(ReferenceDataReader.readSpcBaselines(landing)).containsExactly(
                new SpcBaseline("VIS-05", "*", java.time.YearMonth.of(2024, 4), "New call-handling system"),
                new SpcBaseline("PRV-04", "HER", java.time.YearMonth.of(2023, 10), "Crime recording audit, Herefordshire"));
        SpcBaseline any = ReferenceDataReader.readSpcBaselines(landing).get(0);
        assertThat(any.appliesTo("VIS-05", "SHR")).isTrue();
        assertThat(any.appliesTo("VIS-06", "SHR")).isFalse();
    }

    @Test
    void aBadSpcChangePointRefusesTheRunNamingLineAndColumn() throws IOException {
        write("spc-baselines.csv", "metric_id,area_code,from_month,reason\nVIS-05,*,April 2024,New system\n");
        assertThatThrownBy(() -> ReferenceDataReader.readSpcBaselines(landing))
                .isInstanceOf(InputRefusedException.class)
                .hasMessage("reference/spc-baselines.csv line 2, column from_month: not a month (yyyy-MM): 'April 2024'");
        write("spc-baselines.csv", "metric_id,area_code,from_month,reason\nVIS-05,*,2024-04,\n");
        assertThatThrownBy(() -> ReferenceDataReader.readSpcBaselines(landing))
                .hasMessage("reference/spc-baselines.csv line 2, column reason: required value is empty");
    }

    @Test
    void spcChangePointsDoNotChangeTheReferenceHashThatDecidesARecompute() throws IOException {
        String before = ReferenceDataReader.sha256(landing);
        write("spc-baselines.csv", "metric_id,area_code,from_month,reason\nVIS-05,*,2024-04,New call-handling system\n");
        assertThat(ReferenceDataReader.sha256(landing)).isEqualTo(before);
        write("targets.csv", "metric_id,target,amber_band\nVIS-01,90,5\n");
        assertThat(ReferenceDataReader.sha256(landing)).isNotEqualTo(before);
    }
}
