package uk.westmercia.charter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;

/**
 * jobs/bench: --repeats pairs of a full nightly, the DuckDB script computing six headline metrics from the same
 * landing (a process of its own, its figures checked against the pipeline's), the Spark floor ({@link SparkFloor}: the
 * least a Spark job over that landing takes) and an incremental nightly after one more day (on a copy of that full
 * nightly's warehouse); then the same night again and the quarterly scorecard.
 * Replaces the current figures at the top of BENCHMARKS.md and appends the run's section to BENCHMARKS-history.md.
 */
public final class Bench {

    private static final String PSEUDO_KEY = "charter-bench-key-not-secret";
    /** A local warehouse's lock file (WarehouseLock.FILE in modules/warehouse). */
    static final String LOCK_FILE = ".lock";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs arguments;
        try {
            arguments = BenchArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchArgs.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(arguments));
    }

    static int run(BenchArgs arguments) throws Exception {
        Files.createDirectories(arguments.work());
        Path cached = landing(arguments);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = arguments.work().resolve("run-" + stamp);
        // Two landings of hard links to the same files: the full runs read from..to, the incremental nights one day more.
        Path landing = runDir.resolve("landing");
        Path landingNext = runDir.resolve("landing-next");
        linkTree(cached.resolve("base"), landing);
        linkTree(cached.resolve("base"), landingNext);
        int copied = linkTree(cached.resolve("extra"), landingNext);
        Path charter = arguments.root().resolve("jobs").resolve("charter");
        List<Measurement> measurements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();

        // (0) Not measured: a nightly on data-samples, so the launcher's class-data archive or AOT cache exists (its
        // first nightly after a build records it) and no measured run pays for it.
        ChildRun.Result warmUp = ChildRun.run(List.of(charter.toString(), "nightly", "--landing", arguments.root().resolve("data-samples").toString(),
                "--warehouse", runDir.resolve("warm-up").toString()), arguments.root(), Map.of(), runDir.resolve("warm-up.log"));
        notes.add(warmUp.exitCode() == 0
                ? String.format(Locale.ROOT, "unmeasured warm-up first: a nightly on data-samples (%.1f s), so the launcher's class-data archive or AOT cache exists", warmUp.seconds())
                : "warm-up nightly on data-samples exited " + warmUp.exitCode() + "; see " + runDir.resolve("warm-up.log"));
        String launcher = launcherInfo(charter, arguments.root());
        notes.add("launcher: " + launcher.lines().filter(line -> !line.startsWith("spark options:")).collect(Collectors.joining("; ")));

        // (1, 2, 3) --repeats pairs, one after another: a full nightly on an empty warehouse, the DuckDB script on
        // the same landing as a process of its own, then an incremental nightly after one new day of files on its
        // own copy of that warehouse. Ratios are each pair's, taken back to back: the load of other work on a
        // shared machine drifts over minutes and moves the runs of a pair alike.
        List<Measurement> fulls = new ArrayList<>();
        List<Measurement> ducks = new ArrayList<>();
        List<Measurement> nights = new ArrayList<>();
        List<Measurement> floors = new ArrayList<>();
        List<Double> duckInProcess = new ArrayList<>();
        // The first full nightly's metric_values as one Parquet file: every DuckDB run is checked against it.
        Path exported = null;
        DuckCheck.Result check = null;
        // The warehouse of the last night that succeeded: the rerun and the scorecard read it.
        Path nightWarehouse = null;
        for (int pair = 1; pair <= arguments.repeats(); pair++) {
            String ofPairs = arguments.repeats() == 1 ? "" : ", pair " + pair + " of " + arguments.repeats();
            Path warehouse = runDir.resolve("warehouse-" + pair);
            Measurement full = nightly(charter, arguments, runDir, landing, warehouse, arguments.to(), "full nightly (empty warehouse)" + ofPairs, "full-" + pair);
            measurements.add(full);
            if (full.exitCode() != 0) {
                failures.add(full.name() + " exited " + full.exitCode());
                break;
            }
            fulls.add(full);
            if (exported == null) {
                // metric_values is a Delta table: DuckDB here has no delta extension (it downloads it), so the
                // published version is exported as one plain Parquet file for it. Not timed.
                Path file = runDir.resolve("metric_values-" + pair + ".parquet");
                ChildRun.Result export = ChildRun.run(List.of(charter.toString(), "export", "--table", "metric_values", "--format", "parquet",
                        "--out", file.toString(), "--warehouse", warehouse.toString()), arguments.root(), env(runDir, "export-" + pair),
                        runDir.resolve("export-" + pair + ".log"));
                if (export.exitCode() == 0) {
                    exported = file;
                } else {
                    failures.add("export of metric_values exited " + export.exitCode() + "; see " + runDir.resolve("export-" + pair + ".log"));
                }
            }
            Measurement duck = duckScript(landing, arguments.to(), runDir, "DuckDB script, six metrics (whole process)" + ofPairs, pair, duckInProcess);
            measurements.add(duck);
            if (duck.exitCode() != 0) {
                failures.add(duck.name() + " exited " + duck.exitCode() + "; see " + runDir.resolve("duckdb-" + pair + ".log"));
            } else {
                ducks.add(duck);
                DuckCheck.Result result = null;
                try {
                    result = exported == null ? null : DuckCheck.compare(runDir.resolve("duckdb-" + pair + ".parquet"), exported);
                } catch (SQLException e) {
                    failures.add("comparing DuckDB's figures with the pipeline's failed (pair " + pair + "): " + e.getMessage());
                }
                if (result != null) {
                    System.out.printf(Locale.ROOT, "bench: DuckDB against the pipeline: %d DuckDB figures, %d pipeline figures, %d by key, %d mismatches%n",
                            result.figures(), result.pipeline(), result.compared(), result.mismatches().size());
                    if (check == null || !result.agrees()) {
                        check = result;
                    }
                    if (!result.agrees()) {
                        List<String> lines = result.mismatches().stream().map(Object::toString).toList();
                        Files.write(runDir.resolve("duckdb-mismatches-" + pair + ".txt"), lines, StandardCharsets.UTF_8);
                        failures.add(String.format(Locale.ROOT, "DuckDB and the pipeline disagree (pair %d): %d DuckDB figures, %d pipeline figures,"
                                + " %d by key, %d mismatches; see %s", pair, result.figures(), result.pipeline(), result.compared(),
                                result.mismatches().size(), runDir.resolve("duckdb-mismatches-" + pair + ".txt")));
                        lines.stream().limit(40).forEach(l -> System.err.println("bench: MISMATCH " + l));
                    }
                }
            }
            Measurement floor = sparkFloor(launcher, landing, runDir, "Spark floor: the landing read and written as Parquet (whole process)" + ofPairs, pair);
            measurements.add(floor);
            if (floor.exitCode() != 0) {
                failures.add(floor.name() + " exited " + floor.exitCode() + "; see " + runDir.resolve("spark-floor-" + pair + ".log"));
            } else {
                floors.add(floor);
            }
            Path incremental = runDir.resolve("warehouse-incremental-" + pair);
            linkTree(warehouse, incremental);
            Measurement night = nightly(charter, arguments, runDir, landingNext, incremental, arguments.extraDay(),
                    "incremental nightly (+1 day, " + copied + " files)" + ofPairs, "incremental-" + pair);
            measurements.add(night);
            if (night.exitCode() != 0) {
                failures.add(night.name() + " exited " + night.exitCode());
                break;
            }
            nights.add(night);
            nightWarehouse = incremental;
        }

        Measurement rerun = null;
        Measurement scorecard = null;
        if (nightWarehouse != null) {
            // (4) The last night again: nothing new to stage or recompute. What any nightly costs on this
            // machine before its data: the JVM, Spark, the warehouse state and the landing's file listing.
            rerun = nightly(charter, arguments, runDir, landingNext, nightWarehouse, arguments.extraDay(), "the same night again (nothing new)", "rerun");
            measurements.add(rerun);
            if (rerun.exitCode() != 0) {
                failures.add(rerun.name() + " exited " + rerun.exitCode());
            }

            // (5) Scorecard for the last quarter.
            String quarter = (arguments.to().getYear() - 1) + "-" + String.format(Locale.ROOT, "%02d", arguments.to().getYear() % 100) + " Q4";
            ChildRun.Result result = ChildRun.run(List.of(charter.toString(), "scorecard", "--quarter", quarter,
                    "--warehouse", nightWarehouse.toString(), "--out", runDir.resolve("scorecard").toString()),
                    arguments.root(), env(runDir, "scorecard"), runDir.resolve("scorecard.log"));
            scorecard = new Measurement("scorecard " + quarter, result.seconds(), -1, result.peakRssKib(),
                    GcLog.peak(readOr(runDir.resolve("gc-scorecard.log"))).usedMib(), result.exitCode());
            measurements.add(scorecard);
            if (scorecard.exitCode() != 0) {
                failures.add(scorecard.name() + " exited " + scorecard.exitCode());
            }
        }
        if (check == null && failures.isEmpty()) {
            failures.add("DuckDB's figures were not compared with the pipeline's");
        }

        Figures figures = new Figures(seconds(fulls), seconds(ducks), seconds(nights), seconds(floors));
        if (check != null) {
            notes.add(String.format(Locale.ROOT, "DuckDB check (VIS-05, RSP-01, PRV-01, PRV-04, VUL-02, REL-03; force and LPA; quarter and fyear),"
                    + " every DuckDB run against the first full nightly's metric_values: %d DuckDB figures, %d pipeline figures, %d matched by key,"
                    + " %d mismatches (numerator, denominator, value within 1e-9 relative)%s", check.figures(), check.pipeline(), check.compared(),
                    check.mismatches().size(), check.agrees() ? "" : ": FAILED"));
            check.mismatches().stream().limit(12).forEach(m -> notes.add("mismatch: " + m));
        }
        notes.add("the DuckDB script is timed as a whole process (a JVM running DuckDB's JDBC driver: start, native library,"
                + " reading the CSVs, the SQL, writing its figures to Parquet), as the nightly is; inside that process its"
                + " statements took " + duckInProcess.stream().map(s -> String.format(Locale.ROOT, "%.2f s", s)).collect(Collectors.joining(", ")));
        if (!figures.fullOverDuck().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "pairs (full nightly, DuckDB script, incremental night): %s", figures.describePairs()));
            notes.add(String.format(Locale.ROOT, "target (issue 24, scale 1 and 10, three years): full nightly at most 5 times the DuckDB script:"
                    + " %.1f times (median of the pairs' ratios)", Figures.median(figures.fullOverDuck())));
        }
        if (!figures.floorOverDuck().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "Spark floor (SparkFloor: every landing file read once by Spark's own CSV and JSON readers,"
                    + " every column as text, written as Parquet with its file's name and counted by month; no rule, reject, Delta log or"
                    + " metric; on jobs/charter's Java, options and class path, without its AOT cache): %s; %.1f times the DuckDB script"
                    + " (median of the pairs' ratios), the least any Spark job over this landing takes on this machine",
                    figures.floor().stream().map(s -> String.format(Locale.ROOT, "%.1f s", s)).collect(Collectors.joining(", ")),
                    Figures.median(figures.floorOverDuck())));
        }
        long peakHeapMib = fulls.stream().mapToLong(Measurement::peakHeapMib).max().orElse(-1);
        notes.add("driver heap: -Xmx4g, peak heap used by a full nightly " + (peakHeapMib < 0 ? "n/a" : peakHeapMib + " MiB"));
        if (rerun != null && rerun.exitCode() == 0 && !fulls.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "the same night again, with nothing to stage or recompute, took %.1f s (%.0f%% of the median full run)",
                    rerun.seconds(), 100 * rerun.seconds() / Figures.median(figures.full())));
        }
        failures.forEach(f -> notes.add("FAILED: " + f));
        return finish(arguments, measurements, notes, failures, figures, rerun, scorecard, launcher, peakHeapMib, runDir);
    }

    private static List<Double> seconds(List<Measurement> ms) {
        return ms.stream().map(Measurement::seconds).toList();
    }

    /**
     * Runs the DuckDB script as a process of its own (a JVM on this bench's class path, as jobs/charter is one
     * for the nightly), writing its figures to duckdb-PAIR.parquet; the in-process time it prints is kept.
     */
    private static Measurement duckScript(Path landing, LocalDate asOf, Path runDir, String name, int pair, List<Double> inProcess)
            throws IOException, InterruptedException {
        Path log = runDir.resolve("duckdb-" + pair + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        System.out.println("bench: " + name + " ... (log " + log + ")");
        ChildRun.Result result = ChildRun.run(List.of(java, "-Xmx512m", "-cp", classPath, DuckCheck.class.getName(),
                "--landing", landing.toString(), "--as-of", asOf.toString(), "--out", runDir.resolve("duckdb-" + pair + ".parquet").toString()),
                runDir, Map.of(), log);
        Matcher m = Pattern.compile("in (\\d+\\.\\d+) s").matcher(readOr(log));
        if (result.exitCode() == 0 && m.find()) {
            inProcess.add(Double.parseDouble(m.group(1)));
        }
        System.out.printf(Locale.ROOT, "bench: %s: %.2f s, exit %d, peak RSS %s%n", name, result.seconds(), result.exitCode(),
                GeneratorFormat.mib(result.peakRssKib()));
        return new Measurement(name, result.seconds(), -1, result.peakRssKib(), -1, result.exitCode());
    }

    /**
     * Runs {@link SparkFloor} as a process of its own on jobs/charter's Java, JVM options and class path (the
     * runnable jar's lib/ holds Spark) with this bench's jar, writing into spark-floor-PAIR/.
     */
    private static Measurement sparkFloor(String launcher, Path landing, Path runDir, String name, int pair) throws IOException, InterruptedException {
        Path log = runDir.resolve("spark-floor-" + pair + ".log");
        Map<String, String> info = launcherFields(launcher);
        String jar = info.get("jar");
        if (!info.containsKey("java") || jar == null) {
            Files.writeString(log, "jobs/charter --launcher-info did not say which java and jar:\n" + launcher + "\n", StandardCharsets.UTF_8);
            return new Measurement(name, 0, -1, -1, -1, -1);
        }
        String benchJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>();
        command.add(info.get("java"));
        command.addAll(words(info.get("options")));
        command.addAll(words(info.get("spark options")));
        command.addAll(List.of("-cp", jar + ":" + Path.of(jar).resolveSibling("lib") + "/*:" + benchJar, SparkFloor.class.getName(),
                "--landing", landing.toString(), "--out", runDir.resolve("spark-floor-" + pair).toString()));
        System.out.println("bench: " + name + " ... (log " + log + ")");
        ChildRun.Result result = ChildRun.run(command, runDir, Map.of(), log);
        deleteTree(runDir.resolve("spark-floor-" + pair));
        System.out.printf(Locale.ROOT, "bench: %s: %.1f s, exit %d, peak RSS %s%n", name, result.seconds(), result.exitCode(),
                GeneratorFormat.mib(result.peakRssKib()));
        return new Measurement(name, result.seconds(), -1, result.peakRssKib(), -1, result.exitCode());
    }

    /** The "name: value" lines of {@code jobs/charter --launcher-info} (its first line, the summary, has no colon). */
    static Map<String, String> launcherFields(String launcher) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : launcher.lines().skip(1).toList()) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        return fields;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /**
     * What jobs/charter runs on ({@code jobs/charter --launcher-info}): its first line the Java and its class-data
     * archive or AOT cache, further lines the details. Standard error (a build's messages) is not read.
     */
    private static String launcherInfo(Path charter, Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(charter.toString(), "--launcher-info").directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return launcherText(out, p.waitFor());
    }

    /** The launcher's description from what {@code --launcher-info} printed and its exit status; its lines kept. */
    static String launcherText(String output, int exit) {
        String text = output.strip();
        return exit == 0 && !text.isEmpty() ? text : "unknown (jobs/charter --launcher-info exited " + exit + ")";
    }

    private static int finish(BenchArgs arguments, List<Measurement> measurements, List<String> notes, List<String> failures,
                              Figures figures, Measurement rerun, Measurement scorecard, String launcher, long peakHeapMib, Path runDir)
            throws IOException, InterruptedException {
        notes.add("load average at the end (1, 5, 15 min; other builds share the machine): "
                + String.join(" ", readOr(Path.of("/proc/loadavg")).trim().split("\\s+")).replaceAll("^(\\S+ \\S+ \\S+).*", "$1"));
        notes.add("logs: " + runDir);
        String commit = shell(arguments.root(), "git", "rev-parse", "--short", "HEAD");
        if (!shell(arguments.root(), "git", "status", "--porcelain", "--untracked-files=no").isEmpty()) {
            commit += " (with uncommitted changes)";
        }
        BenchmarksMd.Context context = new BenchmarksMd.Context(LocalDate.now().toString(), commit,
                Runtime.getRuntime().availableProcessors(), memTotal(), launcher, arguments.scale(), arguments.years(), arguments.seed(),
                arguments.from() + " to " + arguments.to() + " + " + arguments.extraDay() + ", day files, no bad rows");
        String section = BenchmarksMd.section(context, measurements, notes);
        System.out.print(section);
        Path history = arguments.root().resolve(BenchmarksMd.HISTORY_FILE);
        if (!Files.exists(history)) {
            Files.writeString(history, BenchmarksMd.HISTORY_HEADER, StandardCharsets.UTF_8);
        }
        Files.writeString(history, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        if (!failures.isEmpty()) {
            System.err.println("bench: FAILED; BENCHMARKS.md's current figures left as they were, this run's section is in "
                    + BenchmarksMd.HISTORY_FILE + ":");
            failures.forEach(f -> System.err.println("bench:   " + f));
            return 1;
        }
        Path benchmarks = arguments.root().resolve("BENCHMARKS.md");
        String existing = Files.exists(benchmarks) ? Files.readString(benchmarks) : BenchmarksMd.skeleton();
        List<BenchmarksMd.Row> rows = BenchmarksMd.benchRows(context, figures,
                rerun == null ? Double.NaN : rerun.seconds(), scorecard == null ? Double.NaN : scorecard.seconds(), peakHeapMib);
        Files.writeString(benchmarks, BenchmarksMd.withCurrent(existing, rows), StandardCharsets.UTF_8);
        System.out.println("bench: BENCHMARKS.md's current figures replaced; this run's section appended to " + BenchmarksMd.HISTORY_FILE);
        return 0;
    }

    private static Measurement nightly(Path charter, BenchArgs arguments, Path runDir, Path landing, Path warehouse,
                                       LocalDate asOf, String name, String tag) throws IOException, InterruptedException {
        Path log = runDir.resolve("nightly-" + tag + ".log");
        System.out.println("bench: " + name + " ... (log " + log + ")");
        ChildRun.Result result = ChildRun.run(List.of(charter.toString(), "nightly", "--landing", landing.toString(),
                "--warehouse", warehouse.toString(), "--as-of", asOf.toString()), arguments.root(), env(runDir, tag), log);
        long rows = rowsRead(warehouse.resolve("runs"), result.exitCode() == 0);
        long heap = GcLog.peak(readOr(runDir.resolve("gc-" + tag + ".log"))).usedMib();
        Measurement measurement = new Measurement(name, result.seconds(), rows, result.peakRssKib(), heap, result.exitCode());
        System.out.printf(Locale.ROOT, "bench: %s: %.1f s, exit %d, %d rows read, peak RSS %s%n", name, measurement.seconds(),
                measurement.exitCode(), rows, GeneratorFormat.mib(measurement.peakRssKib()));
        return measurement;
    }

    private static Map<String, String> env(Path runDir, String tag) {
        return Map.of("CHARTER_JAVA_OPTS", "-Xmx4g -Xlog:gc:file=" + runDir.resolve("gc-" + tag + ".log"),
                "CHARTER_PSEUDO_KEY", PSEUDO_KEY);
    }

    /** Sum of input_files[].rows_read of the newest run report. */
    static long rowsRead(Path runs, boolean ok) throws IOException {
        if (!ok || !Files.isDirectory(runs)) {
            return -1;
        }
        Path newest;
        try (Stream<Path> s = Files.list(runs)) {
            newest = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified())).orElse(null);
        }
        if (newest == null) {
            return -1;
        }
        return rowsRead(new ObjectMapper().readTree(newest.toFile()));
    }

    static long rowsRead(JsonNode report) {
        long total = 0;
        for (JsonNode f : report.path("input_files")) {
            total += f.path("rows_read").asLong(0);
        }
        return total;
    }

    /** The cached landing for these arguments: base/ (from..to) and extra/ (the next day's files). */
    static Path landing(BenchArgs arguments) throws IOException {
        Path dir = arguments.work().resolve(arguments.landingKey());
        if (Files.exists(dir.resolve(".complete"))) {
            System.out.println("bench: reusing landing " + dir);
            return dir;
        }
        deleteTree(dir);
        Path base = dir.resolve("base");
        System.out.println("bench: generating landing " + dir + " (" + arguments.from() + " to " + arguments.extraDay() + ")");
        long start = System.nanoTime();
        // One generation through the extra day keeps the generator's state (ids, pending restatements) continuous;
        // the extra day's files are then moved aside. Files of earlier days are byte-identical to a from..to run.
        LandingGenerator.generate(new GeneratorOptions(base, arguments.seed(), arguments.scale(), arguments.from(), arguments.extraDay(), FileSplit.DAY)
                .withBadRows(false));
        String day = arguments.extraDay().toString();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().contains(day)).toList()) {
                Path target = dir.resolve("extra").resolve(base.relativize(f));
                Files.createDirectories(target.getParent());
                Files.move(f, target);
            }
        }
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve(".complete"), "generated in " + (System.nanoTime() - start) / 1e9 + " s\n");
        return dir;
    }

    /**
     * Hard-links every file under {@code from} into {@code to} (same relative paths) and recreates its symbolic
     * links as they are; returns the number of files. A copy of a warehouse made so is a warehouse of its own
     * another nightly can run on: a nightly writes new files and switches its relative table links, never
     * changing a file, but for the warehouse lock ({@value #LOCK_FILE}), which it locks and writes in place:
     * that one is copied, so each copy has a lock of its own.
     */
    static int linkTree(Path from, Path to) throws IOException {
        int files = 0;
        try (Stream<Path> entries = Files.walk(from)) {
            for (Path entry : entries.toList()) {
                Path target = to.resolve(from.relativize(entry).toString());
                if (Files.isSymbolicLink(entry)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(entry));
                } else if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else if (entry.getFileName().toString().equals(LOCK_FILE)) {
                    Files.copy(entry, target);
                    files++;
                } else {
                    try {
                        Files.createLink(target, entry);
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(entry, target);
                    }
                    files++;
                }
            }
        }
        return files;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String readOr(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static String memTotal() {
        String mem = readOr(Path.of("/proc/meminfo")).lines().filter(l -> l.startsWith("MemTotal:")).findFirst().orElse("");
        String kb = mem.replaceAll("[^0-9]", "");
        return kb.isEmpty() ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
    }

    private static String javaVersion() {
        return "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static String shell(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}
