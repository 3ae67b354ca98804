package uk.westmercia.charter.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.westmercia.charter.statistics.Direction;

/** Ranks areas by a metric's direction: 1 = best; ties share the better rank (1, 1, 3). */
public final class Ranking {
    private Ranking() {
    }

    /**
     * @param values area code to value; null values get no rank
     * @return area code to rank, for every area with a value; empty for {@link Direction#NONE}
     */
    public static Map<String, Integer> rank(Map<String, Double> values, Direction direction) {
        Map<String, Integer> ranks = new HashMap<>();
        if (direction == Direction.NONE) {
            return ranks;
        }
        List<Double> present = new ArrayList<>();
        values.values().forEach(value -> {
            if (value != null && !value.isNaN()) {
                present.add(value);
            }
        });
        values.forEach((code, value) -> {
            if (value == null || value.isNaN()) {
                return;
            }
            int better = 0;
            for (double other : present) {
                if (direction == Direction.HIGHER ? other > value : other < value) {
                    better++;
                }
            }
            ranks.put(code, better + 1);
        });
        return ranks;
    }
}
