package uk.westmercia.charter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import uk.westmercia.charter.generator.FileSplit;
import uk.westmercia.charter.generator.GeneratorOptions;
import uk.westmercia.charter.generator.LandingGenerator;

/**
 * jobs/bench: --repeats pairs of a full nightly and an incremental nightly after one more day (on a copy of that
 * full nightly's warehouse), quarterly scorecard, and a DuckDB cross-check of six headline metrics; appends the
 * results to BENCHMARKS.md.
 */
public final class Bench {

    private static final String PSEUDO_KEY = "charter-bench-key-not-secret";

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

        // (0) Not measured: a nightly on data-samples, so the launcher's class-data archive exists (its first
        // nightly after a build records it, about 10 s more) and neither measured run pays for it.
        ChildRun.Result warmUp = ChildRun.run(List.of(charter.toString(), "nightly", "--landing", arguments.root().resolve("data-samples").toString(),
                "--warehouse", runDir.resolve("warm-up").toString()), arguments.root(), Map.of(), runDir.resolve("warm-up.log"));
        notes.add(warmUp.exitCode() == 0
                ? String.format(Locale.ROOT, "unmeasured warm-up first: a nightly on data-samples (%.1f s), so the launcher's class-data archive exists", warmUp.seconds())
                : "warm-up nightly on data-samples exited " + warmUp.exitCode() + "; see " + runDir.resolve("warm-up.log"));

        // (1, 2) --repeats pairs, one after another: a full nightly on an empty warehouse, then an incremental
        // nightly after one new day of files on its own copy of that warehouse. The target ratio is each pair's,
        // taken back to back: the load of other work on a shared machine drifts over minutes and moves both alike.
        List<Measurement> fulls = new ArrayList<>();
        List<Measurement> nights = new ArrayList<>();
        DuckCheck.Result duck = null;
        // The warehouse of the last night that succeeded: the rerun and the scorecard read it.
        Path nightWarehouse = null;
        for (int pair = 1; pair <= arguments.repeats(); pair++) {
            String ofPairs = arguments.repeats() == 1 ? "" : ", pair " + pair + " of " + arguments.repeats();
            Path warehouse = runDir.resolve("warehouse-" + pair);
            Measurement full = nightly(charter, arguments, runDir, landing, warehouse, arguments.to(), "full nightly (empty warehouse)" + ofPairs, "full-" + pair);
            measurements.add(full);
            if (full.exitCode() != 0) {
                break;
            }
            fulls.add(full);
            if (pair == 1) {
                // DuckDB cross-check against the first full nightly's metric_values (same landing, same as-of).
                try {
                    // metric_values is a Delta table: DuckDB here has no delta extension (it downloads it), so the
                    // published version is exported as one plain Parquet file for it.
                    Path exported = runDir.resolve("metric_values-" + pair + ".parquet");
                    ChildRun.Result export = ChildRun.run(List.of(charter.toString(), "export", "--table", "metric_values", "--format", "parquet",
                            "--out", exported.toString(), "--warehouse", warehouse.toString()), arguments.root(), env(runDir, "export-" + pair),
                            runDir.resolve("export-" + pair + ".log"));
                    if (export.exitCode() != 0) {
                        throw new IllegalStateException("export of metric_values failed (exit " + export.exitCode() + ")");
                    }
                    duck = DuckCheck.run(landing, exported, arguments.to());
                    System.out.printf(Locale.ROOT, "bench: DuckDB six metrics in %.2f s: %d figures, %d compared, %d mismatches%n",
                            duck.computeSeconds(), duck.figures(), duck.compared(), duck.mismatches().size());
                    List<String> lines = duck.mismatches().stream().map(Object::toString).toList();
                    Files.write(runDir.resolve("duckdb-mismatches.txt"), lines, StandardCharsets.UTF_8);
                    lines.stream().limit(40).forEach(l -> System.out.println("  mismatch: " + l));
                } catch (Exception e) {
                    notes.add("DuckDB check failed: " + e.getMessage().lines().findFirst().orElse(""));
                    e.printStackTrace();
                }
            }
            Path incremental = runDir.resolve("warehouse-incremental-" + pair);
            linkTree(warehouse, incremental);
            Measurement night = nightly(charter, arguments, runDir, landingNext, incremental, arguments.extraDay(),
                    "incremental nightly (+1 day, " + copied + " files)" + ofPairs, "incremental-" + pair);
            measurements.add(night);
            if (night.exitCode() != 0) {
                break;
            }
            nights.add(night);
            nightWarehouse = incremental;
        }
        double[] fullSeconds = fulls.stream().mapToDouble(Measurement::seconds).toArray();
        double fullMedian = median(fullSeconds);
        if (nights.isEmpty()) {
            // No pair completed: what the first full run and DuckDB found is still reported.
            addDuckCheck(duck, fullMedian, fulls.size(), measurements, notes);
            return finish(arguments, measurements, notes, cached, runDir);
        }
        double[] nightSeconds = nights.stream().mapToDouble(Measurement::seconds).toArray();
        double[] ratios = pairRatios(fullSeconds, nightSeconds);
        double ratio = median(ratios);
        long peakHeapMib = fulls.stream().mapToLong(Measurement::peakHeapMib).max().orElse(-1);

        // (2b) The last night again: nothing new to stage or recompute. What any nightly costs on this
        // machine before its data: the JVM, Spark, the warehouse state and the landing's file listing.
        Measurement rerun = nightly(charter, arguments, runDir, landingNext, nightWarehouse, arguments.extraDay(), "the same night again (nothing new)", "rerun");
        measurements.add(rerun);

