package uk.westmercia.charter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

@ExtendWith(SharedSparkSession.class)
class StagerTest {
    private static Stager stager(SparkSession spark) {
        return new Stager(spark, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER);
    }

    @Test
    void corpusReconcilesPerFileAndRejectsKeepFileLineReasonAndColumn(SparkSession spark) {
        Object[][] expected = {
                // source, folder, rows read, staged, rejected
                {Source.CRIME, "crime", 12L, 3L, 9L},
                {Source.CONTACTS, "contacts", 10L, 4L, 6L},
                {Source.ENGAGEMENT, "engagement", 14L, 2L, 12L},
                {Source.SURVEY_PUBLIC, "survey-public", 6L, 2L, 4L},
                {Source.SURVEY_PARISH, "survey-parish", 2L, 1L, 1L},
                {Source.PATROLS, "patrols", 14L, 3L, 11L},
                {Source.PRIORITIES, "priorities", 15L, 4L, 11L},
                {Source.NEIGHBOURHOOD_MATTERS, "neighbourhood-matters", 17L, 4L, 13L}};
        for (Object[] row : expected) {
            Source source = (Source) row[0];
            List<LandingFile> files = Stager.landingFiles(IngestFixtures.badInput(), source);
            assertThat(files).hasSize(1);
            StagingResult result = stager(spark).stage(source, files);
            try {
                FileReport report = result.fileReports().get(0);
                assertThat(report.file()).startsWith(row[1] + "/");
                assertThat(report.status()).isEqualTo(FileReport.STAGED);
                assertThat(report.rowsRead()).as(source.folder()).isEqualTo(row[2]);
                assertThat(report.rowsStaged()).as(source.folder()).isEqualTo(row[3]);
                assertThat(report.rowsRejected()).as(source.folder()).isEqualTo(row[4]);
                assertThat(report.reconciles()).isTrue();
                assertThat(report.checksum()).isEqualTo(FileReaderTest.sha256(Path.of(java.net.URI.create(files.get(0).uri()))));
                assertThat(result.staged().count()).isEqualTo(row[3]);
                assertThat(result.rejects().count()).isEqualTo(row[4]);
                // Exactly one place for every row: the staged lines and rejected lines are disjoint and cover every row.
                List<Long> stagedLines = result.staged().select(StagedSchemas.SOURCE_LINE).collectAsList().stream().map(r -> r.getLong(0)).toList();
                List<Long> rejectedLines = result.rejects().select("line").collectAsList().stream().map(r -> r.getLong(0)).toList();
                assertThat(stagedLines).doesNotContainAnyElementsOf(rejectedLines);
                assertThat(stagedLines.size() + rejectedLines.size()).isEqualTo(((Long) row[2]).intValue());
            }
            finally {
                result.release();
            }
        }
    }

