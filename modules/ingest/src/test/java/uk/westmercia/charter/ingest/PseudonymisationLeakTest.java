package uk.westmercia.charter.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

/**
 * Stages the whole bad-input corpus (which holds known raw identifiers in every personal column, in
 * staged rows, rejected rows and duplicate keys), writes every output as the nightly job does, then
 * reads every Parquet table back and scans every value of every row, and scans the bytes of every
 * other file written: no raw identifier may appear anywhere.
 */
@ExtendWith(SharedSparkSession.class)
class PseudonymisationLeakTest {
    @Test
    void noRawIdentifierReachesAnyOutput(SparkSession spark, @TempDir Path out) throws IOException {
        List<FileReport> reports = new ArrayList<>();
        List<StagedFile> manifest = new ArrayList<>();
        Stager stager = new Stager(spark, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER);
        for (Source source : List.of(Source.CRIME, Source.CONTACTS, Source.ENGAGEMENT, Source.SURVEY_PUBLIC, Source.SURVEY_PARISH)) {
            List<LandingFile> files = new ArrayList<>(Stager.landingFiles(IngestFixtures.badInput(), source));
            if (source == Source.CRIME) {
                files.add(LandingFile.of(IngestFixtures.badInput("refused/crime-2024-05-01.csv")));
            }
            StagingResult result = stager.stage(source, files, Stager.Previous.none(), "leak-test");
            try {
                result.staged().write().parquet(out.resolve("staged").resolve(source.folder()).toString());
                result.rejects().write().parquet(out.resolve("rejects").resolve(source.folder()).toString());
                reports.addAll(result.fileReports());
                manifest.addAll(result.manifest());
            }
            finally {
                result.release();
            }
        }
        StagedFile.toDataset(spark, manifest).write().parquet(out.resolve("staged/_files").toString());
        Files.writeString(out.resolve("run-report.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
        assertThat(reports).anyMatch(report -> report.refused() != null);

        // The identifiers really were in the input, and their pseudonyms are in the output.
        assertThat(spark.read().parquet(out.resolve("staged/crime").toString()).filter(col("victim_id")
                .equalTo(IngestFixtures.PSEUDONYMISER.pseudonym("VIC-SECRET-1"))).count()).isEqualTo(1);

        int tables = 0;
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".parquet")) {
                    continue; // read back through Spark below: the bytes are compressed
                }
                String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                for (String raw : IngestFixtures.RAW_IDENTIFIERS) {
                    assertThat(text).as("%s contains a raw identifier", path).doesNotContain(raw);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path table : walk.filter(path -> Files.exists(path.resolve("_SUCCESS"))).toList()) {
                Dataset<Row> rows = spark.read().parquet(table.toString());
                List<String> all = rows.select(to_json(struct(col("*")))).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
                for (String row : all) {
                    for (String raw : IngestFixtures.RAW_IDENTIFIERS) {
                        assertThat(row).as("a row of %s", table).doesNotContain(raw);
                    }
                }
                tables++;
            }
        }
        assertThat(tables).isEqualTo(11);
    }
}
