package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The schedules under jobs/schedules run the launcher's real commands at the agreed times: each
 * command line found in them is parsed by CharterCli's own picocli model, so an option renamed in
 * the code and not in a schedule fails here.
 */
class ScheduleFilesTest {
    private static final Path SCHEDULES = projectDir().resolve("jobs/schedules");
    private static final String NIGHTLY_CRON = "0 2 * * *";
    private static final String SCORECARD_CRON = "0 6 2 1,4,7,10 *";
    private static final String MAINTAIN_CRON = "0 5 * * 0";

    static Path projectDir() {
        String property = System.getProperty("charter.project.dir");
        Path dir = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("jobs/charter"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** Parses arguments as jobs/charter would, and checks the command and its options. */
    private static CommandLine.ParseResult parse(List<String> arguments) {
        String[] resolved = CharterCli.resolvePreviousQuarter(arguments.toArray(String[]::new), LocalDate.of(2025, 7, 2));
        CommandLine.ParseResult result = new CommandLine(new CharterCli()).parseArgs(resolved);
        assertThat(result.hasSubcommand()).as("a command in %s", arguments).isTrue();
        return result.subcommand();
    }

    private static void assertNightly(List<String> arguments, String where) {
        CommandLine.ParseResult nightly = parse(arguments);
        assertThat(nightly.commandSpec().name()).as(where).isEqualTo("nightly");
        assertThat(nightly.hasMatchedOption("--landing")).as(where + " --landing").isTrue();
        assertThat(nightly.hasMatchedOption("--warehouse")).as(where + " --warehouse").isTrue();
        assertThat(nightly.hasMatchedOption("--as-of")).as(where + ": a schedule leaves --as-of to its default, yesterday").isFalse();
    }

    private static void assertMaintain(List<String> arguments, String where) {
        CommandLine.ParseResult maintain = parse(arguments);
        assertThat(maintain.commandSpec().name()).as(where).isEqualTo("maintain");
        assertThat(maintain.hasMatchedOption("--warehouse")).as(where + " --warehouse").isTrue();
        assertThat(maintain.matchedOption("--retention-days").<Long>getValue()).as(where).isEqualTo(7L);
    }

    private static void assertScorecard(List<String> arguments, String where) {
        CommandLine.ParseResult scorecard = parse(arguments);
        assertThat(scorecard.commandSpec().name()).as(where).isEqualTo("scorecard");
        assertThat(arguments).as(where).containsSubsequence("--quarter", "previous");
        assertThat(scorecard.matchedOption("--quarter").<String>getValue()).as(where).isEqualTo("2025-26 Q1");
        assertThat(scorecard.hasMatchedOption("--warehouse")).as(where + " --warehouse").isTrue();
    }

    /** The words of a shell command after {@code jobs/charter}, up to a redirection. */
    private static List<String> charterArguments(String command) {
        List<String> words = shellWords(command);
        int start = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).endsWith("jobs/charter")) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("jobs/charter in: %s", command).isPositive();
        List<String> arguments = new ArrayList<>();
        for (String word : words.subList(start, words.size())) {
            if (word.startsWith(">") || word.equals("2>&1") || word.equals("&&") || word.equals("|")) {
                break;
            }
            arguments.add(word);
        }
        return arguments;
    }

    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
        while (matcher.find()) {
            words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return words;
    }