    @Test
    void crimeRejectsTableRowsExactly(SparkSession spark) {
        StagingResult result = stager(spark).stage(Source.CRIME, Stager.landingFiles(IngestFixtures.badInput(), Source.CRIME));
        try {
            List<String> rejects = result.rejects().orderBy("line").collectAsList().stream()
                    .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2) + "|" + r.getString(3) + "|" + r.getString(4))
                    .toList();
            assertThat(rejects).containsExactly(
                    "crime|crime/crime-2024-04-30.csv|4|MISSING_REQUIRED|crime_ref",
                    "crime|crime/crime-2024-04-30.csv|5|BAD_DATE|recorded_date",
                    "crime|crime/crime-2024-04-30.csv|6|UNKNOWN_VALUE|category",
                    "crime|crime/crime-2024-04-30.csv|7|UNKNOWN_AREA|snt_code",
                    "crime|crime/crime-2024-04-30.csv|8|BAD_BOOLEAN|vulnerable_victim",
                    "crime|crime/crime-2024-04-30.csv|9|BAD_TIMESTAMP|extracted_at",
                    "crime|crime/crime-2024-04-30.csv|10|DUPLICATE_KEY|crime_ref",
                    "crime|crime/crime-2024-04-30.csv|11|MALFORMED|null",
                    "crime|crime/crime-2024-04-30.csv|14|UNKNOWN_VALUE|status");
            assertThat(result.rejects().filter(col("line").equalTo(10)).first().getString(5)).isEqualTo("crime_ref repeats the key of line 2 of this file");
        }
        finally {
            result.release();
        }
    }

    @Test
    void neighbourhoodMattersRejectsTableRowsExactly(SparkSession spark) {
        StagingResult result = stager(spark).stage(Source.NEIGHBOURHOOD_MATTERS,
                Stager.landingFiles(IngestFixtures.badInput(), Source.NEIGHBOURHOOD_MATTERS));
        try {
            String file = "neighbourhood-matters|neighbourhood-matters/neighbourhood-matters-2024-05-01.csv|";
            List<String> rejects = result.rejects().orderBy("line").collectAsList().stream()
                    .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2) + "|" + r.getString(3) + "|" + r.getString(4))
                    .toList();
            assertThat(rejects).containsExactly(
                    file + "5|DUPLICATE_KEY|month, snt_code",
                    file + "6|MISSING_REQUIRED|month",
                    file + "7|BAD_DATE|month",
                    file + "8|BAD_DATE|month",
                    file + "9|UNKNOWN_AREA|snt_code",
                    file + "10|MISSING_REQUIRED|registered_users",
                    file + "11|OUT_OF_RANGE|registered_users",
                    file + "12|BAD_NUMBER|registered_users",
                    file + "13|BAD_NUMBER|registered_users",
                    file + "14|OUT_OF_RANGE|messages_sent",
                    file + "15|BAD_NUMBER|replies_received",
                    file + "16|MALFORMED|null",
                    file + "18|DUPLICATE_KEY|month, snt_code");
            assertThat(result.rejects().filter(col("line").equalTo(5)).first().getString(5)).isEqualTo("month, snt_code repeats the key of line 2 of this file");
            Map<String, Long> staged = new TreeMap<>(result.staged().collectAsList().stream().collect(Collectors.toMap(
                    r -> r.getString(r.fieldIndex("month")) + " " + r.getString(r.fieldIndex("snt_code")), r -> r.getLong(r.fieldIndex("registered_users")))));
            assertThat(staged).containsExactly(Map.entry("2024-03 HER01", 1490L), Map.entry("2024-04 HER01", 1520L), Map.entry("2024-04 HER02", 830L),
                    Map.entry("2024-04 SHR02", 0L));
        }
        finally {
            result.release();
        }
    }

    @Test
    void refusedPatrolsFileIsReportedWithItsMessage(SparkSession spark) {
        StagingResult result = stager(spark).stage(Source.PATROLS, List.of(LandingFile.of(IngestFixtures.badInput("refused/patrols-2024-05-01.csv")),
                LandingFile.of(IngestFixtures.badInput("patrols/patrols-2024-04-30.csv"))));
        try {
            assertThat(result.fileReports()).extracting(FileReport::file, FileReport::status)
                    .containsExactly(tuple("patrols/patrols-2024-04-30.csv", FileReport.STAGED), tuple("patrols/patrols-2024-05-01.csv", FileReport.REFUSED));
            assertThat(result.fileReports().get(1).refused())
                    .isEqualTo("patrols/patrols-2024-05-01.csv: file refused, header lacks required column(s) ended_at, mode");
            assertThat(result.fileReports()).allMatch(FileReport::reconciles);
            // The refused file adds nothing: the other file's rows are staged as alone.
            assertThat(result.staged().count()).isEqualTo(3);
            assertThat(result.rejects().count()).isEqualTo(11);
        }
        finally {
            result.release();
        }
    }

    @Test
    void refusedFileIsReportedWithItsMessage(SparkSession spark) {
        StagingResult result = stager(spark).stage(Source.CRIME, List.of(LandingFile.of(IngestFixtures.badInput("refused/crime-2024-05-01.csv"))));
        try {
            assertThat(result.fileReports()).singleElement().satisfies(report -> {
                assertThat(report.status()).isEqualTo(FileReport.REFUSED);
                assertThat(report.refused()).isEqualTo("crime/crime-2024-05-01.csv: file refused, header lacks required column(s) category, snt_code");
            });
            assertThat(result.staged().count()).isZero();
        }
        finally {
            result.release();
        }
    }

    private static final String CRIME_HEADER = "crime_ref,recorded_date,category,snt_code,status,extracted_at\n";

    @Test
    void restatementsLatestExtractedAtWinsElseFileNameDateAndCancellationsReplace(SparkSession spark, @TempDir Path landing) throws IOException {
        Path crime = Files.createDirectories(landing.resolve("crime"));
        Files.writeString(crime.resolve("crime-2024-04-01.csv"), CRIME_HEADER
                + "K1,2024-03-01,Burglary,HER01,,2024-04-10T09:00:00\n" // extracted later than its restatement in the May file
                + "K2,2024-03-01,Burglary,HER01,,\n"                    // version 2024-04-01 (file name)
                + "K3,2024-03-01,Robbery,HER01,,\n"
                + "K4,2024-03-01,Drugs,HER01,,2024-04-20T10:00:00\n"
                + "K5,2024-03-01,Drugs,HER01,,\n");
        Files.writeString(crime.resolve("crime-20240501.csv"), CRIME_HEADER
                + "K1,2024-03-01,Robbery,SHR02,,2024-04-05T09:00:00\n"  // older extract: loses to the April file's row
                + "K2,2024-03-01,Shoplifting,SHR02,,\n"                 // version 2024-05-01: wins
                + "K3,2024-03-01,Robbery,HER01,cancelled,\n"             // cancelled: replaces the recorded version
                + "K4,2024-03-01,Vehicle crime,HER01,,\n");              // 2024-05-01 00:00 BST is after 2024-04-20 10:00
        StagingResult result = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME));
        try {
            Map<String, String> byKey = new TreeMap<>(result.staged().collectAsList().stream().collect(Collectors.toMap(
                    r -> r.getString(r.fieldIndex("crime_ref")),
                    r -> r.getString(r.fieldIndex("category")) + "|" + r.getString(r.fieldIndex("lpa_code")) + "|"
                            + r.getString(r.fieldIndex("status")) + "|" + r.getString(r.fieldIndex(StagedSchemas.SOURCE_FILE)))));
            assertThat(byKey).containsExactly(
                    Map.entry("K1", "Burglary|HER|recorded|crime/crime-2024-04-01.csv"),
                    Map.entry("K2", "Shoplifting|SHR|recorded|crime/crime-20240501.csv"),
                    Map.entry("K3", "Robbery|HER|cancelled|crime/crime-20240501.csv"),
                    Map.entry("K4", "Vehicle crime|HER|recorded|crime/crime-20240501.csv"),
                    Map.entry("K5", "Drugs|HER|recorded|crime/crime-2024-04-01.csv"));
            Row k4 = result.staged().filter(col("crime_ref").equalTo("K4")).first();
            assertThat((java.time.Instant) k4.getAs("version_at")).isEqualTo(java.time.Instant.parse("2024-04-30T23:00:00Z"));
            assertThat(result.fileReports()).extracting(FileReport::rowsStaged).containsExactly(5L, 4L);
            assertThat(result.fileReports()).allMatch(FileReport::reconciles);
        }
        finally {
            result.release();
        }
    }

    @Test
    void otherSourcesNewerFileByFileNameDateReplacesTheOlder(SparkSession spark, @TempDir Path landing) throws IOException {
        Path folder = Files.createDirectories(landing.resolve("survey-parish"));
        String header = "response_id,response_date,parish_code,q_know_snt\n";
        // Name order and date order disagree: the date in the name decides.
        Files.writeString(folder.resolve("a-2024-05-01.csv"), header + "X1,2024-04-03,P001,Yes\n");
        Files.writeString(folder.resolve("b-2024-04-01.csv"), header + "X1,2024-04-03,P001,No\n");
        StagingResult result = stager(spark).stage(Source.SURVEY_PARISH, Stager.landingFiles(landing, Source.SURVEY_PARISH));
        try {
            assertThat(result.staged().collectAsList()).singleElement()
                    .satisfies(r -> assertThat(r.getString(r.fieldIndex("q_know_snt"))).isEqualTo("Yes"));
        }
        finally {
            result.release();
        }
    }

    private static final String NM_HEADER = "month,snt_code,registered_users\n";

    @Test
    void neighbourhoodMattersNewerFileReplacesTheSameMonthAndSntOnly(SparkSession spark, @TempDir Path landing) throws IOException {
        Path folder = Files.createDirectories(landing.resolve("neighbourhood-matters"));
        // Name order and date order disagree: the date in the name decides.
        Files.writeString(folder.resolve("a-2024-06-01.csv"), NM_HEADER + "2024-04,HER01,110\n2024-05,HER01,120\n");
        Files.writeString(folder.resolve("b-2024-05-01.csv"), NM_HEADER + "2024-04,HER01,100\n2024-04,HER02,200\n2024-03,HER01,90\n");
        StagingResult result = stager(spark).stage(Source.NEIGHBOURHOOD_MATTERS, Stager.landingFiles(landing, Source.NEIGHBOURHOOD_MATTERS));
        try {
            assertThat(registeredUsers(result.staged())).containsExactly(
                    Map.entry("2024-03 HER01", "90 neighbourhood-matters/b-2024-05-01.csv"),
                    Map.entry("2024-04 HER01", "110 neighbourhood-matters/a-2024-06-01.csv"),
                    Map.entry("2024-04 HER02", "200 neighbourhood-matters/b-2024-05-01.csv"),
                    Map.entry("2024-05 HER01", "120 neighbourhood-matters/a-2024-06-01.csv"));
            assertThat(result.fileReports()).extracting(FileReport::rowsStaged).containsExactly(2L, 3L);
            assertThat(result.fileReports()).allMatch(FileReport::reconciles);
        }
        finally {
            result.release();
        }
    }

    @Test
    void aNightRestatingOneSntsMonthChangesThatRowNotTheMonthsOtherSnts(SparkSession spark, @TempDir Path landing, @TempDir Path warehouse)
            throws IOException {
        Path folder = Files.createDirectories(landing.resolve("neighbourhood-matters"));
        Files.writeString(folder.resolve("nm-2024-05-01.csv"), NM_HEADER + "2024-04,HER01,100\n2024-04,HER02,200\n2024-04,SHR02,300\n");
        StagingResult first = stager(spark).stage(Source.NEIGHBOURHOOD_MATTERS, Stager.landingFiles(landing, Source.NEIGHBOURHOOD_MATTERS));
        List<StagedFile> manifest;
        try {
            first.staged().write().parquet(warehouse.resolve("staged").toString());
            first.rejects().write().parquet(warehouse.resolve("rejects").toString());
            manifest = first.manifest();
        }
        finally {
            first.release();
        }
        Files.writeString(folder.resolve("nm-2024-06-01.csv"), NM_HEADER + "2024-04,HER01,110\n2024-05,HER01,120\n");
        Stager.Previous previous = new Stager.Previous(spark.read().parquet(warehouse.resolve("staged").toString()),
                spark.read().parquet(warehouse.resolve("rejects").toString()), manifest);
        StagingResult second = stager(spark).stage(Source.NEIGHBOURHOOD_MATTERS, Stager.landingFiles(landing, Source.NEIGHBOURHOOD_MATTERS), previous, "r2");
        try {
            // The two new rows and the one earlier row they restate (April HER01), not April's other SNTs.
            ChangeSummary changes = second.summariseChanges(List.of(count(lit(1))));
            assertThat(changes.months()).containsExactly("2024-04", "2024-05");
            assertThat(changes.aggregates().getLong(0)).isEqualTo(3);
            assertThat(registeredUsers(second.staged())).containsExactly(
                    Map.entry("2024-04 HER01", "110 neighbourhood-matters/nm-2024-06-01.csv"),
                    Map.entry("2024-04 HER02", "200 neighbourhood-matters/nm-2024-05-01.csv"),
                    Map.entry("2024-04 SHR02", "300 neighbourhood-matters/nm-2024-05-01.csv"),
                    Map.entry("2024-05 HER01", "120 neighbourhood-matters/nm-2024-06-01.csv"));
        }
        finally {
            second.release();
        }
    }

    /** "month snt_code" -> "registered_users source_file", one entry per row (a repeated key fails). */
    private static Map<String, String> registeredUsers(Dataset<Row> staged) {
        return new TreeMap<>(staged.collectAsList().stream().collect(Collectors.toMap(
                r -> r.getString(r.fieldIndex("month")) + " " + r.getString(r.fieldIndex("snt_code")),
                r -> r.getLong(r.fieldIndex("registered_users")) + " " + r.getString(r.fieldIndex(StagedSchemas.SOURCE_FILE)))));
    }

    @Test
    void incrementalRunsStageOnlyNewContent(SparkSession spark, @TempDir Path landing, @TempDir Path warehouse) throws IOException {
        Path crime = Files.createDirectories(landing.resolve("crime"));
        Files.writeString(crime.resolve("crime-2024-04-01.csv"), CRIME_HEADER + "K1,2024-03-01,Burglary,HER01,,\nK2,2024-03-01,Drugs,HER01,,\nK9,bad,Drugs,HER01,,\n");
        Files.writeString(crime.resolve("crime-2024-05-01.csv"), CRIME_HEADER + "K2,2024-03-01,Robbery,HER01,,\n");

        Run first = run(spark, landing, warehouse, "r1", null);
        assertThat(first.result.filesStaged()).isEqualTo(2);
        assertThat(first.result.changed()).isTrue();
        assertThat(first.staged).isEqualTo(Map.of("K1", "Burglary", "K2", "Robbery"));
        assertThat(first.rejects).isEqualTo(1);
        assertThat(first.result.rejectsUnchanged()).as("no earlier rejects to keep").isFalse();

        // The same landing again: no file is read, nothing changes.
        Run second = run(spark, landing, warehouse, "r2", first);
        assertThat(second.result.filesStaged()).isZero();
        assertThat(second.result.changed()).isFalse();
        assertThat(second.result.fileReports()).extracting(FileReport::status).containsExactly(FileReport.UNCHANGED, FileReport.UNCHANGED);
        assertThat(second.result.fileReports()).extracting(FileReport::rowsRead).containsExactly(0L, 0L);
        assertThat(second.staged).isEqualTo(first.staged);
        assertThat(second.result.rejectsUnchanged()).isTrue();

        // The April file landed again under another name: read (new name), recognised by checksum, staged once.
        Files.copy(crime.resolve("crime-2024-04-01.csv"), crime.resolve("crime-2024-06-01-resent.csv"));
        // A touched file (same bytes, new time) is read but adds nothing either.
        Files.setLastModifiedTime(crime.resolve("crime-2024-05-01.csv"), FileTime.fromMillis(1_700_000_000_000L));
        Run third = run(spark, landing, warehouse, "r3", second);
        assertThat(third.result.changed()).isFalse();
        assertThat(third.result.filesStaged()).isZero();
        FileReport copy = third.result.fileReports().stream().filter(r -> r.file().endsWith("resent.csv")).findFirst().orElseThrow();
        assertThat(copy.status()).isEqualTo(FileReport.DUPLICATE);
        assertThat(copy.duplicateOf()).isEqualTo("crime/crime-2024-04-01.csv");
        assertThat(copy.rowsRead()).isEqualTo(3);
        assertThat(copy.rowsDuplicate()).isEqualTo(3);
        assertThat(copy.reconciles()).isTrue();
        FileReport touched = third.result.fileReports().stream().filter(r -> r.file().equals("crime/crime-2024-05-01.csv")).findFirst().orElseThrow();
        assertThat(touched.status()).isEqualTo(FileReport.UNCHANGED);
        assertThat(third.staged).isEqualTo(first.staged);
        assertThat(third.rejects).isEqualTo(1);
        // The copy's bad row was rejected when the April file was first staged.
        assertThat(third.result.rejectsUnchanged()).isTrue();

        // A fourth run: all three are known by name, size and time now; a new extract restates K1.
        Files.writeString(crime.resolve("crime-2024-07-01.csv"), CRIME_HEADER + "K1,2024-03-01,Vehicle crime,SHR02,,\nK3,2024-06-01,Drugs,HER01,,\n");
        Run fourth = run(spark, landing, warehouse, "r4", third);
        assertThat(fourth.result.filesStaged()).isEqualTo(1);
        assertThat(fourth.result.fileReports()).extracting(FileReport::status)
                .containsExactly(FileReport.UNCHANGED, FileReport.UNCHANGED, FileReport.UNCHANGED, FileReport.STAGED);
        assertThat(fourth.staged).isEqualTo(Map.of("K1", "Vehicle crime", "K2", "Robbery", "K3", "Drugs"));
        assertThat(fourth.rejects).isEqualTo(1);
        assertThat(fourth.result.rejectsUnchanged()).as("a new file without a bad row").isTrue();

        // A file whose content changed under the same name: the source is staged again from all its files, as a
        // first run over them would. The resent copy of the April file's old content is no duplicate any more: it is
        // the newest extract holding K2 (Drugs), and its bad row is rejected; the April file's is gone.
        Files.writeString(crime.resolve("crime-2024-04-01.csv"), CRIME_HEADER + "K1,2024-03-01,Burglary,HER01,,\nK9,2024-03-01,Drugs,HER01,,\n");
        Run fifth = run(spark, landing, warehouse, "r5", fourth);
        assertThat(fifth.result.changed()).isTrue();
        assertThat(fifth.staged).isEqualTo(Map.of("K1", "Vehicle crime", "K2", "Drugs", "K3", "Drugs", "K9", "Drugs"));
        assertThat(fifth.rejects).isEqualTo(1);
        assertThat(fifth.result.fileReports()).extracting(FileReport::status).containsOnly(FileReport.STAGED);
        Run fresh = run(spark, landing, warehouse.resolve("fresh"), "fresh", null);
        assertThat(fifth.staged).isEqualTo(fresh.staged);
        assertThat(fifth.rejects).isEqualTo(fresh.rejects);

        // A new file with a bad row adds a reject.
        Files.writeString(crime.resolve("crime-2024-08-01.csv"), CRIME_HEADER + "K4,2024-07-01,Drugs,HER01,,\nK5,2024-07-02,Drugs,NOWHERE,,\n");
        Run sixth = run(spark, landing, warehouse, "r6", fifth);
        assertThat(sixth.rejects).isEqualTo(2);
        assertThat(sixth.result.rejectsUnchanged()).isFalse();
    }

    @Test
    void restatedKeysAreFoundInTheOrderSparkComparesStrings(SparkSession spark, @TempDir Path landing, @TempDir Path warehouse) throws IOException {
        // Java orders U+FF21 (a fullwidth A) after U+1F600 (an emoji, the UTF-16 pair D83D DE00); Spark and Parquet
        // compare UTF-8 bytes (EF BC A1 and F0 9F 98 80) and order it before: the new keys' range must be theirs.
        Path crime = Files.createDirectories(landing.resolve("crime"));
        Files.writeString(crime.resolve("crime-2024-04-01.csv"), CRIME_HEADER
                + "\uFF21,2024-03-01,Burglary,HER01,,\n\uD83D\uDE00,2024-03-02,Drugs,HER01,,\nK1,2024-03-03,Drugs,HER01,,\n");
        Run first = run(spark, landing, warehouse, "r1", null);
        Files.writeString(crime.resolve("crime-2024-05-01.csv"), CRIME_HEADER
                + "\uFF21,2024-04-01,Robbery,HER01,,\n\uD83D\uDE00,2024-04-02,Robbery,HER01,,\n");
        Stager.Previous previous = new Stager.Previous(spark.read().parquet(first.stagedPath.toString()),
                spark.read().parquet(first.rejectsPath.toString()), first.manifest);
        StagingResult result = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME), previous, "r2");
        try {
            ChangeSummary changes = result.summariseChanges(List.of(count(lit(1)), min(col("recorded_date"))));
            // The two new versions (April) and the two first versions they restate (March); K1 is not restated.
            assertThat(changes.months()).containsExactly("2024-03", "2024-04");
            assertThat(changes.aggregates().getLong(0)).isEqualTo(4);
            assertThat(changes.aggregates().<LocalDate>getAs(1)).isEqualTo(LocalDate.of(2024, 3, 1));
        }
        finally {
            result.release();
        }
    }

    private record Run(StagingResult result, Map<String, String> staged, long rejects, Path stagedPath, Path rejectsPath, List<StagedFile> manifest) {
    }

    /** What NightlyJob does for one source, with the staged and rejects tables kept in plain folders. */
    private static Run run(SparkSession spark, Path landing, Path warehouse, String runId, Run before) {
        Stager.Previous previous = before == null ? Stager.Previous.none()
                : new Stager.Previous(spark.read().parquet(before.stagedPath.toString()), spark.read().parquet(before.rejectsPath.toString()), before.manifest);
        StagingResult result = stager(spark).stage(Source.CRIME, Stager.landingFiles(landing, Source.CRIME), previous, runId);
        try {
            Path stagedPath = before == null ? null : before.stagedPath;
            Path rejectsPath = before == null ? null : before.rejectsPath;
            if (result.changed()) {
                stagedPath = warehouse.resolve("staged-" + runId);
                rejectsPath = warehouse.resolve("rejects-" + runId);
                result.staged().write().parquet(stagedPath.toString());
                result.rejects().write().parquet(rejectsPath.toString());
            }
            assertThat(result.fileReports()).allMatch(FileReport::reconciles);
            Dataset<Row> staged = spark.read().parquet(stagedPath.toString());
            Map<String, String> byKey = staged.collectAsList().stream()
                    .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("crime_ref")), r -> r.getString(r.fieldIndex("category"))));
            assertThat(staged.count()).as("one row per key").isEqualTo(byKey.size());
            return new Run(result, byKey, spark.read().parquet(rejectsPath.toString()).count(), stagedPath, rejectsPath, result.manifest());
        }
        finally {
            result.release();
        }
    }

}
