package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.testing.SharedSparkSession;
import uk.westmercia.charter.warehouse.Publication;
import uk.westmercia.charter.warehouse.RunReport;
import uk.westmercia.charter.warehouse.Warehouse;
import uk.westmercia.charter.warehouse.WarehouseTables;

/** A warehouse records a fingerprint of the key its rows were pseudonymised with; a night with another key is refused. */
@ExtendWith(SharedSparkSession.class)
class KeyFingerprintTest {
    private static final Path LANDING = Path.of("src/test/resources/landing-tiny");
    private static final PseudonymisationKey FIRST = new PseudonymisationKey("the-first-key-of-this-force".getBytes(StandardCharsets.UTF_8), "file first", false);
    private static final PseudonymisationKey SECOND = new PseudonymisationKey("another-key-of-this-force".getBytes(StandardCharsets.UTF_8), "file second", false);

    @TempDir
    Path warehouse;

    private void nightly(SparkSession spark, PseudonymisationKey key, String runId) {
        RunReport report = new RunReport(runId, "nightly", List.of(), "test", Instant.now());
        new NightlyJob(spark, new NightlyJob.Options(LANDING, warehouse, LocalDate.of(2024, 6, 30), key, 0.05), report).run();
    }

    @Test
    void aFingerprintIdentifiesAKeyWithoutGivingItAway() {
        assertThat(FIRST.fingerprint()).hasSize(32).matches("[0-9a-f]+").isEqualTo(FIRST.fingerprint()).isNotEqualTo(SECOND.fingerprint());
        assertThat(FIRST.fingerprint()).doesNotContain("first");
    }

    @Test
    void aNightWithAnotherKeyIsRefusedAndChangesNothing(SparkSession spark) {
        nightly(spark, FIRST, "20240701T020000Z-key1");
        Publication published = WarehouseTables.reader(spark, new Warehouse(warehouse)).published();
        assertThat(published.keyFingerprint()).isEqualTo(FIRST.fingerprint());

        assertThatThrownBy(() -> nightly(spark, SECOND, "20240702T020000Z-key2"))
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.BAD_COMMAND_LINE))
                .hasMessage("Cannot run nightly: the pseudonymisation key (file second, fingerprint " + SECOND.fingerprint()
                        + ") is not the one warehouse " + new Warehouse(warehouse).root() + " was staged with (fingerprint " + FIRST.fingerprint()
                        + "); use that key, or re-stage the whole landing with the new key into a new --warehouse");
        assertThat(WarehouseTables.reader(spark, new Warehouse(warehouse)).published()).isEqualTo(published);

        // The same key again: accepted.
        nightly(spark, FIRST, "20240703T020000Z-key3");
        assertThat(WarehouseTables.reader(spark, new Warehouse(warehouse)).published().keyFingerprint()).isEqualTo(FIRST.fingerprint());
    }
}
