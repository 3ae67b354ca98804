package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.RunReport;

/**
 * An incremental night (one more day of files, --as-of one day on, and a crime from March restated)
 * recomputes only the periods those rows reach, and its metric_values equal a full recompute of
 * the same landing into an empty warehouse, bit for bit but run_id.
 */
@ExtendWith(SharedSparkSession.class)
class IncrementalNightlyTest {
    private static final PseudonymisationKey KEY =
            new PseudonymisationKey("an-incremental-test-key".getBytes(StandardCharsets.UTF_8), "test", false);
    private static final LocalDate BEFORE = LocalDate.of(2024, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2024, 7, 1);

    @TempDir
    Path dir;

    private static RunReport nightly(SparkSession spark, Path landing, Path warehouse, LocalDate asOf, String runId) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(landing, warehouse, asOf, KEY, 0.05), report).run();
        return report;
    }

    @Test
    void an_incremental_night_equals_a_full_recompute(SparkSession spark) throws IOException {
        Path generated = dir.resolve("generated");
        LandingGenerator.generate(new GeneratorOptions(generated, 7, 0.05, LocalDate.of(2024, 2, 1), AFTER, FileSplit.MONTH)
                .withBadRows(false));
        // The landing as it stood on the night of 30 June: every file but July's.
        Path landing = dir.resolve("landing");
        List<Path> july = copyTree(generated, landing, file -> !file.getFileName().toString().contains("2024-07"));
        // crime, contacts, engagement, both surveys, patrols, priorities and Neighbourhood Matters
        assertThat(july).hasSize(8);
        nightly(spark, landing, dir.resolve("incremental"), BEFORE, "20240701T020000Z-0001");

        // The next night: July's files, and an extract restating a crime recorded on 1 March (new category).
        for (Path file : july) {
            Files.copy(file, landing.resolve(generated.relativize(file)));
        }
        List<String> march = Files.readAllLines(landing.resolve("crime/crime-2024-03-31.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(march.get(0).split(",", -1));
        String[] crime = march.stream().skip(1).map(line -> line.split(",", -1))
                .filter(row -> row[header.indexOf("recorded_date")].equals("2024-03-01") && row[header.indexOf("status")].equals("recorded")
                        && row[header.indexOf("category")].equals("Violence and sexual offences"))
                .findFirst().orElseThrow();
        crime[header.indexOf("category")] = "Burglary";
        crime[header.indexOf("extracted_at")] = "2024-07-01T06:00:00";
        Files.write(landing.resolve("crime/crime-2024-07-01-restated.csv"), List.of(march.get(0), String.join(",", crime)), StandardCharsets.UTF_8);

        RunReport incremental = nightly(spark, landing, dir.resolve("incremental"), AFTER, "20240702T020000Z-0002");
        // The restated crime reaches back to 1 March: crime periods from March on are recomputed, no earlier; VIS-10,
        // whose hotspots it moves, counts weeks by their Monday, so its plan reaches back to the Monday before.
        assertThat(incremental.recompute).isEqualTo("periods ending on or after 2024-02-24: "
                + "--as-of moved from 2024-06-30 to 2024-07-01, staged rows changed from 2024-03-01");
        RunReport full = nightly(spark, landing, dir.resolve("full"), AFTER, "20240702T020000Z-0003");
        assertThat(full.recompute).isEqualTo("every period: no previous metric_values to carry over");

        assertThat(IdempotenceTest.figuresButRunId(spark, dir.resolve("incremental")))
                .containsExactlyElementsOf(IdempotenceTest.figuresButRunId(spark, dir.resolve("full")));

        Dataset<Row> values = WarehouseTables.readPublished(spark, dir.resolve("incremental").toString(), "metrics/metric_values");
        // Carried over: February's 999 answering, untouched by July or by the restated crime.
        assertThat(runIds(values.filter(col("metric_id").equalTo("VIS-05").and(col("period_label").equalTo("2024-02")))))
                .containsExactly("20240701T020000Z-0001");
        // Recomputed: March's crime rate, which the restatement changed, and June's, which July's --as-of does not.
        assertThat(runIds(values.filter(col("metric_id").equalTo("PRV-04").and(col("period_label").equalTo("2024-03")))))
                .containsExactly("20240702T020000Z-0002");
        assertThat(runIds(values.filter(col("metric_id").equalTo("VIS-05").and(col("period_label").equalTo("2024-06")))))
                .containsExactly("20240701T020000Z-0001");
        assertThat(runIds(values.filter(col("period_label").equalTo("2024-07")))).containsExactly("20240702T020000Z-0002");
    }

    private static List<String> runIds(Dataset<Row> rows) {
        return rows.select("run_id").distinct().collectAsList().stream().map(row -> row.getString(0)).toList();
    }

    /** Copies the files the filter accepts; returns those it held back. */
    static List<Path> copyTree(Path from, Path to, java.util.function.Predicate<Path> accept) throws IOException {
        List<Path> held = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (accept.test(file)) {
                    Path target = to.resolve(from.relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
                else {
                    held.add(file);
                }
            }
        }
        return held;
    }
}
