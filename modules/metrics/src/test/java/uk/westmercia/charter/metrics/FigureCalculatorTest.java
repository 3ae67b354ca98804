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
}
