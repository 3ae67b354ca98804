package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.STRING;

import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RowOutcome;

/**
 * {@code survey-parish/*.csv}, the Town and Parish Council survey (data contract, section 2): one row
 * per response, placed by its parish's SNT and that SNT's LPA.
 */
public final class SurveyParishSource {
    private static final String[] SATISFIED = {
            "Very satisfied", "Fairly satisfied", "Neither", "Fairly dissatisfied", "Very dissatisfied", "Don't know"};
    private static final String[] YES_NO = {"Yes", "No", "Don't know"};

    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.SURVEY_PARISH)
            .columns(
                    required("response_id", STRING).personalData(),
                    required("response_date", DATE),
                    required("parish_code", STRING),
                    optional("q_attendance_satisfaction", STRING).allowing(SATISFIED),
                    optional("q_partnership_satisfaction", STRING).allowing(SATISFIED),
                    optional("q_regular_updates", STRING).allowing(YES_NO),
                    optional("q_know_snt", STRING).allowing(YES_NO))
            .key("response_id")
            .derives(StagedColumn.notNull("snt_code", STRING), StagedColumn.notNull("lpa_code", STRING))
            .rules(SurveyParishSource::check)
            .build();

    private SurveyParishSource() {
    }

    private static RowOutcome check(ContractRow row, ReferenceLookup reference) {
        String parish = row.string("parish_code");
        String snt = reference.sntByParish().get(parish);
        if (snt == null) {
            return RowRules.unknownArea("parish_code", parish);
        }
        return row.stage(snt, reference.lpaBySnt().get(snt));
    }
}
