package uk.westmercia.charter.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import uk.westmercia.charter.catalogue.Source;
import uk.westmercia.charter.testing.SharedSparkSession;

/**
 * Stages the whole bad-input corpus (which holds known raw identifiers in every personal column, in
 * staged rows, rejected rows and duplicate keys), writes every output as the nightly job does, then
 * reads every Parquet table back and scans every value of every row, and scans the bytes of every
 * other file written, and every line logged while staging: no raw identifier may appear anywhere.
 */
@ExtendWith(SharedSparkSession.class)
class PseudonymisationLeakTest {
    @Test
    void noRawIdentifierReachesAnyOutput(SparkSession spark, @TempDir Path out) throws IOException {
        List<FileReport> reports = new ArrayList<>();
        List<StagedFile> manifest = new ArrayList<>();
        Stager stager = new Stager(spark, IngestFixtures.REFERENCE, IngestFixtures.PSEUDONYMISER);
        // Every keyed source of the contract (police.uk files carry no personal identifier column): one the corpus lacks fails here.
        List<Source> sources = Arrays.stream(Source.values()).filter(source -> source != Source.POLICEUK).toList();
        List<Path> refused;
        try (Stream<Path> listing = Files.list(IngestFixtures.badInput("refused"))) {
            refused = listing.sorted().toList();
        }
        try (CapturedLogs logs = CapturedLogs.start()) {
            for (Source source : sources) {
                List<LandingFile> files = new ArrayList<>(Stager.landingFiles(IngestFixtures.badInput(), source));
                assertThat(files).as("the corpus's %s files", source.folder()).isNotEmpty();
                refused.stream().filter(file -> file.getFileName().toString().startsWith(source.folder() + "-")).map(LandingFile::of).forEach(files::add);
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
            // Every line logged while staging (the project's own loggers down to DEBUG, everything else at its configured level).
            Files.write(out.resolve("staging.log"), logs.lines());
            assertThat(logs.lines()).anyMatch(line -> line.contains("patrols/patrols-2024-04-30.csv"));
        }
        StagedFile.toDataset(spark, manifest).write().parquet(out.resolve("staged/_files").toString());
        Files.writeString(out.resolve("run-report.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
        assertThat(reports).filteredOn(report -> report.refused() != null).extracting(FileReport::file)
                .containsExactlyInAnyOrder("crime/crime-2024-05-01.csv", "patrols/patrols-2024-05-01.csv");

        // The identifiers really were in the input, and their pseudonyms are in the output.
        assertThat(spark.read().parquet(out.resolve("staged/crime").toString()).filter(col("victim_id")
                .equalTo(IngestFixtures.PSEUDONYMISER.pseudonym("VIC-SECRET-1"))).count()).isEqualTo(1);
        assertThat(spark.read().parquet(out.resolve("staged/patrols").toString()).filter(col("officer_id")
                .equalTo(IngestFixtures.PSEUDONYMISER.pseudonym("OFFICER-SECRET-1"))).count()).isEqualTo(1);
        // Every planted identifier is in the corpus, so a clean output means something.
        String corpus = corpusText();
        assertThat(IngestFixtures.RAW_IDENTIFIERS).allMatch(corpus::contains);

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
        assertThat(tables).isEqualTo(2 * sources.size() + 1);
    }

    /** Every fixture's text, gzip undone. */
    private static String corpusText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> walk = Files.walk(IngestFixtures.badInput())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream input = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    text.append(new String(input.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /**
     * What is logged while it is open: the project's loggers at DEBUG (kept off the console), every other
     * logger at its configured level, with each event's message and its throwables' messages.
     */
    private static final class CapturedLogs implements AutoCloseable {
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final Logger root;
        private final Logger ours;
        private final Level level;
        private final boolean additive;

        private CapturedLogs(LoggerContext context) {
            root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            ours = context.getLogger("uk.westmercia.charter");
            level = ours.getLevel();
            additive = ours.isAdditive();
            appender.setContext(context);
            appender.start();
            root.addAppender(appender);
            ours.addAppender(appender);
            ours.setAdditive(false);
            ours.setLevel(Level.DEBUG);
        }

        static CapturedLogs start() {
            return new CapturedLogs((LoggerContext) LoggerFactory.getILoggerFactory());
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            synchronized (appender) {
                for (ILoggingEvent event : appender.list) {
                    StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
                    for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                        line.append(" | ").append(thrown.getMessage());
                    }
                    lines.add(line.toString());
                }
            }
            return lines;
        }

        @Override
        public void close() {
            ours.setLevel(level);
            ours.setAdditive(additive);
            ours.detachAppender(appender);
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
