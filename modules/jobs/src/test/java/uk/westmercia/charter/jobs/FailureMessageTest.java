package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** The one line a failure is reported with, built without filling a disk: exception chains as Spark and Java make them. */
class FailureMessageTest {
    private static final String ADVICE = ": free space on that file system and run again; what this run wrote was not published";

    /** What a Parquet write on a full disk throws in local mode: the job's abort, the task's write failure, Hadoop's FSError, the IOException. */
    private static RuntimeException sparkWriteOnAFullDisk() {
        IOException root = new IOException("No space left on device");
        Error fsError = new Error("java.io.IOException: No space left on device", root); // Hadoop's FSError is an Error too
        RuntimeException task = new RuntimeException(
                "[TASK_WRITE_FAILED] Task failed while writing rows to file:/srv/charter/warehouse/.versions/metrics/metric_values/20261205T020001Z-ab12.",
                fsError);
        return new RuntimeException("Job aborted due to stage failure: Task 0 in stage 41.0 failed 1 times, most recent failure: "
                + "Lost task 0.0 in stage 41.0 (TID 97) (10.0.0.5 executor driver): org.apache.spark.SparkException: [TASK_WRITE_FAILED] "
                + "Task failed while writing rows to file:/srv/charter/warehouse/.versions/metrics/metric_values/20261205T020001Z-ab12.\n"
                + "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.taskFailedWhileWritingRowsError(QueryExecutionErrors.scala:774)\n"
                + "Driver stacktrace:", task);
    }

    @Test
    void aSparkWriteOnAFullDiskIsReportedByItsRootCauseAndPath() {
        RuntimeException failure = sparkWriteOnAFullDisk();

        assertThat(CharterCli.oneLine(failure)).isEqualTo(
                "No space left on device writing /srv/charter/warehouse/.versions/metrics/metric_values/20261205T020001Z-ab12" + ADVICE);
        assertThat(FailureMessage.isDiskFull(failure)).isTrue();
        assertThat(CharterCli.exitCodeOf(failure)).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void aFileSystemExceptionGivesItsOwnFile() {
        FileSystemException root = new FileSystemException("/srv/charter/warehouse/runs/r1.json", null, "No space left on device");
        RuntimeException failure = new IllegalStateException("Cannot write run report",
                new UncheckedIOException("Cannot write /srv/charter/warehouse/runs/: " + root.getMessage(), root));

        assertThat(CharterCli.oneLine(failure)).isEqualTo("No space left on device writing /srv/charter/warehouse/runs/r1.json" + ADVICE);
    }

    @Test
    void withNoPathInTheChainItSaysSo() {
        RuntimeException failure = new RuntimeException("Job aborted", new IOException("No space left on device"));

        assertThat(CharterCli.oneLine(failure)).isEqualTo("No space left on device (no path was reported; the warehouse or Spark's local folder)"
                + ADVICE);
    }

    @Test
    void anyOtherFailureKeepsTheFirstLineOfItsMessage() {
        assertThat(CharterCli.oneLine(new IllegalStateException("Cannot publish metrics/metric_values: gone\nmore"))).isEqualTo(
                "Cannot publish metrics/metric_values: gone");
        assertThat(CharterCli.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
        // A failure the job words itself keeps its words.
        assertThat(CharterCli.oneLine(new JobFailure(ExitCode.FAILURE, "Run failed: No space left on device writing /x", sparkWriteOnAFullDisk())))
                .isEqualTo("Run failed: No space left on device writing /x");
    }

    @Test
    void pathsAreNotFoundInsideUrlsOrWords() {
        assertThat(FailureMessage.path(new RuntimeException("see http://host/a and spark://10.0.0.1:7077, executor 1/2"))).isEmpty();
        assertThat(FailureMessage.path(new RuntimeException("Cannot rename /a/b to /a/c."))).contains("/a/c");
    }
}
