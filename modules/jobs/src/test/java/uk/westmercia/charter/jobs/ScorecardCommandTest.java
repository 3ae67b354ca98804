package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardCommandTest {
    @Test
    void aBadQuarterLabelIsABadCommandLine(@TempDir Path temp) {
        assertThat(CharterCli.run("scorecard", "--quarter", "2024 Q3", "--warehouse", temp.toString())).isEqualTo(2);
        assertThat(CharterCli.run("scorecard", "--quarter", "2024-26 Q1", "--warehouse", temp.toString())).isEqualTo(2);
    }

    @Test
    void aMissingWarehouseIsABadCommandLine(@TempDir Path temp) {
        assertThat(CharterCli.run("scorecard", "--quarter", "2024-25 Q3", "--warehouse", temp.resolve("none").toString())).isEqualTo(2);
    }
}
