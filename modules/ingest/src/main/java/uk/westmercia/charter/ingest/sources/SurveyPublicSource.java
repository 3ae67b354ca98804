package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.NUMBER;
import static uk.westmercia.charter.ingest.ColumnType.STRING;

import uk.westmercia.charter.catalogue.Source;

/**
 * {@code survey-public/*.csv}, the Public Confidence and Perception survey (data contract, section 2):
 * one row per respondent, placed by their SNT.
 */
public final class SurveyPublicSource {
    private static final String[] AGREE = {
            "Strongly agree", "Tend to agree", "Neither agree nor disagree", "Tend to disagree", "Strongly disagree", "Don't know"};
    private static final String[] YES_NO = {"Yes", "No", "Don't know"};

    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.SURVEY_PUBLIC)
            .columns(
                    required("respondent_id", STRING).personalData(),
                    required("interview_date", DATE),
                    required("snt_code", STRING),
                    optional("age_band", STRING).allowing("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"),
                    optional("sex", STRING).allowing("F", "M"),
                    optional("ethnicity", STRING).allowing("White", "Mixed", "Asian", "Black", "Other", "Prefer not to say"),
                    optional("weight", NUMBER).greaterThan(0).withDefault(1.0),
                    optional("q_know_snt", STRING).allowing(YES_NO),
                    optional("q_foot_patrol", STRING).allowing("At least weekly", "At least monthly", "Less than monthly", "Never", "Don't know"),
                    optional("q_good_job", STRING).allowing("Excellent", "Good", "Fair", "Poor", "Very poor", "Don't know"),
                    optional("q_relied_on", STRING).allowing(AGREE),
                    optional("q_respect", STRING).allowing(AGREE),
                    optional("q_fair", STRING).allowing(AGREE),
                    optional("q_understand", STRING).allowing(AGREE),
                    optional("q_matter", STRING).allowing(AGREE),
                    optional("q_confidence", STRING).allowing(AGREE))
            .key("respondent_id")
            // Nullable as first staged, though every staged row has one: existing tables have it so.
            .derives(StagedColumn.nullable("lpa_code", STRING))
            .rules(RowRules.placedBySnt((row, reference, lpa) -> row.stage(lpa)))
            .build();

    private SurveyPublicSource() {
    }
}
