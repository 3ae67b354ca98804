package uk.westmercia.charter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bench run writes: the current figures, one table at the top of BENCHMARKS.md (its rows replaced by each
 * bench that succeeds), and the run's whole section appended to BENCHMARKS-history.md.
 */
final class BenchmarksMd {

    static final String HISTORY_FILE = "BENCHMARKS-history.md";
    static final String HOW = "jobs/bench";
    static final String BEGIN = "<!-- current figures: jobs/bench replaces the rows whose last cell is its own command line (jobs/bench --scale N --years N); other rows stay -->";
    static final String END = "<!-- end of current figures -->";
    private static final java.util.regex.Pattern BENCH_SCALE = java.util.regex.Pattern.compile("^" + HOW + " --scale (\\S+)");
    static final String TABLE_HEADER = "| measure | median | range (min to max) | runs | scale, years | machine | date | commit | how |\n"
            + "|---|---:|---:|---:|---|---|---|---|---|\n";

    static final String HISTORY_HEADER = "# Benchmarks: history\n\n"
            + "Every measurement, oldest first; `BENCHMARKS.md` holds the current figures. Each `jobs/bench` run appends its\n"
            + "section here. Wall times are the child process's (JVM start included), run through the production launcher\n"
            + "`jobs/charter` with `CHARTER_JAVA_OPTS=-Xmx4g`, after an unmeasured warm-up nightly on data-samples.\n";

    private BenchmarksMd() {
    }

    /**
     * @param launcher what jobs/charter ran on: its first line a short description ("Java 25.0.3, AOT cache"),
     *                 further lines the details ({@code jobs/charter --launcher-info})
     */
    record Context(String date, String commit, int cores, String memory, String launcher, double scale, int years,
                   long seed, String landing) {

        /**
         * The command a row was measured by, as its last cell, with the scale and years written out (jobs/bench's
         * defaults are a quick 0.05 over one year): a bench replaces the rows of its own scale and years only, so a
         * scale-10 run leaves the scale-1 figures standing.
         */
        String how() {
            String scaleText = scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
            return HOW + " --scale " + scaleText + " --years " + years;
        }

        String machine() {
            return cores + " cores, " + memory + "; " + launcher.lines().findFirst().orElse("");
        }

        String scaleYears() {
            return GeneratorFormat.number(scale) + ", " + years;
        }
    }

    /** One row of the current figures. */
    record Row(String measure, String median, String range, int runs, String scaleYears, String machine, String date,
               String commit, String how) {

        String markdown() {
            return "| " + String.join(" | ", measure, median, range, Integer.toString(runs), scaleYears, machine, date,
                    "`" + commit + "`", how) + " |";
        }
    }

    /** The current-figures rows of one bench run; measures it has no figure for are left out. */
    static List<Row> benchRows(Context c, Figures f, double rerunSeconds, double scorecardSeconds, long peakHeapMib) {
        List<Row> rows = new ArrayList<>();
        seconds(rows, c, "full nightly, empty warehouse", f.full());
        seconds(rows, c, "DuckDB script, six metrics (whole process)", f.duck());
        ratio(rows, c, "full nightly / DuckDB script, pair by pair", f.fullOverDuck(), false);
        seconds(rows, c, "Spark floor: the landing read and written as Parquet, no rule checked (whole process)", f.floor());
        ratio(rows, c, "Spark floor / DuckDB script, pair by pair", f.floorOverDuck(), false);
        seconds(rows, c, "incremental night, one new day", f.incremental());
        ratio(rows, c, "incremental night / full nightly, pair by pair", f.incrementalOverFull(), true);
        if (!Double.isNaN(rerunSeconds)) {
            seconds(rows, c, "the same night again, nothing new", List.of(rerunSeconds));
        }
        if (!Double.isNaN(scorecardSeconds)) {
            seconds(rows, c, "quarterly scorecard", List.of(scorecardSeconds));
        }
        if (peakHeapMib >= 0) {
            rows.add(row(c, "peak heap used, full nightly (largest of the runs; -Xmx4g)", String.format(Locale.ROOT, "%,d MiB", peakHeapMib),
                    "", f.full().size()));
        }
        return rows;
    }

