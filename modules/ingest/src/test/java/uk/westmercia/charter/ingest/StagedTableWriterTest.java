package uk.westmercia.charter.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.RecordDates;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

@ExtendWith(SharedSparkSession.class)
class StagedTableWriterTest {
    private static final String CRIME_HEADER = "crime_ref,recorded_date,category,snt_code,status,extracted_at\n";

    @TempDir
    Path landing;
    @TempDir
    Path warehouse;

    private static Stager stager(SparkSession spark) {
        return new Stager(spark, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER);
    }

    /** One source's staging as NightlyJob does it: the published tables read, the night committed and published. */
    private List<StagedFile> stage(SparkSession spark, Source source, String runId, List<StagedFile> manifest) {
        Warehouse target = new Warehouse(warehouse);
        WarehouseTables tables = WarehouseTables.forRun(spark, target, runId);
        TableName staged = TableName.staged(source.folder());
        TableName rejects = TableName.rejects(source.folder());
        Stager.Previous previous = manifest == null ? Stager.Previous.none()
                : new Stager.Previous(tables.read(staged).drop(StagedSchemas.RECORD_MONTH), tables.read(rejects), manifest);
        StagingResult result = stager(spark).stage(source, Stager.landingFiles(landing, source), previous, runId);
        try {
            StagedTableWriter writer = new StagedTableWriter(tables);
            writer.writeStaged(result, staged);
            writer.writeRejects(result, rejects);
            tables.publish("test");
            return result.manifest();
        }
        finally {
            result.release();
        }
    }

    private Dataset<Row> published(SparkSession spark, Source source) {
        return WarehouseTables.reader(spark, new Warehouse(warehouse)).read(TableName.staged(source.folder()));
    }

