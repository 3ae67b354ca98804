package uk.westmercia.charter.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.westmercia.charter.ingest.ColumnSpec.optional;
import static uk.westmercia.charter.ingest.ColumnSpec.required;
import static uk.westmercia.charter.ingest.ColumnType.DATE;
import static uk.westmercia.charter.ingest.ColumnType.STRING;
import static uk.westmercia.charter.ingest.ColumnType.TIMESTAMP;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.Pseudonymiser;
import uk.westmercia.charter.ingest.ReferenceLookup;
import uk.westmercia.charter.ingest.RowOutcome;
import uk.westmercia.charter.ingest.RowValidator;

/**
 * Every source is one definition: each {@link Source} has exactly one, and it says what the source
 * is to staging. The staged columns in full are pinned by {@code SourceShapesTest}.
 */
class SourceDefinitionsTest {
    private static final ReferenceLookup REFERENCE = new ReferenceLookup(Map.of("HER01", "HER"), Map.of("P001", "HER01"), Map.of("Herefordshire", "HER"));
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser("charter-test-key-not-for-production".getBytes(StandardCharsets.UTF_8));

    @Test
    void everySourceHasExactlyOneDefinitionInSourceOrder() {
        assertThat(SourceDefinitions.all()).extracting(SourceDefinition::source).containsExactly(Source.values());
        for (Source source : Source.values()) {
            assertThat(SourceDefinitions.of(source).source()).isEqualTo(source);
        }
        List<SourceDefinition> all = SourceDefinitions.all();
        assertThatThrownBy(() -> SourceDefinitions.index(all.subList(1, all.size())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot index sources: crime has no definition");
        List<SourceDefinition> twice = new java.util.ArrayList<>(all);
        twice.add(CrimeSource.DEFINITION);
        assertThatThrownBy(() -> SourceDefinitions.index(twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot index sources: crime is defined twice");
    }

    /** The columns each source derives at ingest, as StagedSchemas.validatedFields appended them after the contract's. */
    @Test
    void derivedColumnsAreTheOnesStagedAfterTheContracts() {
        Map<Source, List<StagedColumn>> derived = new EnumMap<>(Source.class);
        derived.put(Source.CRIME, List.of(StagedColumn.notNull("lpa_code", STRING), StagedColumn.notNull("version_at", TIMESTAMP)));
        derived.put(Source.POLICEUK, List.of(
                StagedColumn.nullable("crime_ref", STRING), StagedColumn.nullable("recorded_date", DATE), StagedColumn.nullable("category", STRING),
                StagedColumn.nullable("lpa_code", STRING), StagedColumn.nullable("district", STRING), StagedColumn.nullable("lsoa_code", STRING),
                StagedColumn.nullable("location_id", STRING), StagedColumn.nullable("placement", STRING)));
        derived.put(Source.CONTACTS, List.of(StagedColumn.nullable("lpa_code", STRING)));
        derived.put(Source.ENGAGEMENT, List.of());
        derived.put(Source.SURVEY_PUBLIC, List.of(StagedColumn.nullable("lpa_code", STRING)));
        derived.put(Source.SURVEY_PARISH, List.of(StagedColumn.notNull("snt_code", STRING), StagedColumn.notNull("lpa_code", STRING)));
        derived.put(Source.PATROLS, List.of(StagedColumn.notNull("lpa_code", STRING)));
        derived.put(Source.PRIORITIES, List.of(StagedColumn.notNull("lpa_code", STRING)));
        derived.put(Source.NEIGHBOURHOOD_MATTERS, List.of(StagedColumn.notNull("lpa_code", STRING)));
        assertThat(derived.keySet()).containsExactly(Source.values());
        for (Source source : Source.values()) {
            SourceDefinition definition = SourceDefinitions.of(source);
            assertThat(definition.derivedColumns()).as(source + " derived").isEqualTo(derived.get(source));
            List<StagedColumn> staged = new java.util.ArrayList<>();
            if (source != Source.POLICEUK) {
                definition.columns().stream().map(StagedColumn::of).forEach(staged::add);
            }
            staged.addAll(derived.get(source));
            assertThat(definition.stagedColumns()).as(source + " staged").isEqualTo(staged);
        }
    }

    @Test
    void onlyCrimeIsVersionedAndOnlyPoliceUkIsPlacedAndValidatedOnItsCells() {
        for (Source source : Source.values()) {
            SourceDefinition definition = SourceDefinitions.of(source);
            assertThat(definition.version()).as(source + " version")
                    .isEqualTo(source == Source.CRIME ? Optional.of(new RowVersion("extracted_at", "version_at")) : Optional.empty());
            assertThat(definition.placementColumn()).as(source + " placement")
                    .isEqualTo(source == Source.POLICEUK ? Optional.of("placement") : Optional.empty());
            assertThat(definition.validatedOnCells()).as(source + " on cells").isEqualTo(source == Source.POLICEUK);
            assertThat(definition.format()).as(source + " format").isEqualTo(source == Source.ENGAGEMENT ? SourceFormat.JSON_LINES : SourceFormat.CSV);
        }
    }

    @Test
    void policeUkAloneCannotBeStagedWithoutTheDistricts() {
        ReferenceLookup noDistricts = new ReferenceLookup(REFERENCE.lpaBySnt(), REFERENCE.sntByParish(), Map.of());
        for (Source source : Source.values()) {
            assertThat(SourceDefinitions.of(source).missingReference(REFERENCE)).as(source.folder()).isEmpty();
            assertThat(SourceDefinitions.of(source).missingReference(noDistricts)).as(source.folder()).isEqualTo(source == Source.POLICEUK
                    ? Optional.of("reference/districts.csv is missing from the landing folder, and police.uk rows are placed in LPAs through it")
                    : Optional.empty());
        }
    }

    @Test
    void aDefinitionIsRefusedWhenItsPartsDoNotAgree() {
        assertThatThrownBy(() -> base().key("nope").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot define source crime: key column nope is not a contract column");
        assertThatThrownBy(() -> base().derives(StagedColumn.notNull("id", STRING)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot define source crime: staged column id is given twice (a derived column may not repeat a contract column)");
        assertThatThrownBy(() -> base().columns(required("id", STRING), optional("ID", STRING)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot define source crime: column ID is given twice (headers match case-insensitively)");
        assertThatThrownBy(() -> base().versionedBy("at", "version_at").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot define source crime: its version column version_at is not a derived timestamp column");
        assertThatThrownBy(() -> base().versionedBy("nope", "lpa_code").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot define source crime: its version's extract column nope is not a contract column");
        assertThatThrownBy(() -> base().placedBy("nowhere").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot define source crime: its placement column nowhere is not a staged column");
        assertThatThrownBy(() -> SourceDefinition.builder(Source.CRIME).columns(required("id", STRING)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot define source crime: it has no row rules");

        SourceDefinition definition = base().key("id").versionedBy("at", "version").derives(StagedColumn.notNull("version", TIMESTAMP)).build();
        assertThat(definition.headerColumns()).containsExactly("id");
        assertThat(definition.stagedColumnNames()).containsExactly("id", "at", "version");
    }

    @Test
    void rulesMustStageOneValuePerDerivedColumn() {
        SourceDefinition definition = base().derives(StagedColumn.notNull("lpa_code", STRING)).build();
        ContractRow row = ContractRow.of(definition, new Object[] {"1", null}, Optional.empty());
        assertThat(row.stage("HER").values()).containsExactly("1", null, "HER");
        assertThatThrownBy(() -> row.stage()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot stage a row of crime: 0 derived values for 1 derived columns");
        assertThatThrownBy(() -> row.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read column nope: not a column of crime");
    }

    /** Spark ships the validator to its tasks: the rules, which are code, come back from the definition there. */
    @Test
    void aValidatorShippedToATaskStillHasItsSourcesRules() throws IOException, ClassNotFoundException {
        RowValidator validator = new RowValidator(Source.SURVEY_PARISH, REFERENCE, PSEUDONYMISER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(validator);
        }
        RowValidator shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (RowValidator) in.readObject();
        }
        Map<String, Object> cells = new HashMap<>(Map.of("response_id", "R1", "response_date", "2024-05-01", "parish_code", "P001"));
        RowOutcome outcome = shipped.validate(cells, Optional.empty());
        assertThat(outcome).isInstanceOf(RowOutcome.Staged.class);
        Object[] values = ((RowOutcome.Staged) outcome).values();
        assertThat(values[values.length - 2]).isEqualTo("HER01");
        assertThat(values[values.length - 1]).isEqualTo("HER");
        assertThat(values).isEqualTo(((RowOutcome.Staged) validator.validate(cells, Optional.empty())).values());
    }

    private static SourceDefinition.Builder base() {
        return SourceDefinition.builder(Source.CRIME)
                .columns(required("id", STRING), optional("at", TIMESTAMP))
                .rules((row, reference) -> row.stage());
    }
}
