package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.statistics.Direction;
import uk.westmercia.charter.statistics.FunnelPlace;

class FunnelPlaceTest {
    private static final Period Q = Fixtures.quarter("2024-25 Q3");
    private static final MetricInfo PERCENT = new MetricInfo("VIS-01", "VIS", "Test", "percent", Direction.HIGHER, false);
    private static final MetricInfo RATE = new MetricInfo("PRV-04", "PRV", "Test", "per_1000", Direction.LOWER, true);

    // Force 50%, n = 100: 95% limits 50 +- 1.959964 * 5 = 40.20 to 59.80; 99.8% 50 +- 3.090232 * 5 = 34.55 to 65.45.
    private static FunnelPlace percentPlace(double x) {
        MetricValue force = Fixtures.percent("VIS-01", "VIS", "WM", Q, 500, 1000, "green");
        MetricValue area = Fixtures.percent("VIS-01", "VIS", "HER", Q, x, 100, "green");
        return ScorecardBuilder.funnelPlace(PERCENT, area, force).orElseThrow();
    }

    @Test
    void percentPlacesFollowTheNormalLimitsAroundTheForceFigure() {
        assertThat(percentPlace(50)).isEqualTo(FunnelPlace.WITHIN);
        assertThat(percentPlace(59)).isEqualTo(FunnelPlace.WITHIN);
        assertThat(percentPlace(60)).isEqualTo(FunnelPlace.ABOVE_95);
        assertThat(percentPlace(66)).isEqualTo(FunnelPlace.ABOVE_99_8);
        assertThat(percentPlace(40)).isEqualTo(FunnelPlace.BELOW_95);
        assertThat(percentPlace(34)).isEqualTo(FunnelPlace.BELOW_99_8);
    }

    // Force 1,000 events in 100,000 people = 10 per 1,000; LPA of 10,000 people expects 100 events.
    // Exact Poisson (chi-square form) at E = 100: 95% 81.4 to 121.6, 99.8% about 73.6 to 133.1.
    private static FunnelPlace ratePlace(long count) {
        MetricValue force = Fixtures.rate("PRV-04", "PRV", "WM", Q, 1000, 100_000, "no_target");
        MetricValue area = Fixtures.rate("PRV-04", "PRV", "HER", Q, count, 10_000, "no_target");
        return ScorecardBuilder.funnelPlace(RATE, area, force).orElseThrow();
    }

    @Test
    void ratePlacesFollowExactPoissonLimitsOnTheCount() {
        assertThat(ratePlace(100)).isEqualTo(FunnelPlace.WITHIN);
        assertThat(ratePlace(125)).isEqualTo(FunnelPlace.ABOVE_95);
        assertThat(ratePlace(150)).isEqualTo(FunnelPlace.ABOVE_99_8);
        assertThat(ratePlace(78)).isEqualTo(FunnelPlace.BELOW_95);
        assertThat(ratePlace(60)).isEqualTo(FunnelPlace.BELOW_99_8);
    }

    // Harm: the force's 1,000 crimes weigh 5,000 (5 per crime) in 100,000 people = 50 per 1,000. An LPA
    // of 10,000 people expects 100 crimes; their limits above times 5 harm, per 1,000 people (/ 10):
    // 95% 40.7 to 60.8, 99.8% about 36.8 to 66.6.
    private static FunnelPlace harmPlace(long crimes, double harm) {
        MetricInfo harmRate = new MetricInfo("VUL-02", "VUL", "Harm", "per_1000", Direction.LOWER, true);
        MetricValue force = harm("WM", 1000, 5000, 100_000);
        MetricValue area = harm("HER", crimes, harm, 10_000);
        return ScorecardBuilder.funnelPlace(harmRate, area, force).orElseThrow();
    }

    private static MetricValue harm(String area, long crimes, double harm, double population) {
        return new MetricValue("VUL-02", "VUL", Areas.levelOf(area), area, "quarter", Q.label(), Q.start(), Q.end(), harm, population,
                1000.0 * harm / population, "per_1000", null, null, crimes, null, "no_target", "nightly-1");
    }

    @Test
    void aWeightedRateIsPlacedOnItsEventsLimitsScaledByTheForcesWeightPerEvent() {
        assertThat(harmPlace(100, 500)).isEqualTo(FunnelPlace.WITHIN);
        // The same 100 crimes, heavier: 6.2 a crime is 62 per 1,000.
        assertThat(harmPlace(100, 620)).isEqualTo(FunnelPlace.ABOVE_95);
        assertThat(harmPlace(100, 700)).isEqualTo(FunnelPlace.ABOVE_99_8);
        assertThat(harmPlace(120, 390)).isEqualTo(FunnelPlace.BELOW_95);
        assertThat(ScorecardBuilder.quantityPerEvent(harm("WM", 1000, 5000, 100_000))).isEqualTo(5.0);
        assertThat(ScorecardBuilder.quantityPerEvent(harm("WM", 0, 0, 100_000))).isEqualTo(1.0);
    }

    @Test
    void otherUnitsAndHeldBackFiguresAreNotPlaced() {
        MetricInfo days = new MetricInfo("RSP-02", "RSP", "Days", "days", Direction.LOWER, true);
        MetricValue force = Fixtures.percent("VIS-01", "VIS", "WM", Q, 500, 1000, "green");
        assertThat(ScorecardBuilder.funnelPlace(days, force, force)).isEmpty();
        MetricValue lowBase = Fixtures.percent("VIS-01", "VIS", "HER", Q, 20, 40, "low_base");
        assertThat(ScorecardBuilder.funnelPlace(PERCENT, lowBase, force)).isEmpty();
    }
}
