package uk.westmercia.charter.ingest.sources;

import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.INTEGER;
import static uk.westmercia.charter.ingest.ColumnType.MONTH;
import static uk.westmercia.charter.ingest.ColumnType.STRING;

import uk.westmercia.charter.catalogue.Source;

/**
 * {@code neighbourhood-matters/*.csv}, the Neighbourhood Matters platform's monthly export (data
 * contract, section 2): one row per SNT and month, keyed by both, placed by its SNT.
 */
public final class NeighbourhoodMattersSource {
    public static final SourceDefinition DEFINITION = SourceDefinition.builder(Source.NEIGHBOURHOOD_MATTERS)
            .columns(
                    required("month", MONTH),
                    required("snt_code", STRING),
                    required("registered_users", INTEGER).atLeast(0),
                    optional("messages_sent", INTEGER).atLeast(0),
                    optional("replies_received", INTEGER).atLeast(0))
            .key("month", "snt_code")
            .derives(StagedColumn.notNull("lpa_code", STRING))
            .rules(RowRules.placedBySnt((row, reference, lpa) -> row.stage(lpa)))
            .build();

    private NeighbourhoodMattersSource() {
    }
}
