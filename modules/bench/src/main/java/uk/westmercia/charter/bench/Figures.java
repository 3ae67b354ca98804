package uk.westmercia.charter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timed runs of a bench, pair by pair: the i-th full nightly, DuckDB script and incremental night were run one
 * after another. A ratio is taken within each pair and the median of the pairs' ratios is the one quoted: a drift
 * of the shared machine's load over minutes moves the runs of one pair alike.
 *
 * @param full        wall seconds of each full nightly that succeeded, in pair order
 * @param duck        wall seconds of each DuckDB script run that succeeded, in pair order
 * @param incremental wall seconds of each incremental night that succeeded, in pair order
 * @param floor       wall seconds of each Spark floor run ({@link SparkFloor}) that succeeded, in pair order
 */
record Figures(List<Double> full, List<Double> duck, List<Double> incremental, List<Double> floor) {

    Figures {
        full = List.copyOf(full);
        duck = List.copyOf(duck);
        incremental = List.copyOf(incremental);
        floor = List.copyOf(floor);
    }

    /** Each pair's Spark floor over its DuckDB script: the least a Spark job over this landing takes, in the script's times. */
    List<Double> floorOverDuck() {
        return ratios(floor, duck);
    }

    /** Each pair's full nightly over its DuckDB script: how many times the script's time the pipeline takes. */
    List<Double> fullOverDuck() {
        return ratios(full, duck);
    }

    /** Each pair's incremental night over its full nightly. */
    List<Double> incrementalOverFull() {
        return ratios(incremental, full);
    }

    /** numerators[i] / denominators[i] for every pair both have; a pair missing either side is left out. */
    static List<Double> ratios(List<Double> numerators, List<Double> denominators) {
        int pairs = Math.min(numerators.size(), denominators.size());
        List<Double> r = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            r.add(numerators.get(i) / denominators.get(i));
        }
        return r;
    }

    /** The middle value, or the mean of the two middle values; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "58.1 s, 4.60 s (12.6 times), then 25.0 s (43%); ..." for each pair that has all three. */
    String describePairs() {
        List<String> pairs = new ArrayList<>();
        int n = Math.min(full.size(), Math.min(duck.size(), incremental.size()));
        for (int i = 0; i < n; i++) {
            pairs.add(String.format(Locale.ROOT, "%.1f s, %.2f s (%.1f times), then %.1f s (%.0f%%)", full.get(i), duck.get(i),
                    full.get(i) / duck.get(i), incremental.get(i), 100 * incremental.get(i) / full.get(i)));
        }
        return String.join("; ", pairs);
    }
}
