package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.SourceDefinition;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.ingest.sources.SourceFormat;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.RecordDates;

/**
 * What each source is to staging, pinned as the contract and the existing warehouses have it: the
 * header a file must carry, the key, the record date and the staged table's columns, in order. A
 * staged table's schema must not move: Delta tables already written have these columns.
 */
@ExtendWith(SharedSparkSession.class)
class SourceShapesTest {
    private static final DataType STRING = DataTypes.StringType;
    private static final DataType DATE = DataTypes.DateType;
    private static final DataType TIMESTAMP = DataTypes.TimestampType;
    private static final DataType BOOLEAN = DataTypes.BooleanType;
    private static final DataType LONG = DataTypes.LongType;
    private static final DataType DOUBLE = DataTypes.DoubleType;

    /** One source as it is staged today. */
    private record Shape(boolean jsonLines, List<String> header, List<String> key, String recordDate, List<StructField> staged) {
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    private static final Map<Source, Shape> SHAPES = new EnumMap<>(Source.class);

    static {
        SHAPES.put(Source.CRIME, new Shape(false, List.of("crime_ref", "recorded_date", "category", "snt_code"), List.of("crime_ref"), "recorded_date", List.of(
                field("crime_ref", STRING, false),
                field("recorded_date", DATE, false),
                field("offence_date", DATE, true),
                field("category", STRING, false),
                field("snt_code", STRING, false),
                field("location_id", STRING, true),
                field("lsoa_code", STRING, true),
                field("victim_id", STRING, true),
                field("offender_id", STRING, true),
                field("vulnerable_victim", BOOLEAN, false),
                field("domestic_abuse", BOOLEAN, false),
                field("val_referral_date", DATE, true),
                field("status", STRING, false),
                field("extracted_at", TIMESTAMP, true),
                field("lpa_code", STRING, false),
                field("version_at", TIMESTAMP, false))));
        SHAPES.put(Source.POLICEUK, new Shape(false, List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"), List.of(), "recorded_date", List.of(
                field("crime_ref", STRING, true),
                field("recorded_date", DATE, true),
                field("category", STRING, true),
                field("lpa_code", STRING, true),
                field("district", STRING, true),
                field("lsoa_code", STRING, true),
                field("location_id", STRING, true),
                field("placement", STRING, true))));
        SHAPES.put(Source.CONTACTS, new Shape(false, List.of("contact_id", "received_at", "channel", "contact_type"), List.of("contact_id"),
                "to_date(received_at)", List.of(
                field("contact_id", STRING, false),
                field("received_at", TIMESTAMP, false),
                field("channel", STRING, false),
                field("contact_type", STRING, false),
                field("snt_code", STRING, true),
                field("answered_at", TIMESTAMP, true),
                field("abandoned", BOOLEAN, false),
                field("response_due_at", TIMESTAMP, true),
                field("responded_at", TIMESTAMP, true),
                field("lpa_code", STRING, true))));
        SHAPES.put(Source.ENGAGEMENT, new Shape(true, List.of("engagement_id", "date", "type", "lpa_code", "status"), List.of("engagement_id"), "date", List.of(
                field("engagement_id", STRING, false),
                field("date", DATE, false),
                field("type", STRING, false),
                field("lpa_code", STRING, false),
                field("snt_code", STRING, true),
                field("parish_code", STRING, true),
                field("status", STRING, false),
                field("closed_date", DATE, true),
                field("attendees", LONG, true),
                field("seldom_heard", BOOLEAN, false),
                field("partners", DataTypes.createArrayType(STRING, false), true),
                field("volunteer_hours", DOUBLE, true),
                field("virtual", BOOLEAN, false))));
        SHAPES.put(Source.SURVEY_PUBLIC, new Shape(false, List.of("respondent_id", "interview_date", "snt_code"), List.of("respondent_id"), "interview_date", List.of(
                field("respondent_id", STRING, false),
                field("interview_date", DATE, false),
                field("snt_code", STRING, false),
                field("age_band", STRING, true),
                field("sex", STRING, true),
                field("ethnicity", STRING, true),
                field("weight", DOUBLE, false),
                field("q_know_snt", STRING, true),
                field("q_foot_patrol", STRING, true),
                field("q_good_job", STRING, true),
                field("q_relied_on", STRING, true),
                field("q_respect", STRING, true),
                field("q_fair", STRING, true),
                field("q_understand", STRING, true),
                field("q_matter", STRING, true),
                field("q_confidence", STRING, true),
                field("lpa_code", STRING, true))));
        SHAPES.put(Source.SURVEY_PARISH, new Shape(false, List.of("response_id", "response_date", "parish_code"), List.of("response_id"), "response_date", List.of(
                field("response_id", STRING, false),
                field("response_date", DATE, false),
                field("parish_code", STRING, false),
                field("q_attendance_satisfaction", STRING, true),
                field("q_partnership_satisfaction", STRING, true),
                field("q_regular_updates", STRING, true),
                field("q_know_snt", STRING, true),
                field("snt_code", STRING, false),
                field("lpa_code", STRING, false))));
        SHAPES.put(Source.PATROLS, new Shape(false, List.of("patrol_id", "started_at", "ended_at", "lsoa_code", "snt_code", "mode"), List.of("patrol_id"),
                "to_date(started_at)", List.of(
                field("patrol_id", STRING, false),
                field("started_at", TIMESTAMP, false),
                field("ended_at", TIMESTAMP, false),
                field("lsoa_code", STRING, false),
                field("snt_code", STRING, false),
                field("mode", STRING, false),
                field("officer_id", STRING, true),
                field("officer_role", STRING, true),
                field("lpa_code", STRING, false))));
        SHAPES.put(Source.PRIORITIES, new Shape(false, List.of("event_id", "priority_id", "event_date", "event", "snt_code", "category"), List.of("event_id"),
                "event_date", List.of(
                field("event_id", STRING, false),
                field("priority_id", STRING, false),
                field("event_date", DATE, false),
                field("event", STRING, false),
                field("snt_code", STRING, false),
                field("parish_code", STRING, true),
                field("category", STRING, false),
                field("raised_via", STRING, true),
                field("update_published", BOOLEAN, false),
                field("lpa_code", STRING, false))));
        SHAPES.put(Source.NEIGHBOURHOOD_MATTERS, new Shape(false, List.of("month", "snt_code", "registered_users"), List.of("month", "snt_code"),
                "to_date(month || '-01')", List.of(
                field("month", STRING, false),
                field("snt_code", STRING, false),
                field("registered_users", LONG, false),
                field("messages_sent", LONG, true),
                field("replies_received", LONG, true),
                field("lpa_code", STRING, false))));
    }

