package uk.westmercia.charter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.catalogue.MetricDefinition;

/** The effective base each figure's interval used, stored in metric_values.effective_base. Plain Java, no Spark. */
class FigureCalculatorTest {
    private static final FigureCalculator CALCULATOR = new FigureCalculator(
            Catalogue.bundled().metrics().stream().collect(Collectors.toMap(MetricDefinition::id, Function.identity())), Map.of());

    @Test
    void aWeightedSurveysEffectiveBaseIsKishs() {
        // Weights 1, 1, 2, 2 (sum 6, sum of squares 10): n_eff = 36 / 10 = 3.6; three of weight 1, 1, 2 positive: 4 / 6.
        FigureCalculator.Figure figure = CALCULATOR.figure("REL-03", 4.0, 6.0, 4L, 10.0, null, true);
        assertThat(figure.value()).isCloseTo(100.0 * 4 / 6, within(1e-12));
        assertThat(figure.effectiveBase()).isCloseTo(3.6, within(1e-12));
    }

    @Test
    void anUnweightedPercentsEffectiveBaseIsItsDenominator() {
        assertThat(CALCULATOR.figure("VIS-05", 45.0, 50.0, 50L, null, null, true).effectiveBase()).isEqualTo(50.0);
    }

    @Test
    void aRatesEffectiveBaseIsItsEventCount() {
        // 120 crimes over a population of 100,000: 1.2 per 1,000 on 120 events.
        FigureCalculator.Figure figure = CALCULATOR.figure("PRV-04", 120.0, 100_000.0, 120L, null, null, true);
        assertThat(figure.value()).isCloseTo(1.2, within(1e-12));
        assertThat(figure.effectiveBase()).isEqualTo(120.0);
    }

    @Test
    void aFigureWithoutAnIntervalHasNoEffectiveBase() {
        assertThat(CALCULATOR.figure("PRV-04", 0.0, 0.0, 0L, null, null, true).effectiveBase()).isNull();
        assertThat(CALCULATOR.figure("RSP-02", null, null, 7L, null, 3.5, true).effectiveBase()).isNull();
        assertThat(CALCULATOR.figure("VIS-05", null, null, null, null, null, false).effectiveBase()).isNull();
    }

    @Test
    void aSummedQuantityIsCompoundPoissonOnItsEffectiveEvents() {
        // VUL-02: five crimes of harm 1, 1, 1, 1 and 6 in 2,000 people: 10 of harm, 5 per 1,000. sum(q^2) = 40,
        // n* = 100 / 40 = 2.5 effective events; exact Poisson on 2.5 is chi2(0.025; 5) / 2 = 0.4156 to
        // chi2(0.975; 7) / 2 = 8.0064, times sum(q) / n* = 4 and 1,000 / 2,000: 0.8312 to 16.0128 per 1,000
        // (on the 5 crimes at their mean weight it would be 1.6 to 11.7: too narrow).
        FigureCalculator.Figure figure = CALCULATOR.figure("VUL-02", 10.0, 2000.0, 5L, 40.0, null, true);
        assertThat(figure.value()).isCloseTo(5.0, within(1e-12));
        assertThat(figure.effectiveBase()).isEqualTo(2.5);
        assertThat(figure.ciLow()).isCloseTo(0.8312, within(1e-3));
        assertThat(figure.ciHigh()).isCloseTo(16.0128, within(1e-3));
        // Equal weights: n* is the count, and the interval the count's scaled, as before.
        FigureCalculator.Figure equal = CALCULATOR.figure("VUL-02", 30.0, 1000.0, 10L, 90.0, null, true);
        FigureCalculator.Figure asCount = CALCULATOR.figure("VUL-02", 30.0, 1000.0, 10L, null, null, true);
        assertThat(equal.effectiveBase()).isEqualTo(10.0);
        assertThat(equal.ciLow()).isCloseTo(asCount.ciLow(), within(1e-9));
        assertThat(equal.ciHigh()).isCloseTo(asCount.ciHigh(), within(1e-9));
    }
}
