package uk.westmercia.charter.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.ingest.sources.SourceDefinitions;
import uk.westmercia.charter.warehouse.Lineage;
import uk.westmercia.charter.warehouse.RecordDates;

/**
 * The columns of {@code staged/<source>/}: the contract's typed columns, those derived at ingest
 * (the LPA and SNT of a row, the version time of a crime), as the source's definition gives them
 * ({@link uk.westmercia.charter.ingest.sources.SourceDefinition#stagedColumns}), then where the row came from. The table
 * is partitioned by {@link #RECORD_MONTH}, so readers also get that column, last.
 */
public final class StagedSchemas {
    public static final String SOURCE_FILE = Lineage.SOURCE_FILE;
    public static final String SOURCE_LINE = Lineage.SOURCE_LINE;
    public static final String FILE_ORDER = Lineage.FILE_ORDER;
    /** The partition column: the {@code yyyy-MM} month of a row's record date ({@link RecordDates}). */
    public static final String RECORD_MONTH = RecordDates.RECORD_MONTH;

    /** The columns of {@code rejects/<source>/}: where a rejected row was, and why (its values are not kept). */
    public static final StructType REJECTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("file", DataTypes.StringType, true),
            DataTypes.createStructField("line", DataTypes.LongType, true),
            DataTypes.createStructField("reason_code", DataTypes.StringType, true),
            DataTypes.createStructField("column", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true)));

    private StagedSchemas() {
    }

    public static StructType schema(Source source) {
        List<StructField> fields = new ArrayList<>(validatedFields(source));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(FILE_ORDER, DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /** The columns a reader of the written table gets: {@link #schema} then {@link #RECORD_MONTH}. */
    public static StructType partitionedSchema(Source source) {
        return schema(source).add(DataTypes.createStructField(RECORD_MONTH, DataTypes.StringType, true));
    }

    /** The fields a validated row carries, in the order {@link RowValidator} produces them: its definition's staged columns. */
    public static List<StructField> validatedFields(Source source) {
        return SourceDefinitions.of(source).stagedColumns().stream()
                .map(column -> DataTypes.createStructField(column.name(), sparkType(column.type()), column.nullable()))
                .toList();
    }

    public static List<String> columnNames(Source source) {
        return validatedFields(source).stream().map(StructField::name).toList();
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INTEGER -> DataTypes.LongType;
            case NUMBER -> DataTypes.DoubleType;
            case MONTH -> DataTypes.StringType;
            case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType, false);
        };
    }
}
