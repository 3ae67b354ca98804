package uk.westmercia.charter.bench;

import java.util.List;
import java.util.Locale;

/** The Markdown section one bench run appends to BENCHMARKS.md. */
final class BenchmarksMd {

    static final String HEADER = "# Benchmarks\n\n"
            + "Written by `jobs/bench` (modules/bench): one section per run, newest last. Wall times are the child\n"
            + "process's (JVM start included), run through the production launcher `jobs/charter` with\n"
            + "`CHARTER_JAVA_OPTS=-Xmx4g`, after an unmeasured warm-up nightly on data-samples (which records the\n"
            + "launcher's class-data archive). Rows/s = rows read (run report `input_files[].rows_read`) / wall time.\n"
            + "Peak RSS is the Spark driver JVM's VmHWM; peak heap is the largest heap in use in its `-Xlog:gc` log.\n"
            + "`--repeats` pairs (default 3) are measured one after another: a full nightly, then an incremental night on a\n"
            + "copy of its warehouse; the target ratio is the median of the pairs' own ratios.\n";

    private BenchmarksMd() {
    }

    record Context(String date, String commit, int cores, String memory, String java, double scale, int years,
                   long seed, String landing) {
    }

    static String table(List<Measurement> ms) {
        StringBuilder b = new StringBuilder();
        b.append("| measurement | wall time | rows read | rows/s | peak RSS (VmHWM) | peak heap used | exit |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : ms) {
            b.append("| ").append(m.name())
                    .append(" | ").append(GeneratorFormat.seconds(m.seconds()))
                    .append(" | ").append(m.rowsRead() < 0 ? "" : GeneratorFormat.grouped(m.rowsRead()))
                    .append(" | ").append(m.rowsPerSecond() < 0 ? "" : GeneratorFormat.grouped(m.rowsPerSecond()))
                    .append(" | ").append(GeneratorFormat.mib(m.peakRssKib()))
                    .append(" | ").append(m.peakHeapMib() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", m.peakHeapMib()))
                    .append(" | ").append(m.exitCode())
                    .append(" |\n");
        }
        return b.toString();
    }

    static String section(Context c, List<Measurement> ms, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("\n## ").append(c.date()).append(": scale ").append(GeneratorFormat.number(c.scale()))
                .append(", ").append(c.years()).append(c.years() == 1 ? " year" : " years").append("\n\n");
        b.append("- machine: ").append(c.cores()).append(" cores, ").append(c.memory()).append(" memory, ")
                .append(c.java()).append("\n");
        b.append("- commit: `").append(c.commit()).append("`; seed ").append(c.seed()).append("; landing ")
                .append(c.landing()).append("\n\n");
        b.append(table(ms)).append("\n");
        for (String n : notes) {
            b.append("- ").append(n).append("\n");
        }
        return b.toString();
    }
}
