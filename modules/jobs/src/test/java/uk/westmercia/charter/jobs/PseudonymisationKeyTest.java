package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymisationKeyTest {
    @TempDir
    Path landing;

    @Test
    void keyFileComesFirst() throws Exception {
        Path file = landing.resolve("key");
        Files.writeString(file, "from-the-key-file-0123\n");
        PseudonymisationKey key = PseudonymisationKey.resolve(Optional.of(file), Map.of("CHARTER_PSEUDO_KEY", "from-the-environment-0123"), landing);
        assertThat(new String(key.key(), StandardCharsets.UTF_8)).isEqualTo("from-the-key-file-0123");
        assertThat(key.development()).isFalse();
    }

    @Test
    void environmentVariableWhenNoFile() {
        PseudonymisationKey key = PseudonymisationKey.resolve(Optional.empty(), Map.of("CHARTER_PSEUDO_KEY", "from-the-environment-0123"), landing);
        assertThat(key.origin()).isEqualTo("environment variable CHARTER_PSEUDO_KEY");
    }

    @Test
    void anyOtherLandingWithoutAKeyIsRefusedWithExitTwo() {
        assertThatThrownBy(() -> PseudonymisationKey.resolve(Optional.empty(), Map.of(), landing))
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.BAD_COMMAND_LINE))
                .hasMessage("Cannot pseudonymise " + landing + ": no key; set CHARTER_PSEUDO_KEY or pass --pseudo-key-file FILE"
                        + " (the development key is only for the bundled data-samples)");
    }

    /** A one-file sample: contacts/c.csv holding "abc", listed in the marker with its SHA-256. */
    private void writeSample() throws Exception {
        Files.createDirectories(landing.resolve("contacts"));
        Files.writeString(landing.resolve("contacts/c.csv"), "abc");
        Files.writeString(landing.resolve(PseudonymisationKey.SAMPLE_MARKER),
                "# bundled sample\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  contacts/c.csv\n");
    }

    @Test
    void onlyTheBundledSampleFallsBackToTheDevelopmentKey() throws Exception {
        writeSample();
        PseudonymisationKey key = PseudonymisationKey.resolve(Optional.empty(), Map.of(), landing);
        assertThat(key.development()).isTrue();
        assertThat(key.origin()).isEqualTo("development key (bundled data-samples only)");
    }

    @Test
    void aCopyOfTheSampleWithAFileAddedOrChangedNeedsARealKey() throws Exception {
        writeSample();
        Files.writeString(landing.resolve("contacts/real.csv"), "real data");
        assertThatThrownBy(() -> PseudonymisationKey.resolve(Optional.empty(), Map.of(), landing))
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.BAD_COMMAND_LINE))
                .hasMessage("Cannot pseudonymise " + landing + " with the development key: contacts/real.csv is not part of the bundled sample;"
                        + " set CHARTER_PSEUDO_KEY or pass --pseudo-key-file FILE");

        Files.delete(landing.resolve("contacts/real.csv"));
        Files.writeString(landing.resolve("contacts/c.csv"), "abd");
        assertThatThrownBy(() -> PseudonymisationKey.resolve(Optional.empty(), Map.of(), landing))
                .hasMessageContaining("contacts/c.csv differs from the bundled sample");
    }

    @Test
    void theBundledSampleCarriesTheMarker() {
        Path samples = Path.of(System.getProperty("charter.project.dir", "../.."), "data-samples");
        assertThat(samples.resolve(PseudonymisationKey.SAMPLE_MARKER)).isRegularFile();
        // The marker lists the sample as it is: regenerated samples need a regenerated list.
        PseudonymisationKey.checkBundledSample(samples);
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> PseudonymisationKey.resolve(Optional.empty(), Map.of("CHARTER_PSEUDO_KEY", "short"), landing))
                .hasMessage("Cannot pseudonymise: the key from environment variable CHARTER_PSEUDO_KEY must be at least 16 characters");
    }
}
