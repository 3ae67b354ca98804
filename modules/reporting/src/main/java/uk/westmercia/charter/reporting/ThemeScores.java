package uk.westmercia.charter.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.westmercia.charter.metrics.MetricValue;

/** Theme scores from metric values: plain counting, no weights. */
public final class ThemeScores {
    private ThemeScores() {
    }

    public static List<ThemeScore> compute(Collection<MetricValue> values) {
        Map<List<String>, long[]> counts = new TreeMap<>(Comparator.comparing((List<String> key) -> String.join("\u0000", key)));
        for (MetricValue value : values) {
            List<String> key = List.of(value.areaLevel(), value.areaCode(), value.periodType(), value.periodLabel(), value.theme());
            long[] c = counts.computeIfAbsent(key, k -> new long[6]);
            switch (value.status() == null ? "no_data" : value.status()) {
                case "green" -> c[0]++;
                case "amber" -> c[1]++;
                case "red" -> c[2]++;
                case "no_target" -> c[3]++;
                case "low_base" -> c[4]++;
                default -> c[5]++;
            }
        }
        List<ThemeScore> scores = new ArrayList<>();
        counts.forEach((key, c) -> scores.add(new ThemeScore(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4),
                c[0], c[1], c[2], c[3], c[4], c[5], attainment(c[0], c[1], c[2]))));
        return scores;
    }

    /** 100 green / (green + amber + red), null when none is rated. */
    public static Double attainment(long green, long amber, long red) {
        long rated = green + amber + red;
        return rated == 0 ? null : 100.0 * green / rated;
    }
}