    private static void seconds(List<Row> rows, Context c, String measure, List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        String range = values.size() == 1 ? "" : String.format(Locale.ROOT, "%.1f to %.1f s", Figures.min(values), Figures.max(values));
        rows.add(row(c, measure, String.format(Locale.ROOT, "%.1f s", Figures.median(values)), range, values.size()));
    }

    private static void ratio(List<Row> rows, Context c, String measure, List<Double> values, boolean percent) {
        if (values.isEmpty()) {
            return;
        }
        double scale = percent ? 100 : 1;
        String range = values.size() == 1 ? "" : String.format(Locale.ROOT, percent ? "%.0f%% to %.0f%%" : "%.1f to %.1f times",
                scale * Figures.min(values), scale * Figures.max(values));
        rows.add(row(c, measure, String.format(Locale.ROOT, percent ? "%.0f%%" : "%.1f times", scale * Figures.median(values)), range,
                values.size()));
    }

    private static Row row(Context c, String measure, String median, String range, int runs) {
        return new Row(measure, median, range, runs, c.scaleYears(), c.machine(), c.date(), c.commit(), c.how());
    }

    /** A BENCHMARKS.md with nothing but an empty current-figures table. */
    static String skeleton() {
        return "# Benchmarks\n\n" + BEGIN + "\n" + TABLE_HEADER + END + "\n\nHistory: [" + HISTORY_FILE + "](" + HISTORY_FILE + ").\n";
    }

    /**
     * {@code text} (BENCHMARKS.md) with its current-figures table's rows of the same command line as {@code rows}
     * (their last cell, {@link Context#how}) replaced by them; rows measured otherwise stay. The benches' rows go by
     * scale, smallest first, then the rest in their order. Without the table's markers, the table goes first, after the title.
     */
    static String withCurrent(String text, List<Row> rows) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        List<String> kept = new ArrayList<>();
        String before;
        String after;
        if (begin < 0 || end < begin) {
            int title = 0;
            if (text.startsWith("# ")) {
                int newline = text.indexOf('\n');
                title = newline < 0 ? text.length() : newline + 1;
            }
            before = text.substring(0, title) + (title > 0 ? "\n" : "");
            after = "\n" + text.substring(title);
        } else {
            before = text.substring(0, begin);
            after = text.substring(end + END.length());
            String table = text.substring(begin + BEGIN.length(), end);
            List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
            java.util.Set<String> replaced = rows.stream().map(Row::how).collect(java.util.stream.Collectors.toSet());
            // The header and its separator first, then rows.
            for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
                if (!replaced.contains(howOf(line))) {
                    kept.add(line);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.markdown()));
        lines.addAll(kept);
        // The benches' rows by scale, smallest first, then the rows measured otherwise: a bench at one scale
        // does not move the other scale's rows.
        lines.sort(java.util.Comparator.comparingDouble(BenchmarksMd::order));
        StringBuilder b = new StringBuilder(before).append(BEGIN).append('\n').append(TABLE_HEADER);
        lines.forEach(line -> b.append(line).append('\n'));
        return b.append(END).append(after).toString();
    }

    /** A table line's last cell: the command that measured it. */
    private static String howOf(String line) {
        String[] cells = line.split("\\|");
        return cells.length == 0 ? "" : cells[cells.length - 1].trim();
    }

    /** A row's place in the table: a bench's scale (its last cell, jobs/bench --scale N ...), else after every bench. */
    static double order(String line) {
        java.util.regex.Matcher scale = BENCH_SCALE.matcher(howOf(line));
        if (scale.find()) {
            try {
                return Double.parseDouble(scale.group(1));
            } catch (NumberFormatException e) {
                return Double.MAX_VALUE;
            }
        }
        return Double.MAX_VALUE;
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

    /** The run's section of BENCHMARKS-history.md. */
    static String section(Context c, List<Measurement> ms, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("\n## ").append(c.date()).append(": scale ").append(GeneratorFormat.number(c.scale()))
                .append(", ").append(c.years()).append(c.years() == 1 ? " year" : " years").append("\n\n");
        b.append("- machine: ").append(c.machine()).append("\n");
        b.append("- commit: `").append(c.commit()).append("`; seed ").append(c.seed()).append("; landing ")
                .append(c.landing()).append("\n\n");
        b.append(table(ms)).append("\n");
        for (String n : notes) {
            b.append("- ").append(n).append("\n");
        }
        return b.toString();
    }
}
