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
import uk.westmercia.charter.warehouse.TableName;
import uk.westmercia.charter.warehouse.Warehouse;

/**
 * A nightly killed with kill -9 while it writes leaves the previous tables as they were, and the next
 * run succeeds. Runs jobs/charter's main class in child JVMs, as an operator would, on landing-tiny.
 */
@ExtendWith(SharedSparkSession.class)
class KillMidWriteTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny").toAbsolutePath();
    private static final long RUN_TIMEOUT_MINUTES = 10;

    @TempDir
    Path dir;

    /** The Spark --add-opens options this JVM was started with (surefire's argLine, from spark.jvm.options). */
    private static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || option.startsWith("-Djdk.reflect") || option.startsWith("-Dio.netty"))
                .toList();
    }

    private Process nightly(Path warehouse, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(sparkJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CharterCli.class.getName(),
                "nightly", "--landing", LANDING.toString(), "--warehouse", warehouse.toString(), "--as-of", "2024-06-30", "--master", "local[2]"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(PseudonymisationKey.ENVIRONMENT_VARIABLE, "a-kill-test-key-0123456789");
        return builder.start();
    }

    private static int finish(Process process, Path output) throws Exception {
        assertThat(process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("run finished; output in %s", output).isTrue();
        return process.exitValue();
    }

    /** A version folder of a run other than {@code published}: the new run has started writing. */
    private static Optional<Path> newVersion(Warehouse warehouse, String published) throws IOException {
        Path versions = warehouse.root().resolve(Warehouse.VERSIONS);
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(versions, 3)) {
            return walk.filter(path -> versions.relativize(path).getNameCount() == 3)
                    .filter(path -> !path.getFileName().toString().equals(published))
                    .findFirst();
        }
    }

    @Test
    void a_run_killed_mid_write_leaves_the_previous_tables_and_the_next_run_succeeds(SparkSession spark) throws Exception {
        Path root = dir.resolve("warehouse");
        Warehouse warehouse = new Warehouse(root);

        Path firstOutput = dir.resolve("first.log");
        assertThat(finish(nightly(root, firstOutput), firstOutput)).as(Files.readString(firstOutput)).isZero();
        String first = warehouse.currentVersion(NightlyJob.METRIC_VALUES).orElseThrow();
        List<String> figures = IdempotenceTest.figuresButRunId(spark, root);
        List<String> tables = tablesOf(warehouse, first);
        assertThat(tables).contains("metrics/metric_values", "staged/crime");

        Path killedOutput = dir.resolve("killed.log");
        Process killed = nightly(root, killedOutput);
        Optional<Path> writing = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_TIMEOUT_MINUTES);
        while (writing.isEmpty() && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            writing = newVersion(warehouse, first);
        }
        assertThat(writing).as("the second run started writing; output in %s", killedOutput).isPresent();
        killed.destroyForcibly(); // SIGKILL on Linux
        assertThat(killed.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);
        String second = writing.get().getFileName().toString();

        // Every table still points at the first run, and reads whole.
        for (String table : tables) {
            assertThat(warehouse.currentVersion(new TableName(table))).as(table).contains(first);
        }
        assertThat(spark.read().parquet(root.resolve("metrics/metric_values").toString()).select("run_id").distinct().collectAsList())
                .extracting(row -> row.getString(0)).containsExactly(first);
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(figures);

        Path nextOutput = dir.resolve("next.log");
        assertThat(finish(nightly(root, nextOutput), nextOutput)).as(Files.readString(nextOutput)).isZero();
        String next = warehouse.currentVersion(NightlyJob.METRIC_VALUES).orElseThrow();
        assertThat(next).isNotIn(first, second);
        assertThat(Files.readString(nextOutput)).contains("Previous run " + second, "ended without releasing the warehouse lock");
        // metric_values is recomputed every night; a staged table whose inputs did not change may stay
        // at the first run's version. None is left at the killed run's, and all read whole.
        assertThat(warehouse.currentVersion(NightlyJob.METRIC_VALUES)).contains(next);
        for (String table : tables) {
            assertThat(warehouse.currentVersion(new TableName(table))).as(table).get().isIn(first, next);
            spark.read().parquet(warehouse.tablePath(new TableName(table)).toString()).count();
        }
        assertThat(IdempotenceTest.figuresButRunId(spark, root)).containsExactlyElementsOf(figures);
        assertThat(root.resolve("runs").resolve(next + ".log")).isRegularFile();
        assertThat(root.resolve("runs").resolve(next + ".json")).isRegularFile();
    }

    private static List<String> tablesOf(Warehouse warehouse, String runId) throws IOException {
        Path versions = warehouse.root().resolve(Warehouse.VERSIONS);
        try (Stream<Path> walk = Files.walk(versions, 3)) {
            return walk.filter(path -> versions.relativize(path).getNameCount() == 3 && path.getFileName().toString().equals(runId))
                    .map(path -> versions.relativize(path.getParent()).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
