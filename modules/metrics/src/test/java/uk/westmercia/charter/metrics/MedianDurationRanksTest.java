package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The middle ranks the exact median averages, without Spark. */
class MedianDurationRanksTest {
    @Test
    void oddCountsTakeTheMiddleValueOnce() {
        // 1 value: rank 1; 5 values: rank 3.
        assertThat(MedianDuration.lowerMiddle(1)).isEqualTo(1);
        assertThat(MedianDuration.upperMiddle(1)).isEqualTo(1);
        assertThat(MedianDuration.lowerMiddle(5)).isEqualTo(3);
        assertThat(MedianDuration.upperMiddle(5)).isEqualTo(3);
    }

    @Test
    void evenCountsTakeTheTwoMiddleValues() {
        // 2 values: ranks 1 and 2; 4 values: ranks 2 and 3; 10 values: ranks 5 and 6.
        assertThat(MedianDuration.lowerMiddle(2)).isEqualTo(1);
        assertThat(MedianDuration.upperMiddle(2)).isEqualTo(2);
        assertThat(MedianDuration.lowerMiddle(4)).isEqualTo(2);
        assertThat(MedianDuration.upperMiddle(4)).isEqualTo(3);
        assertThat(MedianDuration.lowerMiddle(10)).isEqualTo(5);
        assertThat(MedianDuration.upperMiddle(10)).isEqualTo(6);
    }

    @Test
    void topCountIsTheCeilingOfFivePercent() {
        // ceil(0.05 * n): 1 -> 1, 20 -> 1, 21 -> 2, 40 -> 2, 41 -> 3, 100 -> 5, 101 -> 6.
        assertThat(HarmConcentration.topCount(1, 5)).isEqualTo(1);
        assertThat(HarmConcentration.topCount(20, 5)).isEqualTo(1);
        assertThat(HarmConcentration.topCount(21, 5)).isEqualTo(2);
        assertThat(HarmConcentration.topCount(40, 5)).isEqualTo(2);
        assertThat(HarmConcentration.topCount(41, 5)).isEqualTo(3);
        assertThat(HarmConcentration.topCount(100, 5)).isEqualTo(5);
        assertThat(HarmConcentration.topCount(101, 5)).isEqualTo(6);
    }
}
