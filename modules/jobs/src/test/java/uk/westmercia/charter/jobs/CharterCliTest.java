package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says before any work starts; no Spark session is needed, none is started. */
class CharterCliTest {
    @TempDir
    Path temp;

    /** A command's exit code, standard output and standard error. */
    record Outcome(int code, String out, String err) {
        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = CharterCli.run(args);
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandSuggestsTheLaunchersOwnHelp() {
        Outcome outcome = run("nightlly");

        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("Try 'jobs/charter --help'.").doesNotContain("charter charter");
        assertThat(run("nightly", "--bogus").err()).contains("Try 'jobs/charter nightly --help'.");
        assertThat(run("--help").out()).startsWith("Usage: jobs/charter ");
        assertThat(run("export", "--help").out()).startsWith("Usage: jobs/charter export ");
    }

    @Test
    void aWarehousePathThatIsAFileIsABadCommandLineSaidPlainly() throws Exception {
        Path file = Files.writeString(temp.resolve("warehouse"), "not a folder");
        Path landing = Files.createDirectories(temp.resolve("landing"));
        String expected = " --warehouse " + file + " is a file, not a folder; give the warehouse folder (a new folder is created)";

        Outcome nightly = run("nightly", "--landing", landing.toString(), "--warehouse", file.toString());
        assertThat(nightly.code()).isEqualTo(2);
        assertThat(nightly.firstErrLine()).isEqualTo("charter: Cannot run nightly:" + expected);

        Outcome scorecard = run("scorecard", "--quarter", "2024-25 Q4", "--warehouse", file.toString());
        assertThat(scorecard.code()).isEqualTo(2);
        assertThat(scorecard.firstErrLine()).isEqualTo("charter: Cannot run scorecard:" + expected);

        Outcome export = run("export", "--table", "metric_values", "--warehouse", file.toString());
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.firstErrLine()).isEqualTo("charter: Cannot export:" + expected);

        Outcome under = run("nightly", "--landing", landing.toString(), "--warehouse", file.resolve("wh").toString());
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.firstErrLine()).isEqualTo("charter: Cannot run nightly: --warehouse " + file.resolve("wh")
                + " cannot be a folder: " + file + " is a file, not a folder");
        // Nothing was touched: no lock, no run report.
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void anAsOfInTheFutureIsRefusedUnlessSaidToBeMeant() {
        Path warehouse = temp.resolve("wh");
        Path missing = temp.resolve("no-landing");

        Outcome refused = run("nightly", "--as-of", "2999-01-01", "--landing", missing.toString(), "--warehouse", warehouse.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.firstErrLine()).matches("charter: Cannot run nightly: --as-of 2999-01-01 is in the future "
                + "\\(today is \\d{4}-\\d{2}-\\d{2}, London time\\); give --allow-future-as-of as well if that is meant");
        assertThat(warehouse).doesNotExist();

        // With the flag the date is accepted and the run goes on to its next check (here: no landing folder).
        Outcome meant = run("nightly", "--as-of", "2999-01-01", "--allow-future-as-of", "--landing", missing.toString(),
                "--warehouse", warehouse.toString());
        assertThat(meant.code()).isEqualTo(2);
        assertThat(meant.firstErrLine()).isEqualTo("charter: Cannot run nightly: landing folder " + missing + " does not exist");
        // A past date is not refused.
        assertThat(run("nightly", "--as-of", "2024-03-31", "--landing", missing.toString(), "--warehouse", warehouse.toString()).firstErrLine())
                .isEqualTo("charter: Cannot run nightly: landing folder " + missing + " does not exist");
    }
}