        // (3) Scorecard for the last quarter.
        String quarter = (arguments.to().getYear() - 1) + "-" + String.format(Locale.ROOT, "%02d", arguments.to().getYear() % 100) + " Q4";
        Path log = runDir.resolve("scorecard.log");
        ChildRun.Result scorecard = ChildRun.run(List.of(charter.toString(), "scorecard", "--quarter", quarter,
                "--warehouse", nightWarehouse.toString(), "--out", runDir.resolve("scorecard").toString()),
                arguments.root(), env(runDir, "scorecard"), log);
        measurements.add(new Measurement("scorecard " + quarter, scorecard.seconds(), -1, scorecard.peakRssKib(),
                GcLog.peak(readOr(runDir.resolve("gc-scorecard.log"))).usedMib(), scorecard.exitCode()));

        addDuckCheck(duck, fullMedian, fulls.size(), measurements, notes);
        if (nights.size() > 1) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < nights.size(); i++) {
                pairs.add(String.format(Locale.ROOT, "%.1f s then %.1f s (%.0f%%)", fullSeconds[i], nightSeconds[i], 100 * ratios[i]));
            }
            notes.add(String.format(Locale.ROOT, "pairs (full, then incremental): %s; median ratio %.0f%% (%.0f%% to %.0f%%);"
                    + " median full %.1f s, median incremental %.1f s", String.join("; ", pairs), 100 * ratio,
                    100 * Arrays.stream(ratios).min().orElseThrow(), 100 * Arrays.stream(ratios).max().orElseThrow(), fullMedian, median(nightSeconds)));
        }
        notes.add(String.format(Locale.ROOT, "targets (issue 7, at scale 1 and 3 years): full nightly < 120 s: %.1f s%s; incremental < 40%% of full: %.0f%%%s;"
                + " driver heap <= 4 GB: -Xmx4g, peak heap used %s", fullMedian, fulls.size() > 1 ? " (median)" : "", 100 * ratio,
                nights.size() > 1 ? " (median of the pairs' ratios)" : "",
                peakHeapMib < 0 ? "n/a" : peakHeapMib + " MiB"));
        if (rerun.exitCode() == 0) {
            notes.add(String.format(Locale.ROOT, "the same night again, with nothing to stage or recompute, took %.1f s (%.0f%% of the median full run)",
                    rerun.seconds(), 100 * rerun.seconds() / fullMedian));
        }
        return finish(arguments, measurements, notes, cached, runDir);
    }

    /** The DuckDB cross-check's row and notes, when it ran; its time ratio is against the median full run. */
    private static void addDuckCheck(DuckCheck.Result duck, double fullMedian, int fullRuns, List<Measurement> measurements, List<String> notes) {
        if (duck == null) {
            return;
        }
        measurements.add(new Measurement("DuckDB: six metrics from the landing CSVs (in-process)", duck.computeSeconds(), -1, -1, -1, 0));
        notes.add(String.format(Locale.ROOT, "DuckDB cross-check (VIS-05, RSP-01, PRV-01, PRV-04, VUL-02, REL-03; force and LPA;"
                + " quarter and fyear): %d DuckDB figures, %d matched by key with metric_values, %d mismatches"
                + " (numerator, denominator, value within 1e-9 relative); time ratio full nightly%s / DuckDB = %.1f",
                duck.figures(), duck.compared(), duck.mismatches().size(), fullRuns > 1 ? " (median)" : "", fullMedian / duck.computeSeconds()));
        duck.mismatches().stream().limit(12).forEach(m -> notes.add("mismatch: " + m));
    }

    /** Each pair's incremental night over its full run, in pair order; pairs past the shorter array are left out. */
    static double[] pairRatios(double[] full, double[] incremental) {
        int pairs = Math.min(full.length, incremental.length);
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            ratios[i] = incremental[i] / full[i];
        }
        return ratios;
    }

    private static int finish(BenchArgs arguments, List<Measurement> measurements, List<String> notes, Path cached, Path runDir)
            throws IOException, InterruptedException {
        notes.add("load average at the end (1, 5, 15 min; other builds share the machine): "
                + String.join(" ", readOr(Path.of("/proc/loadavg")).trim().split("\\s+")).replaceAll("^(\\S+ \\S+ \\S+).*", "$1"));
        notes.add("logs: " + runDir);
        BenchmarksMd.Context context = new BenchmarksMd.Context(LocalDate.now().toString(), shell(arguments.root(), "git", "rev-parse", "--short", "HEAD"),
                Runtime.getRuntime().availableProcessors(), memTotal(), javaVersion(), arguments.scale(), arguments.years(), arguments.seed(),
                arguments.from() + " to " + arguments.to() + " + " + arguments.extraDay() + ", day files, no bad rows");
        String section = BenchmarksMd.section(context, measurements, notes);
        System.out.print(section);
        Path benchmarks = arguments.root().resolve("BENCHMARKS.md");
        if (!Files.exists(benchmarks)) {
            Files.writeString(benchmarks, BenchmarksMd.HEADER, StandardCharsets.UTF_8);
        }
        Files.writeString(benchmarks, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return measurements.stream().allMatch(m -> m.exitCode() == 0) ? 0 : 1;
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

    /** The middle value, or the mean of the two middle values; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Hard-links every file under {@code from} into {@code to} (same relative paths) and recreates its symbolic
     * links as they are; returns the number of files. A copy of a warehouse made so is a warehouse of its own
     * another nightly can run on: a nightly writes new files and switches its relative table links, never
     * changing a file.
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