    /** Every column of every row but where it came from, sorted; record_month checked against the record date. */
    private static List<String> rows(Source source, Dataset<Row> rows) {
        assertThat(rows.schema().apply(StagedSchemas.RECORD_MONTH).dataType()).isEqualTo(DataTypes.StringType);
        assertThat(rows.filter(col(StagedSchemas.RECORD_MONTH).notEqual(RecordDates.recordMonth(source))).count()).isZero();
        return rows.drop("ingested_run_id").collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private void write(Source source, String name, String text) throws IOException {
        Files.writeString(Files.createDirectories(landing.resolve(source.folder())).resolve(name), text);
    }

    @Test
    void twoNightsMergedStageExactlyWhatOneRunOverAllFilesStages(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER
                + "K1,2024-03-05,Burglary,HER01,,\n"
                + "K2,2024-03-20,Drugs,HER01,,\n"
                + "K3,2024-04-01,Robbery,SHR02,,\n");
        write(Source.CRIME, "crime-2024-05-01.csv", CRIME_HEADER
                + "K4,2024-04-15,Drugs,HER01,,\n"
                + "K5,2024-04-28,Shoplifting,HER01,,\n"
                + "K6,2024-04-30,Robbery,HER02,,\n");
        List<StagedFile> first = stage(spark, Source.CRIME, "20240601T020000Z-0001", null);
        assertThat(published(spark, Source.CRIME).count()).isEqualTo(6);

        // K1 restated a month later than first recorded; the May file's content changed under its name
        // (K4 recategorised, K5 cancelled, K6 gone, K8 new).
        write(Source.CRIME, "crime-2024-06-01.csv", CRIME_HEADER
                + "K1,2024-05-30,Vehicle crime,HER01,,\n"
                + "K7,2024-05-31,Drugs,SHR02,,\n");
        Path may = landing.resolve("crime/crime-2024-05-01.csv");
        Files.writeString(may, CRIME_HEADER
                + "K4,2024-04-15,Robbery,HER01,,\n"
                + "K5,2024-04-28,Shoplifting,HER01,cancelled,\n"
                + "K8,2024-04-29,Drugs,HER01,,\n");
        Files.setLastModifiedTime(may, FileTime.fromMillis(1_720_000_000_000L));
        stage(spark, Source.CRIME, "20240602T020000Z-0002", first);

        StagingResult all = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME));
        List<String> expected;
        try {
            expected = rows(Source.CRIME, all.staged().withColumn(StagedSchemas.RECORD_MONTH, RecordDates.recordMonth(Source.CRIME)));
        }
        finally {
            all.release();
        }
        assertThat(expected).hasSize(7);
        Dataset<Row> merged = published(spark, Source.CRIME);
        assertThat(rows(Source.CRIME, merged)).containsExactlyElementsOf(expected);
        assertThat(merged.filter(col("crime_ref").equalTo("K1")).first().<String>getAs(StagedSchemas.RECORD_MONTH)).isEqualTo("2024-05");
    }

    @Test
    void neighbourhoodMattersNightsMergeOnMonthAndSntTogether(SparkSession spark) throws IOException {
        String header = "month,snt_code,registered_users\n";
        Source source = Source.NEIGHBOURHOOD_MATTERS;
        write(source, "neighbourhood-matters-2024-05-01.csv", header + "2024-04,HER01,100\n2024-04,HER02,200\n2024-03,HER01,90\n");
        List<StagedFile> first = stage(spark, source, "20240502T020000Z-0001", null);
        assertThat(registeredUsers(spark)).isEqualTo(Map.of("2024-04 HER01", 100L, "2024-04 HER02", 200L, "2024-03 HER01", 90L));

        // A newer file restates April for HER01 only: HER02's April and HER01's March stay, May is new.
        write(source, "neighbourhood-matters-2024-06-01.csv", header + "2024-04,HER01,110\n2024-05,HER01,120\n2024-05,HER02,210\n");
        List<StagedFile> second = stage(spark, source, "20240602T020000Z-0002", first);
        assertThat(registeredUsers(spark)).isEqualTo(Map.of("2024-04 HER01", 110L, "2024-04 HER02", 200L, "2024-03 HER01", 90L,
                "2024-05 HER01", 120L, "2024-05 HER02", 210L));

        // An older file (by its name) lands late: it replaces nothing newer and adds its new key. The May file's content
        // changes under its name: HER02's April restated, HER01's March gone, HER01's April (June's is newer) untouched.
        write(source, "neighbourhood-matters-2024-04-15.csv", header + "2024-04,HER02,999\n2024-03,SHR02,50\n");
        Path may = landing.resolve("neighbourhood-matters/neighbourhood-matters-2024-05-01.csv");
        Files.writeString(may, header + "2024-04,HER01,100\n2024-04,HER02,205\n");
        Files.setLastModifiedTime(may, FileTime.fromMillis(1_720_000_000_000L));
        stage(spark, source, "20240702T020000Z-0003", second);
        Map<String, Long> expected = Map.of("2024-03 SHR02", 50L, "2024-04 HER01", 110L, "2024-04 HER02", 205L, "2024-05 HER01", 120L,
                "2024-05 HER02", 210L);
        assertThat(registeredUsers(spark)).isEqualTo(expected);

        // Exactly what one run over all the files stages, row for row (record_month is the row's month).
        StagingResult all = stager(spark).stage(source, Stager.landingFiles(landing, source));
        try {
            assertThat(rows(source, published(spark, source))).containsExactlyElementsOf(
                    rows(source, all.staged().withColumn(StagedSchemas.RECORD_MONTH, RecordDates.recordMonth(source))));
        }
        finally {
            all.release();
        }
        assertThat(published(spark, source).filter(col("month").notEqual(col(StagedSchemas.RECORD_MONTH))).count()).isZero();
    }

    @Test
    void patrolsAreFiledByTheLondonDayTheyStartedAndARestatedVisitMovesMonth(SparkSession spark) throws IOException {
        String header = "patrol_id,started_at,ended_at,lsoa_code,snt_code,mode,officer_id\n";
        write(Source.PATROLS, "patrols-2024-06-01.csv", header
                + "PT1,2024-05-31T23:30:00Z,2024-06-01T00:10:00Z,E01013953,HER01,foot,OFFICER-SECRET-1\n"   // 00:30 on 1 June in London
                + "PT2,2024-05-31T22:59:59Z,2024-05-31T23:30:00Z,E01013953,HER01,foot,\n");                 // 23:59:59 on 31 May
        List<StagedFile> first = stage(spark, Source.PATROLS, "20240602T020000Z-0001", null);
        assertThat(recordMonths(spark)).isEqualTo(Map.of("PT1", "2024-06", "PT2", "2024-05"));

        // A later extract corrects PT1's start back into May: the row leaves June's partition.
        write(Source.PATROLS, "patrols-2024-06-02.csv", header + "PT1,2024-05-31T21:30:00Z,2024-06-01T00:10:00Z,E01013953,HER01,foot,OFFICER-SECRET-1\n");
        stage(spark, Source.PATROLS, "20240603T020000Z-0002", first);
        assertThat(recordMonths(spark)).isEqualTo(Map.of("PT1", "2024-05", "PT2", "2024-05"));
        assertThat(published(spark, Source.PATROLS).filter(col("patrol_id").equalTo("PT1")).first().<String>getAs("officer_id"))
                .isEqualTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFFICER-SECRET-1"));
    }

    private Map<String, String> recordMonths(SparkSession spark) {
        return published(spark, Source.PATROLS).collectAsList().stream().collect(Collectors.toMap(row -> row.getString(row.fieldIndex("patrol_id")),
                row -> row.getString(row.fieldIndex(StagedSchemas.RECORD_MONTH))));
    }

    private Map<String, Long> registeredUsers(SparkSession spark) {
        return published(spark, Source.NEIGHBOURHOOD_MATTERS).collectAsList().stream().collect(Collectors.toMap(
                row -> row.getString(row.fieldIndex("month")) + " " + row.getString(row.fieldIndex("snt_code")),
                row -> row.getLong(row.fieldIndex("registered_users"))));
    }

    @Test
    void aFileLandedLateWithAnOlderDateDoesNotReplaceNewerRows(SparkSession spark) throws IOException {
        String header = "contact_id,received_at,channel,contact_type\n";
        write(Source.CONTACTS, "contacts-2024-07-02.csv", header + "C1,2024-07-01T10:00:00Z,101,non_emergency\n");
        List<StagedFile> first = stage(spark, Source.CONTACTS, "20240703T020000Z-0001", null);
        // An older extract of C1 (by its file name) lands a night later: the newer row stays.
        write(Source.CONTACTS, "contacts-2024-07-01.csv", header + "C1,2024-07-01T10:00:00Z,999,emergency\n"
                + "C2,2024-07-01T11:00:00Z,online,feedback\n");
        stage(spark, Source.CONTACTS, "20240704T020000Z-0002", first);
        Map<String, String> channels = published(spark, Source.CONTACTS).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(row.fieldIndex("contact_id")), row -> row.getString(row.fieldIndex("channel"))));
        assertThat(channels).isEqualTo(Map.of("C1", "101", "C2", "online"));
    }

    @Test
    void aChangedFileThatDropsAKeyLeavesTheOlderFilesRowAsOneRunOverAllFilesWould(SparkSession spark) throws IOException {
        String header = "contact_id,received_at,channel,contact_type\n";
        write(Source.CONTACTS, "contacts-2024-07-01.csv", header + "C1,2024-07-01T10:00:00Z,999,emergency\n");
        write(Source.CONTACTS, "contacts-2024-07-02.csv", header + "C1,2024-07-01T10:00:00Z,101,non_emergency\n"
                + "C2,2024-07-01T11:00:00Z,online,feedback\n");
        List<StagedFile> first = stage(spark, Source.CONTACTS, "20240703T020000Z-0001", null);
        // The newer extract is sent again without C1: the older extract's C1 is the newest row of it left.
        Path newer = landing.resolve("contacts/contacts-2024-07-02.csv");
        Files.writeString(newer, header + "C2,2024-07-01T11:00:00Z,online,feedback\n");
        Files.setLastModifiedTime(newer, FileTime.fromMillis(1_720_000_000_000L));
        List<StagedFile> second = stage(spark, Source.CONTACTS, "20240704T020000Z-0002", first);

        Map<String, String> channels = published(spark, Source.CONTACTS).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(row.fieldIndex("contact_id")), row -> row.getString(row.fieldIndex("channel"))));
        assertThat(channels).isEqualTo(Map.of("C1", "999", "C2", "online"));
        assertThat(second).extracting(StagedFile::file).containsExactly("contacts/contacts-2024-07-01.csv", "contacts/contacts-2024-07-02.csv");
        // A third night with nothing new changes nothing.
        stage(spark, Source.CONTACTS, "20240705T020000Z-0003", second);
        assertThat(published(spark, Source.CONTACTS).count()).isEqualTo(2);
    }

    @Test
    void contactsAreFiledByTheLondonDayTheyWereReceived(SparkSession spark) throws IOException {
        write(Source.CONTACTS, "contacts-2024-07-01.csv", "contact_id,received_at,channel,contact_type\n"
                + "C1,2024-05-31T23:30:00Z,999,emergency\n"      // 00:30 on 1 June in London
                + "C2,2024-06-30T22:59:59Z,101,non_emergency\n"  // 23:59:59 on 30 June
                + "C3,2024-06-30T23:00:00Z,101,non_emergency\n"  // midnight, 1 July
                + "C4,2024-01-31T23:30:00Z,online,feedback\n");  // GMT: still 31 January
        stage(spark, Source.CONTACTS, "20240701T020000Z-0001", null);
        Map<String, String> months = published(spark, Source.CONTACTS).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(row.fieldIndex("contact_id")), row -> row.getString(row.fieldIndex(StagedSchemas.RECORD_MONTH))));
        assertThat(months).isEqualTo(Map.of("C1", "2024-06", "C2", "2024-06", "C3", "2024-07", "C4", "2024-01"));
    }

    @Test
    void anEmptyTableStaysReadableAndTheNextNightMergesIntoIt(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER + "K1,not-a-date,Burglary,HER01,,\n");
        List<StagedFile> first = stage(spark, Source.CRIME, "20240402T020000Z-0001", null);
        Dataset<Row> empty = published(spark, Source.CRIME);
        assertThat(empty.count()).isZero();
        assertThat(empty.columns()).contains("crime_ref", StagedSchemas.RECORD_MONTH);

        write(Source.CRIME, "crime-2024-04-02.csv", CRIME_HEADER + "K2,2024-04-01,Burglary,HER01,,\n");
        stage(spark, Source.CRIME, "20240403T020000Z-0002", first);
        assertThat(rows(Source.CRIME, published(spark, Source.CRIME))).hasSize(1);
        assertThat(WarehouseTables.reader(spark, new Warehouse(warehouse)).read(TableName.rejects("crime")).count()).isEqualTo(1);
    }
}
