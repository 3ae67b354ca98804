package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.statistics.Direction;

class RankingTest {
    private static Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("HER", 10.0);
        values.put("NWO", 30.0);
        values.put("SHR", 20.0);
        values.put("SWO", 20.0);
        values.put("TWR", null);
        return values;
    }

    @Test
    void higherIsBetterRanksTheLargestFirstAndTiesShareTheBetterRank() {
        assertThat(Ranking.rank(values(), Direction.HIGHER))
                .containsExactlyInAnyOrderEntriesOf(Map.of("NWO", 1, "SHR", 2, "SWO", 2, "HER", 4));
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirst() {
        assertThat(Ranking.rank(values(), Direction.LOWER))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HER", 1, "SHR", 2, "SWO", 2, "NWO", 4));
    }

    @Test
    void noDirectionGivesNoRanks() {
        assertThat(Ranking.rank(values(), Direction.NONE)).isEmpty();
    }
}