    @Test
    void everySourceHasItsShapePinned() {
        assertThat(SHAPES.keySet()).containsExactly(Source.values());
    }

    @Test
    void headersKeysFormatsAndRecordDatesAreAsTheContractHasThem() {
        for (Source source : Source.values()) {
            Shape shape = SHAPES.get(source);
            SourceDefinition definition = SourceDefinitions.of(source);
            assertThat(definition.format() == SourceFormat.JSON_LINES).as(source + " JSON Lines").isEqualTo(shape.jsonLines());
            assertThat(definition.headerColumns()).as(source + " header").isEqualTo(shape.header());
            assertThat(definition.keyColumns()).as(source + " key").isEqualTo(shape.key());
            assertThat(definition.recordDate()).as(source + " record date").isEqualTo(shape.recordDate());
            assertThat(RecordDates.recordDateExpression(source)).as(source + " record date").isEqualTo(shape.recordDate());
        }
    }

    @Test
    void stagedColumnsKeepTheirNamesTypesAndOrder() {
        for (Source source : Source.values()) {
            List<StructField> staged = SHAPES.get(source).staged();
            assertThat(StagedSchemas.validatedFields(source)).as(source + " validated fields").isEqualTo(staged);
            List<StructField> table = new ArrayList<>(staged);
            table.add(field(StagedSchemas.SOURCE_FILE, STRING, false));
            table.add(field(StagedSchemas.SOURCE_LINE, LONG, false));
            table.add(field(StagedSchemas.FILE_ORDER, STRING, false));
            assertThat(Arrays.asList(StagedSchemas.schema(source).fields())).as(source + " staged table").isEqualTo(table);
            assertThat(StagedSchemas.columnNames(source)).isEqualTo(staged.stream().map(StructField::name).toList());
            assertThat(SourceDefinitions.of(source).stagedColumnNames()).isEqualTo(staged.stream().map(StructField::name).toList());
        }
    }

    @Test
    void everyRecordDateIsADateOfTheStagedColumns(SparkSession spark) {
        for (Source source : Source.values()) {
            Dataset<Row> none = spark.createDataFrame(List.of(), StagedSchemas.schema(source));
            assertThat(none.select(RecordDates.recordDate(source)).schema().fields()[0].dataType()).as(source + " record date").isEqualTo(DATE);
            assertThat(none.select(RecordDates.recordMonth(source)).schema().fields()[0].dataType()).as(source + " record month").isEqualTo(STRING);
        }
    }
}
