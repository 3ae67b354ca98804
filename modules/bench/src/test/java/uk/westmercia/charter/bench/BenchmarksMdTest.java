package uk.westmercia.charter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarksMdTest {

    private static final BenchmarksMd.Context CONTEXT = new BenchmarksMd.Context("2026-12-07", "abc1234", 2, "23.5 GiB",
            "Java 25.0.3, AOT cache\njava: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java", 1, 3, 20240401L, "landing");

    @Test
    void theCurrentFiguresOfARun() {
        Figures f = new Figures(List.of(60.0, 75.0, 70.0), List.of(4.0, 5.0, 7.0), List.of(24.0, 30.0, 21.0), List.of(36.0, 40.0, 63.0));
        List<BenchmarksMd.Row> rows = BenchmarksMd.benchRows(CONTEXT, f, 9.87, 6.4, 2365);
        assertThat(rows).extracting(BenchmarksMd.Row::markdown).containsExactly(
                "| full nightly, empty warehouse | 70.0 s | 60.0 to 75.0 s | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| DuckDB script, six metrics (whole process) | 5.0 s | 4.0 to 7.0 s | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| full nightly / DuckDB script, pair by pair | 15.0 times | 10.0 to 15.0 times | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| Spark floor: the landing read and written as Parquet, no rule checked (whole process) | 40.0 s | 36.0 to 63.0 s | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| Spark floor / DuckDB script, pair by pair | 9.0 times | 8.0 to 9.0 times | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| incremental night, one new day | 24.0 s | 21.0 to 30.0 s | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| incremental night / full nightly, pair by pair | 40% | 30% to 40% | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| the same night again, nothing new | 9.9 s |  | 1 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| quarterly scorecard | 6.4 s |  | 1 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |",
                "| peak heap used, full nightly (largest of the runs; -Xmx4g) | 2,365 MiB |  | 3 | 1, 3 | 2 cores, 23.5 GiB; Java 25.0.3, AOT cache | 2026-12-07 | `abc1234` | jobs/bench --scale 1 --years 3 |");
        // A run with no DuckDB figure has no DuckDB rows.
        assertThat(BenchmarksMd.benchRows(CONTEXT, new Figures(List.of(60.0), List.of(), List.of(), List.of()), Double.NaN, Double.NaN, -1))
                .extracting(BenchmarksMd.Row::measure).containsExactly("full nightly, empty warehouse");
    }

    @Test
    void theMachineCellTakesTheLaunchersFirstLine() {
        // As jobs/charter --launcher-info prints it; the details go to the history's notes, not into every row.
        String launcher = Bench.launcherText("Java 25.0.3, AOT cache\njava: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java\n"
                + "cache: /repo/modules/jobs/target/charter-jobs.java25.0.3-1.aot\noptions: -Xmx4g -XX:+UseParallelGC\n", 0);
        BenchmarksMd.Context c = new BenchmarksMd.Context("2026-12-07", "abc1234", 2, "23.5 GiB", launcher, 1, 3, 1L, "landing");
        assertThat(c.machine()).isEqualTo("2 cores, 23.5 GiB; Java 25.0.3, AOT cache");
        assertThat(BenchmarksMd.section(c, List.of(), List.of())).contains("- machine: 2 cores, 23.5 GiB; Java 25.0.3, AOT cache\n");
        assertThat(Bench.launcherText("", 0)).isEqualTo("unknown (jobs/charter --launcher-info exited 0)");
        // The Spark floor runs on the launcher's java, options and jar.
        assertThat(Bench.launcherFields(launcher)).containsEntry("java", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
                .containsEntry("options", "-Xmx4g -XX:+UseParallelGC").doesNotContainKey("Java 25.0.3, AOT cache");
        assertThat(Bench.launcherText("Java 17.0.15, class-data archive\n", 2)).isEqualTo("unknown (jobs/charter --launcher-info exited 2)");
    }

    @Test
    void aBenchReplacesItsOwnRowsAndKeepsThoseMeasuredByHand() {
        String text = "# Benchmarks\n\nIntro.\n\n" + BenchmarksMd.BEGIN + "\n" + BenchmarksMd.TABLE_HEADER
                + "| full nightly, empty warehouse | 80.0 s | 70.0 to 90.0 s | 3 | 1, 3 | old machine | 2026-12-01 | `0000000` | jobs/bench |\n"
                + "| incremental night, Java 17 | 25.2 s | 24.0 to 27.0 s | 5 | 1, 3 | 2 cores | 2026-12-06 | `1111111` | by hand |\n"
                + BenchmarksMd.END + "\n\n## How to reproduce\n\nRun it.\n";
        List<BenchmarksMd.Row> rows = List.of(new BenchmarksMd.Row("full nightly, empty warehouse", "60.0 s", "", 1, "1, 3", "m",
                "2026-12-07", "abc1234", BenchmarksMd.HOW));
        String updated = BenchmarksMd.withCurrent(text, rows);
        assertThat(updated).isEqualTo("# Benchmarks\n\nIntro.\n\n" + BenchmarksMd.BEGIN + "\n" + BenchmarksMd.TABLE_HEADER
                + "| full nightly, empty warehouse | 60.0 s |  | 1 | 1, 3 | m | 2026-12-07 | `abc1234` | jobs/bench |\n"
                + "| incremental night, Java 17 | 25.2 s | 24.0 to 27.0 s | 5 | 1, 3 | 2 cores | 2026-12-06 | `1111111` | by hand |\n"
                + BenchmarksMd.END + "\n\n## How to reproduce\n\nRun it.\n");
        // Again with the same rows: nothing moves.
        assertThat(BenchmarksMd.withCurrent(updated, rows)).isEqualTo(updated);
    }

    @Test
    void aBenchAtAnotherScaleLeavesTheScaleOneRowsStanding() {
        BenchmarksMd.Context scale10 = new BenchmarksMd.Context("2026-12-07", "abc1234", 2, "23.5 GiB", "Java 25", 10, 3, 1, "l");
        assertThat(scale10.how()).isEqualTo("jobs/bench --scale 10 --years 3");
        assertThat(new BenchmarksMd.Context("d", "c", 2, "m", "j", 1, 3, 1, "l").how()).isEqualTo("jobs/bench --scale 1 --years 3");
        assertThat(new BenchmarksMd.Context("d", "c", 2, "m", "j", 0.05, 1, 1, "l").how()).isEqualTo("jobs/bench --scale 0.05 --years 1");
        String text = BenchmarksMd.BEGIN + "\n" + BenchmarksMd.TABLE_HEADER
                + "| full nightly, empty warehouse | 80.0 s |  | 3 | 1, 3 | m | 2026-12-01 | `0000000` | jobs/bench --scale 1 --years 3 |\n"
                + "| full nightly, empty warehouse | 900.0 s |  | 1 | 10, 3 | m | 2026-12-01 | `0000000` | jobs/bench --scale 10 --years 3 |\n"
                + "| incremental night, Java 17 | 25.2 s |  | 5 | 1, 3 | m | 2026-12-01 | `1111111` | by hand |\n"
                + BenchmarksMd.END + "\n";
        List<BenchmarksMd.Row> rows = List.of(new BenchmarksMd.Row("full nightly, empty warehouse", "1000.0 s", "", 1, "10, 3", "m",
                "2026-12-07", "abc1234", scale10.how()));
        // The scale-1 rows stay first, the scale-10 rows after them, the rows by hand last.
        assertThat(BenchmarksMd.withCurrent(text, rows)).isEqualTo(BenchmarksMd.BEGIN + "\n" + BenchmarksMd.TABLE_HEADER
                + "| full nightly, empty warehouse | 80.0 s |  | 3 | 1, 3 | m | 2026-12-01 | `0000000` | jobs/bench --scale 1 --years 3 |\n"
                + "| full nightly, empty warehouse | 1000.0 s |  | 1 | 10, 3 | m | 2026-12-07 | `abc1234` | jobs/bench --scale 10 --years 3 |\n"
                + "| incremental night, Java 17 | 25.2 s |  | 5 | 1, 3 | m | 2026-12-01 | `1111111` | by hand |\n"
                + BenchmarksMd.END + "\n");
    }

    @Test
    void withoutATableTheFiguresGoFirst() {
        List<BenchmarksMd.Row> rows = List.of(new BenchmarksMd.Row("m", "1.0 s", "", 1, "1, 3", "x", "d", "c", BenchmarksMd.HOW));
        assertThat(BenchmarksMd.withCurrent("# Benchmarks\n\nOld text.\n", rows)).isEqualTo("# Benchmarks\n\n" + BenchmarksMd.BEGIN + "\n"
                + BenchmarksMd.TABLE_HEADER + "| m | 1.0 s |  | 1 | 1, 3 | x | d | `c` | jobs/bench |\n" + BenchmarksMd.END + "\n\nOld text.\n");
        assertThat(BenchmarksMd.withCurrent(BenchmarksMd.skeleton(), rows)).startsWith("# Benchmarks\n\n" + BenchmarksMd.BEGIN)
                .contains("| m | 1.0 s |").endsWith("History: [BENCHMARKS-history.md](BENCHMARKS-history.md).\n");
    }
}
