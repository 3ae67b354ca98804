package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.warehouse.RecordDates;
import uk.westmercia.charter.testing.SharedSparkSession;

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

    /** One source's staging as NightlyJob does it, each run writing new version folders. */
    private record Version(Path staged, Path rejects, List<StagedFile> manifest, StagedTableWriter.Written written) {
    }

    private Version stage(SparkSession spark, Source source, String runId, Version before) {
        Stager.Previous previous = before == null ? Stager.Previous.none()
                : new Stager.Previous(spark.read().parquet(before.staged.toString()), spark.read().parquet(before.rejects.toString()), before.manifest);
        StagingResult result = stager(spark).stage(source, Stager.landingFiles(landing, source), previous, runId);
        try {
            Path staged = warehouse.resolve("staged").resolve(runId);
            Path rejects = warehouse.resolve("rejects").resolve(runId);
            StagedTableWriter.Written written = new StagedTableWriter(spark).write(result, staged, Optional.ofNullable(before).map(Version::staged));
            if (before != null && !StagedTableWriter.months(before.staged).isEmpty()) {
                // The months written are exactly the record months of the run's changes.
                Set<String> changed = result.changes().select(RecordDates.recordMonth(source)).distinct().collectAsList().stream()
                        .map(row -> row.getString(0)).collect(Collectors.toCollection(TreeSet::new));
                assertThat(written.writtenMonths()).isEqualTo(changed);
            }
            result.rejects().write().parquet(rejects.toString());
            return new Version(staged, rejects, result.manifest(), written);
        }
        finally {
            result.release();
        }
    }

    /** Every column of every row, record_month included, sorted; record_month checked against the record date. */
    private static List<String> rows(SparkSession spark, Source source, Path table) {
        Dataset<Row> rows = spark.read().parquet(table.toString());
        assertThat(rows.schema().apply(StagedSchemas.RECORD_MONTH).dataType()).isEqualTo(DataTypes.StringType);
        assertThat(rows.filter(col(StagedSchemas.RECORD_MONTH).notEqual(RecordDates.recordMonth(source))).count()).isZero();
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private void write(Source source, String name, String text) throws IOException {
        Files.writeString(Files.createDirectories(landing.resolve(source.folder())).resolve(name), text);
    }

    @Test
    void twoRunsStageExactlyWhatOneRunOverAllFilesStages(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER
                + "K1,2024-03-05,Burglary,HER01,,\n"
                + "K2,2024-03-20,Drugs,HER01,,\n"
                + "K3,2024-04-01,Robbery,SHR02,,\n");
        write(Source.CRIME, "crime-2024-05-01.csv", CRIME_HEADER
                + "K4,2024-04-15,Drugs,HER01,,\n"
                + "K5,2024-04-28,Shoplifting,HER01,,\n"
                + "K6,2024-04-30,Robbery,HER02,,\n");
        Version first = stage(spark, Source.CRIME, "r1", null);
        assertThat(StagedTableWriter.months(first.staged)).containsExactly("2024-03", "2024-04");

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
        Version second = stage(spark, Source.CRIME, "r2", first);
        assertThat(second.written.writtenMonths()).containsExactly("2024-03", "2024-04", "2024-05");
        assertThat(second.written.linkedMonths()).isZero();

        Path once = warehouse.resolve("once");
        StagingResult all = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME));
        try {
            new StagedTableWriter(spark).write(all, once, Optional.empty());
        }
        finally {
            all.release();
        }
        List<String> expected = rows(spark, Source.CRIME, once);
        assertThat(expected).hasSize(7);
        assertThat(rows(spark, Source.CRIME, second.staged)).containsExactlyElementsOf(expected);
        assertThat(spark.read().parquet(second.staged.toString()).filter(col("crime_ref").equalTo("K1")).first()
                .<String>getAs(StagedSchemas.RECORD_MONTH)).isEqualTo("2024-05");
    }

    @Test
    void oneSummaryOfTheChangesGivesTheMonthsToRewriteAndTheCallersAggregates(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER
                + "K1,2024-03-05,Burglary,HER01,,\n"
                + "K2,2024-03-20,Drugs,HER01,,\n"
                + "K3,2024-04-01,Robbery,SHR02,,\n");
        write(Source.CRIME, "crime-2024-05-01.csv", CRIME_HEADER
                + "K4,2024-04-15,Drugs,HER01,,\n"
                + "K5,2024-04-28,Shoplifting,HER01,,\n"
                + "K6,2024-04-30,Robbery,HER02,,\n");
        Version first = stage(spark, Source.CRIME, "r1", null);
        write(Source.CRIME, "crime-2024-06-01.csv", CRIME_HEADER
                + "K1,2024-05-30,Vehicle crime,HER01,,\n"
                + "K7,2024-05-31,Drugs,SHR02,,\n");
        Path may = landing.resolve("crime/crime-2024-05-01.csv");
        Files.writeString(may, CRIME_HEADER
                + "K4,2024-04-15,Robbery,HER01,,\n"
                + "K5,2024-04-28,Shoplifting,HER01,cancelled,\n"
                + "K8,2024-04-29,Drugs,HER01,,\n");
        Files.setLastModifiedTime(may, FileTime.fromMillis(1_720_000_000_000L));

        Stager.Previous previous = new Stager.Previous(spark.read().parquet(first.staged.toString()), spark.read().parquet(first.rejects.toString()),
                first.manifest);
        StagingResult result = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME), previous, "r2");
        try {
            ChangeSummary changes = result.summariseChanges(List.of(min(col("recorded_date")), count(lit(1))));
            // The changes: five new rows (K1 and K7 of June's file; K4, K5 and K8 of May's changed file), May's three
            // earlier rows (K4, K5, K6), and K1's first version, from 5 March: nine rows in March, April and May.
            assertThat(changes.source()).isEqualTo(Source.CRIME);
            assertThat(changes.months()).containsExactly("2024-03", "2024-04", "2024-05");
            assertThat(changes.aggregates().<LocalDate>getAs(0)).isEqualTo(LocalDate.of(2024, 3, 5));
            assertThat(changes.aggregates().getLong(1)).isEqualTo(9);

            StagedTableWriter writer = new StagedTableWriter(spark);
            ChangeSummary contacts = new ChangeSummary(Source.CONTACTS, new TreeSet<>(), RowFactory.create());
            assertThatThrownBy(() -> writer.write(result, contacts, warehouse.resolve("staged/r2"), Optional.of(first.staged)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot write staged crime: the change summary is of contacts");
            StagedTableWriter.Written written = writer.write(result, changes, warehouse.resolve("staged/r2"), Optional.of(first.staged));
            assertThat(written.writtenMonths()).containsExactly("2024-03", "2024-04", "2024-05");
        }
        finally {
            result.release();
        }
    }

    @Test
    void aNewDayInOneMonthRewritesThatMonthAndHardLinksTheOthers(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER
                + "K1,2024-02-10,Burglary,HER01,,\n"
                + "K2,2024-03-05,Drugs,HER01,,\n"
                + "K3,2024-03-31,Robbery,SHR02,,\n");
        write(Source.CRIME, "crime-2024-04-11.csv", CRIME_HEADER + "K4,2024-04-10,Drugs,HER02,,\n");
        Version first = stage(spark, Source.CRIME, "r1", null);
        assertThat(StagedTableWriter.months(first.staged)).containsExactly("2024-02", "2024-03", "2024-04");

        write(Source.CRIME, "crime-2024-04-12.csv", CRIME_HEADER + "K5,2024-04-11,Shoplifting,HER01,,\n");
        Version second = stage(spark, Source.CRIME, "r2", first);
        assertThat(second.written.writtenMonths()).containsExactly("2024-04");
        assertThat(second.written.linkedMonths()).isEqualTo(2);
        assertThat(StagedTableWriter.months(second.staged)).containsExactly("2024-02", "2024-03", "2024-04");

        Map<Object, Path> before = inodes(first.staged);
        Map<Object, Path> after = inodes(second.staged);
        for (Map.Entry<Object, Path> file : after.entrySet()) {
            Path relative = second.staged.relativize(file.getValue());
            if (relative.startsWith("record_month=2024-04")) {
                assertThat(before).as("%s is written anew", relative).doesNotContainKey(file.getKey());
            }
            else {
                assertThat(before.get(file.getKey())).as("%s is a hard link to the previous version's", relative)
                        .isEqualTo(first.staged.resolve(relative));
            }
        }
        long linked;
        try (Stream<Path> walk = Files.walk(second.staged)) {
            // Spark's hidden checksum files are linked too.
            linked = walk.filter(Files::isRegularFile).filter(path -> path.getParent().getFileName().toString().matches("record_month=2024-0[23]")).count();
        }
        assertThat(second.written.linkedFiles()).isEqualTo(linked).isGreaterThanOrEqualTo(2);
        assertThat(second.written.copiedFiles()).isZero();

        Path once = warehouse.resolve("once");
        StagingResult all = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME));
        try {
            new StagedTableWriter(spark).write(all, once, Optional.empty());
        }
        finally {
            all.release();
        }
        List<String> expected = rows(spark, Source.CRIME, once);
        assertThat(rows(spark, Source.CRIME, second.staged)).containsExactlyElementsOf(expected);
        // As removeOldVersions does: the new version does not depend on the old folder.
        try (Stream<Path> walk = Files.walk(first.staged)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(rows(spark, Source.CRIME, second.staged)).containsExactlyElementsOf(expected);
    }

    /** The data files of a version by inode (hidden checksum files and _SUCCESS left out). */
    private static Map<Object, Path> inodes(Path version) throws IOException {
        Map<Object, Path> inodes = new HashMap<>();
        try (Stream<Path> walk = Files.walk(version)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(path -> path.getFileName().toString().endsWith(".parquet")).toList()) {
                inodes.put(Files.getAttribute(file, "unix:ino"), file);
            }
        }
        return inodes;
    }

    @Test
    void contactsAreFiledByTheLondonDayTheyWereReceived(SparkSession spark) throws IOException {
        write(Source.CONTACTS, "contacts-2024-07-01.csv", "contact_id,received_at,channel,contact_type\n"
                + "C1,2024-05-31T23:30:00Z,999,emergency\n"      // 00:30 on 1 June in London
                + "C2,2024-06-30T22:59:59Z,101,non_emergency\n"  // 23:59:59 on 30 June
                + "C3,2024-06-30T23:00:00Z,101,non_emergency\n"  // midnight, 1 July
                + "C4,2024-01-31T23:30:00Z,online,feedback\n");  // GMT: still 31 January
        Version first = stage(spark, Source.CONTACTS, "r1", null);
        Map<String, String> months = spark.read().parquet(first.staged.toString()).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(row.fieldIndex("contact_id")), row -> row.getString(row.fieldIndex(StagedSchemas.RECORD_MONTH))));
        assertThat(months).isEqualTo(Map.of("C1", "2024-06", "C2", "2024-06", "C3", "2024-07", "C4", "2024-01"));
        assertThat(rows(spark, Source.CONTACTS, first.staged)).hasSize(4);
    }

    @Test
    void anEmptyTableStaysReadableAndTheNextRunWritesItWhole(SparkSession spark) throws IOException {
        write(Source.CRIME, "crime-2024-04-01.csv", CRIME_HEADER + "K1,not-a-date,Burglary,HER01,,\n");
        Version first = stage(spark, Source.CRIME, "r1", null);
        Dataset<Row> empty = spark.read().parquet(first.staged.toString());
        assertThat(empty.count()).isZero();
        assertThat(empty.columns()).contains("crime_ref", StagedSchemas.RECORD_MONTH);
        assertThat(empty.schema().apply(StagedSchemas.RECORD_MONTH).dataType()).isEqualTo(DataTypes.StringType);

        write(Source.CRIME, "crime-2024-04-02.csv", CRIME_HEADER + "K2,2024-04-01,Burglary,HER01,,\n");
        Version second = stage(spark, Source.CRIME, "r2", first);
        assertThat(second.written.writtenMonths()).containsExactly("2024-04");
        assertThat(second.written.linkedMonths()).isZero();
        assertThat(rows(spark, Source.CRIME, second.staged)).hasSize(1);
    }
}
