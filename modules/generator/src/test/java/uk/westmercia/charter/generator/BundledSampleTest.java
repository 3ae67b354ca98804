package uk.westmercia.charter.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data-samples/ is exactly what the command in its README generates. */
class BundledSampleTest {

    @Test
    void dataSamplesAreReproducible(@TempDir Path dir) throws IOException {
        String project = System.getProperty("charter.project.dir");
        assumeThat(project).isNotNull();
        Path samples = Path.of(project, "data-samples");
        assumeThat(Files.isDirectory(samples.resolve("crime"))).isTrue();

        // --seed 20230401 --scale 0.04 --survey-scale 0.4 --from 2023-04-01 --to 2025-03-31 --split month
        // --gzip-contacts --gzip-patrols
        GeneratorOptions options = LandingGenerator.parse("--out", dir.resolve("landing").toString(),
                "--seed", "20230401", "--scale", "0.04", "--survey-scale", "0.4", "--from", "2023-04-01",
                "--to", "2025-03-31", "--split", "month", "--gzip-contacts", "--gzip-patrols");
        assertThat(options.from()).isEqualTo(LocalDate.of(2023, 4, 1));
        LandingGenerator.generate(options);

        Map<String, String> expected = LandingFilesSupport.checksums(dir.resolve("landing"));
        Map<String, String> actual = LandingFilesSupport.checksums(samples);
        actual.remove("README.md");
        // Not generated: marks the bundled sample, the only landing allowed the development pseudonymisation key.
        actual.remove(".charter-bundled-sample");
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        long bytes = 0;
        for (String name : actual.keySet()) {
            bytes += Files.size(samples.resolve(name));
        }
        assertThat(bytes).isLessThan(5_000_000L);
    }
}