    @Test
    void crontab_runs_the_nightly_at_two_and_the_scorecard_quarterly_in_london_time() throws IOException {
        List<String> lines = Files.readAllLines(SCHEDULES.resolve("crontab")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(lines).contains("CRON_TZ=Europe/London");
        Map<String, String> jobs = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.matches("[A-Z_]+=.*")) {
                continue;
            }
            String[] fields = line.split("\\s+", 6);
            assertThat(fields).as(line).hasSize(6);
            jobs.put(String.join(" ", Arrays.copyOf(fields, 5)), fields[5]);
        }
        assertThat(jobs).containsOnlyKeys(NIGHTLY_CRON, SCORECARD_CRON, MAINTAIN_CRON);
        assertMaintain(charterArguments(jobs.get(MAINTAIN_CRON)), "crontab maintain");
        String nightly = jobs.get(NIGHTLY_CRON);
        assertThat(nightly).contains("flock -n ");
        assertNightly(charterArguments(nightly), "crontab nightly");
        assertScorecard(charterArguments(jobs.get(SCORECARD_CRON)), "crontab scorecard");
    }

    private static Map<String, String> unit(String name) throws IOException {
        Map<String, String> keys = new HashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(SCHEDULES.resolve("systemd").resolve(name))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            int equals = line.indexOf('=');
            keys.merge(section + line.substring(0, equals), line.substring(equals + 1), (a, b) -> a + "\n" + b);
        }
        return keys;
    }

    @Test
    void systemd_timers_start_the_services_at_london_times_and_catch_up_missed_runs() throws IOException {
        Map<String, String> nightlyTimer = unit("charter-nightly.timer");
        assertThat(nightlyTimer).containsEntry("[Timer]OnCalendar", "*-*-* 02:00:00 Europe/London")
                .containsEntry("[Timer]Persistent", "true").containsEntry("[Timer]Unit", "charter-nightly.service");
        Map<String, String> nightly = unit("charter-nightly.service");
        assertThat(nightly).containsEntry("[Service]Type", "oneshot");
        assertNightly(charterArguments(nightly.get("[Service]ExecStart")), "systemd nightly");

        Map<String, String> scorecardTimer = unit("charter-scorecard.timer");
        assertThat(scorecardTimer).containsEntry("[Timer]OnCalendar", "*-01,04,07,10-02 06:00:00 Europe/London")
                .containsEntry("[Timer]Persistent", "true").containsEntry("[Timer]Unit", "charter-scorecard.service");
        assertScorecard(charterArguments(unit("charter-scorecard.service").get("[Service]ExecStart")), "systemd scorecard");

        assertThat(unit("charter-maintain.timer")).containsEntry("[Timer]OnCalendar", "Sun *-*-* 05:00:00 Europe/London")
                .containsEntry("[Timer]Persistent", "true").containsEntry("[Timer]Unit", "charter-maintain.service");
        assertMaintain(charterArguments(unit("charter-maintain.service").get("[Service]ExecStart")), "systemd maintain");
    }

    private static List<String> arguments(JsonNode template) {
        List<String> arguments = new ArrayList<>();
        template.path("arguments").forEach(node -> arguments.add(node.asText()));
        return arguments;
    }

    @Test
    void spark_operator_schedules_forbid_overlap_and_run_the_cluster_jar() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode nightly = yaml.readTree(SCHEDULES.resolve("kubernetes/charter-nightly.yaml").toFile());
        JsonNode scorecard = yaml.readTree(SCHEDULES.resolve("kubernetes/charter-scorecard.yaml").toFile());
        for (JsonNode app : List.of(nightly, scorecard)) {
            assertThat(app.path("apiVersion").asText()).isEqualTo("sparkoperator.k8s.io/v1beta2");
            assertThat(app.path("kind").asText()).isEqualTo("ScheduledSparkApplication");
            assertThat(app.at("/spec/timeZone").asText()).isEqualTo("Europe/London");
            assertThat(app.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
            assertThat(app.at("/spec/template/mainClass").asText()).isEqualTo(CharterCli.class.getName());
            assertThat(app.at("/spec/template/mainApplicationFile").asText()).endsWith("/charter-jobs-cluster.jar");
            assertThat(app.at("/spec/template/sparkVersion").asText()).startsWith("4.");
        }
        assertThat(nightly.at("/spec/schedule").asText()).isEqualTo(NIGHTLY_CRON);
        assertNightly(arguments(nightly.at("/spec/template")), "kubernetes nightly");
        assertThat(nightly.at("/spec/template/driver/env/0/name").asText()).isEqualTo(PseudonymisationKey.ENVIRONMENT_VARIABLE);
        assertThat(scorecard.at("/spec/schedule").asText()).isEqualTo(SCORECARD_CRON);
        assertScorecard(arguments(scorecard.at("/spec/template")), "kubernetes scorecard");
    }

    @Test
    void airflow_dags_submit_the_cluster_jar_with_the_launchers_arguments() throws IOException {
        String dag = Files.readString(SCHEDULES.resolve("airflow/charter_dag.py"));
        Map<String, String> constants = new HashMap<>();
        Matcher constant = Pattern.compile("(?m)^([A-Z_]+) = \"([^\"]*)\"$").matcher(dag);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        assertThat(constants).containsEntry("MAIN_CLASS", CharterCli.class.getName());
        assertThat(constants.get("CHARTER_JAR")).endsWith("/charter-jobs-cluster.jar");
        assertThat(dag).contains("pendulum.timezone(\"Europe/London\")", "SparkSubmitOperator(");

        Matcher dags = Pattern.compile("dag_id=\"([a-z_]+)\".*?schedule=\"([^\"]+)\".*?application_args=\\[([^\\]]*)\\]", Pattern.DOTALL).matcher(dag);
        Map<String, List<String>> arguments = new HashMap<>();
        Map<String, String> schedules = new HashMap<>();
        while (dags.find()) {
            List<String> values = new ArrayList<>();
            for (String item : dags.group(3).split(",")) {
                String token = item.strip();
                values.add(token.startsWith("\"") ? token.substring(1, token.length() - 1) : constants.get(token));
            }
            arguments.put(dags.group(1), values);
            schedules.put(dags.group(1), dags.group(2));
        }
        assertThat(schedules).containsEntry("charter_nightly", NIGHTLY_CRON).containsEntry("charter_scorecard", SCORECARD_CRON);
        assertThat(dag).contains("max_active_runs=1");
        assertNightly(arguments.get("charter_nightly"), "airflow nightly");
        assertScorecard(arguments.get("charter_scorecard"), "airflow scorecard");
    }

    @Test
    void previous_quarter_is_the_financial_quarter_before_today() {
        String[] args = {"scorecard", "--quarter", "previous"};
        assertThat(CharterCli.resolvePreviousQuarter(args, LocalDate.of(2025, 4, 2))[2]).isEqualTo("2024-25 Q4");
        assertThat(CharterCli.resolvePreviousQuarter(args, LocalDate.of(2025, 7, 2))[2]).isEqualTo("2025-26 Q1");
        assertThat(CharterCli.resolvePreviousQuarter(args, LocalDate.of(2025, 10, 2))[2]).isEqualTo("2025-26 Q2");
        assertThat(CharterCli.resolvePreviousQuarter(args, LocalDate.of(2026, 1, 2))[2]).isEqualTo("2025-26 Q3");
        assertThat(CharterCli.resolvePreviousQuarter(new String[] {"scorecard", "--quarter=previous"}, LocalDate.of(2026, 3, 31))[1])
                .isEqualTo("--quarter=2025-26 Q3");
        assertThat(CharterCli.resolvePreviousQuarter(new String[] {"scorecard", "--quarter", "2024-25 Q2"}, LocalDate.of(2026, 1, 2))[2])
                .isEqualTo("2024-25 Q2");
        assertThat(CharterCli.resolvePreviousQuarter(new String[] {"export", "--table", "previous"}, LocalDate.of(2026, 1, 2))[2])
                .isEqualTo("previous");
    }
}
