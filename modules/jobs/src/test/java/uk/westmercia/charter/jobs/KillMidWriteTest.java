package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.WarehouseTables;
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Warehouse;

/**
 * A nightly killed with kill -9 while it writes leaves the previous tables as they were, and the next
 * run succeeds. Runs jobs/charter's main class in child JVMs, as an operator would, on landing-tiny.
 */
@ExtendWith(SharedSparkSession.class)
class KillMidWriteTest {
    private static final Path TINY = Path.of("src/test/resources/landing-tiny").toAbsolutePath();
    private static final long RUN_TIMEOUT_MINUTES = 10;
    private static final String KEY = "a-kill-test-key-0123456789";

    @TempDir
    Path dir;

    /** landing-tiny, copied: the killed runs find a file more in it. */
    private Path landing;

    /** The --add-opens and -XX options this JVM was started with (surefire's argLine: spark.jvm.options, test.jvm.options). */
    private static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("-XX:")
                        || option.startsWith("-Djdk.reflect") || option.startsWith("-Dio.netty"))
                .toList();
    }

    private Process nightly(Path warehouse, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(sparkJvmOptions());
        // The launcher's own logging (progress at INFO, as an operator sees it), not the tests' quiet one.
        command.add("-Dlogback.configurationFile=logback.xml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CharterCli.class.getName(),
                "nightly", "--landing", landing.toString(), "--warehouse", warehouse.toString(), "--as-of", "2024-06-30", "--master", "local[2]"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(PseudonymisationKey.ENVIRONMENT_VARIABLE, KEY);
        return builder.start();
    }

    private static int finish(Process process, Path output) throws Exception {
        assertThat(process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("run finished; output in %s", output).isTrue();
        return process.exitValue();
    }

    /** Whether the killed run has committed to a table beyond what is published: it is mid-commit. */
    private static boolean committedUnpublished(SparkSession spark, Warehouse warehouse) {
        WarehouseTables tables = WarehouseTables.reader(spark, warehouse);
        for (TableName table : tables.tables()) {
            java.util.OptionalLong latest = tables.latestVersion(table);
            Optional<Long> published = tables.published().version(table);
            if (!table.path().startsWith("runs/") && latest.isPresent() && (published.isEmpty() || latest.getAsLong() > published.get())) {
                return true;
            }
        }
        return false;
    }

    /** Starts a nightly and kills it (SIGKILL) once it has reached the point asked for. */
    private void killAt(SparkSession spark, Path root, String when, Path output) throws Exception {
        Warehouse warehouse = new Warehouse(root);
        Process killed = nightly(root, output);
        boolean reached = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_TIMEOUT_MINUTES);
        while (!reached && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            String progress = Files.readString(output);
            // Mid-commit: the run has begun its own work (any repair of the killed run before it is published) and committed.
            reached = when.equals("mid-commit") ? progress.contains("Staging") && committedUnpublished(spark, warehouse) : progress.contains("Recomputing");
        }
        assertThat(reached).as("the run reached %s; output in %s", when, output).isTrue();
        killed.destroyForcibly(); // SIGKILL on Linux
        assertThat(killed.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);
    }

    @Test
    void runs_killed_mid_compute_and_mid_commit_leave_the_published_tables_and_the_next_run_undoes_their_commits(SparkSession spark) throws Exception {
        Path root = dir.resolve("warehouse");
        Warehouse warehouse = new Warehouse(root);

        // The first night in this JVM (a process of its own saves nothing here): the state the killed runs must leave as it is.
        RunReport firstReport = new RunReport("20240701T020000Z-0001", "nightly", List.of(), "test", java.time.Instant.now());
        landing = dir.resolve("landing");
        IncrementalNightlyTest.copyTree(TINY, landing, file -> true);
        new NightlyJob(spark, new NightlyJob.Options(landing, root, java.time.LocalDate.of(2024, 6, 30),
                new PseudonymisationKey(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test", false), 0.05), firstReport).run();
        Publication first = WarehouseTables.reader(spark, warehouse).published();
        List<String> figures = IdempotenceTest.figuresButRunId(spark, root);
        assertThat(first.versions()).containsKeys("metrics/metric_values", "staged/crime");

        // A new file with no rows: the killed runs stage it (their manifest commits) and the figures stay the first run's.
        Path contacts = landing.resolve("contacts/contacts-2024-06-30.csv");
        Files.writeString(landing.resolve("contacts/contacts-2024-06-15.csv"), Files.readAllLines(contacts).get(0) + "\n");
        // Killed while computing (its staged tables committed), then the next one killed as it commits.
        killAt(spark, root, "mid-compute", dir.resolve("killed-compute.log"));
        assertPublishedIs(spark, warehouse, first, figures);
        Path midCommit = dir.resolve("killed-commit.log");
        killAt(spark, root, "mid-commit", midCommit);
        assertThat(Files.readString(midCommit)).contains("Undid what an earlier run committed and never published");
        // The repair it published holds the same rows as the first run's tables.
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(figures);
        WarehouseTables reader = WarehouseTables.reader(spark, warehouse);
        assertThat(reader.read(NightlyJob.METRIC_VALUES).select("run_id").distinct().collectAsList())
                .extracting(row -> row.getString(0)).containsExactly(first.runId());

        Path nextOutput = dir.resolve("next.log");
        assertThat(finish(nightly(root, nextOutput), nextOutput)).as(Files.readString(nextOutput)).isZero();
        String output = Files.readString(nextOutput);
        assertThat(output).contains("ended without releasing the warehouse lock", "Undid what an earlier run committed and never published");
        Publication next = WarehouseTables.reader(spark, warehouse).published();
        assertThat(next.runId()).isNotEqualTo(first.runId());
        assertThat(next.job()).isEqualTo("nightly");
        assertThat(committedUnpublished(spark, warehouse)).isFalse();
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(figures);
        assertThat(root.resolve("runs").resolve(next.runId() + ".log")).isRegularFile();
        assertThat(Files.readString(root.resolve("runs").resolve(next.runId() + ".json"))).contains("\"repaired\"", "restored to published version");
    }

    /** A reader following runs/published sees the given run's tables, whole, and nothing of a killed run. */
    private static void assertPublishedIs(SparkSession spark, Warehouse warehouse, Publication expected, List<String> figures) {
        WarehouseTables reader = WarehouseTables.reader(spark, warehouse);
        assertThat(reader.published()).isEqualTo(expected);
        for (String table : expected.versions().keySet()) {
            reader.read(new TableName(table)).count();
        }
        assertThat(reader.read(NightlyJob.METRIC_VALUES).select("run_id").distinct().collectAsList())
                .extracting(row -> row.getString(0)).containsExactly(expected.runId());
        assertThat(IdempotenceTest.figuresButRunId(spark, warehouse.localRoot())).containsExactlyElementsOf(figures);
    }
}
