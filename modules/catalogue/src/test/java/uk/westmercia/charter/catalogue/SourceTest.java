package uk.westmercia.charter.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every module knows of a source: its folder, record date, the rows metrics count and what sets it apart. */
class SourceTest {
    @Test
    void policeUkAloneStandsInAndForCrime() {
        for (Source source : Source.values()) {
            assertThat(source.standsInFor()).as(source.folder()).isEqualTo(source == Source.POLICEUK ? Optional.of(Source.CRIME) : Optional.empty());
            // Staged after the source it stands in for, so a landing with both is known to have both.
            source.standsInFor().ifPresent(standsFor -> assertThat(standsFor.ordinal()).isLessThan(source.ordinal()));
        }
        assertThat(Source.POLICEUK.isOrStandsInFor(Source.CRIME)).isTrue();
        assertThat(Source.POLICEUK.isOrStandsInFor(Source.POLICEUK)).isTrue();
        assertThat(Source.CRIME.isOrStandsInFor(Source.POLICEUK)).isFalse();
        assertThat(Source.CONTACTS.isOrStandsInFor(Source.CRIME)).isFalse();
    }

    @Test
    void metricsCountRecordedCrimesOnlyAndEveryOtherSourcesRows() {
        for (Source source : Source.values()) {
            assertThat(source.countedRows()).as(source.folder())
                    .isEqualTo(source == Source.CRIME ? Optional.of("status = 'recorded'") : Optional.empty());
        }
    }

    @Test
    void theSurveysAreTheSurveysAndPoliceUkAloneIsPlacedByDistrictAndDatedByMonth() {
        for (Source source : Source.values()) {
            assertThat(source.isSurvey()).as(source.folder()).isEqualTo(source == Source.SURVEY_PUBLIC || source == Source.SURVEY_PARISH);
            assertThat(source.placedByDistrict()).as(source.folder()).isEqualTo(source == Source.POLICEUK);
            assertThat(source.datedByMonth()).as(source.folder()).isEqualTo(source == Source.POLICEUK);
        }
    }

    @Test
    void foldersNameSourcesOneToOne() {
        for (Source source : Source.values()) {
            assertThat(Source.fromFolder(source.folder())).isEqualTo(source);
            assertThat(source.recordDate()).isNotBlank();
        }
    }
}
