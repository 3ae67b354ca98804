package uk.westmercia.charter.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spiegelhalter D. (2005) Funnel plots for comparing institutional performance, Stat Med
 * 24:1185-1202, and Handling over-dispersion of performance indicators, Qual Saf Health Care
 * 14:347-351: phi = mean of the z-scores squared after winsorising at 10% in each tail; tau^2 =
 * (k phi - (k - 1)) / (sum w - sum w^2 / sum w), w = 1 / s^2, and 0 when k phi &lt;= k - 1 (the
 * rule FunnelPlotR applies); adjusted limits y0 +- z sqrt(s^2 + tau^2). Winsorising limits are
 * R's default quantile (type 7), as FunnelPlotR's winsorisation takes them. Every expected value
 * below is worked by hand in its comment.
 */
class OverdispersionTest {
  private static final double TOLERANCE = 1e-9;

  private static List<UnitZScore> units(double[] z, double[] s) {
    List<UnitZScore> units = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      units.add(new UnitZScore(z[i], s[i]));
    }
    return units;
  }

  private static double[] same(int n, double value) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Test
  void quantileIsRsTypeSeven() {
    // R: quantile(c(1, 2, 3, 4, 10), 0.9): h = 4 x 0.9 = 3.6, x[3] + 0.6 (x[4] - x[3]) = 4 + 0.6 x 6 = 7.6.
    double[] sorted = {1, 2, 3, 4, 10};
    assertThat(Overdispersion.quantile(sorted, 0.9)).isCloseTo(7.6, within(TOLERANCE));
    // h = 0.4: 1 + 0.4 x 1 = 1.4; the ends are the minimum and maximum; 0.5 the median.
    assertThat(Overdispersion.quantile(sorted, 0.1)).isCloseTo(1.4, within(TOLERANCE));
    assertThat(Overdispersion.quantile(sorted, 0.0)).isEqualTo(1.0);
    assertThat(Overdispersion.quantile(sorted, 1.0)).isEqualTo(10.0);
    assertThat(Overdispersion.quantile(sorted, 0.5)).isEqualTo(3.0);
    assertThatThrownBy(() -> Overdispersion.quantile(new double[] {2, 1}, 0.5))
        .hasMessage("Cannot compute quantile: values must be finite and sorted ascending, got 1.0 at index 1");
  }

  @Test
  void phiBelowOneGivesTauSquaredZero() {
    // Ten z-scores of +-0.5 and +-1 (five units each side): sorted -1, -1, -1, -0.5, -0.5, 0.5, 0.5, 1, 1, 1.
    // 10th percentile: h = 0.9, -1 + 0.9 x 0 = -1; 90th: h = 8.1, 1: nothing is clamped.
    // phi = (6 x 1 + 4 x 0.25) / 10 = 0.7; k phi = 7 <= k - 1 = 9: tau^2 = 0.
    double[] z = {-1, -1, -1, -0.5, -0.5, 0.5, 0.5, 1, 1, 1};
    Dispersion dispersion = Overdispersion.estimate(units(z, same(10, 0.02)));
    assertThat(dispersion.status()).isEqualTo(DispersionStatus.ESTIMATED);
    assertThat(dispersion.status().label()).isEqualTo("estimated");
    assertThat(dispersion.zScores()).isEqualTo(10);
    assertThat(dispersion.phi()).isCloseTo(0.7, within(TOLERANCE));
    assertThat(dispersion.tau2()).isEqualTo(0.0);
    assertThat(dispersion.widens()).isFalse();
    // No between-unit variance: the adjusted z is the z, the adjusted limits the normal ones.
    assertThat(dispersion.adjustedZ(0.52, 0.5, 0.02)).isCloseTo(1.0, within(TOLERANCE));
    assertThat(dispersion.adjustedBands(0.5, 0.02).upper95()).isCloseTo(0.5 + 1.959964 * 0.02, within(TOLERANCE));
  }

  @Test
  void oneExtremeUnitIsWinsorised() {
    // z = 0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9 and one extreme unit at 10.
    // Sorted: -0.8, -0.6, -0.4, -0.2, 0.1, 0.3, 0.5, 0.7, 0.9, 10.
    // 10th percentile: h = 9 x 0.1 = 0.9: -0.8 + 0.9 x 0.2 = -0.62.
    // 90th percentile: h = 8.1: 0.9 + 0.1 x (10 - 0.9) = 1.81.
    // Winsorised: -0.8 -> -0.62 and 10 -> 1.81. Sum of squares 0.3844 + 0.36 + 0.16 + 0.04 + 0.01
    // + 0.09 + 0.25 + 0.49 + 0.81 + 3.2761 = 5.8705: phi = 0.58705 (10.285 unwinsorised, which
    // would have widened everyone's limits for the sake of one unit). k phi = 5.87 <= 9: tau^2 = 0.
    double[] z = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, 10};
    double[] winsorised = Overdispersion.winsorise(z, 0.1);
    assertThat(winsorised[7]).isCloseTo(-0.62, within(TOLERANCE));
    assertThat(winsorised[9]).isCloseTo(1.81, within(TOLERANCE));
    assertThat(winsorised[0]).isEqualTo(0.1);
    assertThat(z[9]).as("input untouched").isEqualTo(10.0);
    Dispersion dispersion = Overdispersion.estimate(units(z, same(10, 0.05)));
    assertThat(dispersion.phi()).isCloseTo(0.58705, within(TOLERANCE));
    assertThat(dispersion.tau2()).isEqualTo(0.0);
  }

  @Test
  void overdispersedSetGetsDerSimonianLairdTauSquared() {
    // z = +-0.5, +-1, +-1.5, +-2, +-2.5; s = 0.01 for five units and 0.02 for five.
    // Sorted -2.5, -2, ..., 2, 2.5: 10th percentile -2.5 + 0.9 x 0.5 = -2.05, 90th 2 + 0.1 x 0.5 = 2.05.
    // Winsorised squares: 2 x (2.05^2 + 2^2 + 1.5^2 + 1^2 + 0.5^2) = 2 x (4.2025 + 7.5) = 23.405: phi = 2.3405.
    // w = 1 / s^2 = 10,000 (x 5) and 2,500 (x 5): sum w = 62,500, sum w^2 = 5 x 1e8 + 5 x 6.25e6
    // = 5.3125e8, sum w^2 / sum w = 8,500, so the denominator is 54,000.
    // tau^2 = (23.405 - 9) / 54,000 = 14.405 / 54,000 = 2.667592...e-4.
    double[] z = {2, -2, 1.5, -1.5, 1, -1, 0.5, -0.5, 2.5, -2.5};
    double[] s = {0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.02, 0.02};
    Dispersion dispersion = Overdispersion.estimate(units(z, s));
    assertThat(dispersion.phi()).isCloseTo(2.3405, within(TOLERANCE));
    assertThat(dispersion.tau2()).isCloseTo(14.405 / 54_000, within(1e-15));
    assertThat(dispersion.widens()).isTrue();
    // A unit with s = 0.01 around y0 = 0.3: sqrt(1e-4 + 2.667593e-4) = sqrt(3.667593e-4) = 0.0191510;
    // 95% limits 0.3 +- 1.959964 x 0.0191510 = 0.3 +- 0.0375352; 99.8% 0.3 +- 3.090232 x 0.0191510 = 0.3 +- 0.0591809.
    double se = Math.sqrt(1e-4 + 14.405 / 54_000);
    assertThat(dispersion.adjustedStandardError(0.01)).isCloseTo(0.0191510, within(1e-7));
    FunnelBands bands = dispersion.adjustedBands(0.3, 0.01);
    assertThat(bands.upper95()).isCloseTo(0.3375352, within(1e-7));
    assertThat(bands.lower95()).isCloseTo(0.2624648, within(1e-7));
    assertThat(bands.upper99_8()).isCloseTo(0.3591809, within(1e-7));
    // A unit at 0.34 is above 95% unadjusted (z = 4) but within the adjusted limits:
    // adjusted z = 0.04 / 0.0191510 = 2.0887, two-sided p = 2 (1 - Phi(2.0887)) = 0.0367.
    assertThat(bands.place(0.34)).isEqualTo(FunnelPlace.ABOVE_95);
    assertThat(bands.place(0.33)).isEqualTo(FunnelPlace.WITHIN);
    assertThat(dispersion.adjustedZ(0.34, 0.3, 0.01)).isCloseTo(0.04 / se, within(TOLERANCE));
    assertThat(Overdispersion.twoSidedPValue(0.04 / se)).isCloseTo(0.0367, within(1e-4));
  }

  @Test
  void fewerThanTenZScoresAreNotEstimated() {
    double[] z = {3, -3, 4, -4, 5, -5, 6, -6, 7};
    Dispersion dispersion = Overdispersion.estimate(units(z, same(9, 0.01)));
    assertThat(dispersion.status()).isEqualTo(DispersionStatus.NOT_ESTIMATED);
    assertThat(dispersion.status().label()).isEqualTo("not_estimated");
    assertThat(dispersion.zScores()).isEqualTo(9);
    assertThat(dispersion.phi()).isNaN();
    assertThat(dispersion.tau2()).isNaN();
    assertThat(dispersion.widens()).isFalse();
    // Not estimated: nothing is added, the adjusted z is the z.
    assertThat(dispersion.adjustedZ(0.33, 0.3, 0.01)).isCloseTo(3.0, within(TOLERANCE));
    assertThat(Overdispersion.estimate(List.of()).zScores()).isZero();
  }

  @Test
  void zScoresAndStandardErrorsFollowTheSpec() {
    // Percent: p0 = 0.3, n = 100: s = sqrt(0.21 / 100) = 0.0458258; y = 0.4: z = 0.1 / 0.0458258 = 2.18218.
    double s = Overdispersion.proportionStandardError(0.3, 100);
    assertThat(s).isCloseTo(0.0458258, within(1e-7));
    assertThat(UnitZScore.of(0.4, 0.3, s).z()).isCloseTo(2.18218, within(1e-5));
    // Rate per 1,000: y0 = 50 per 1,000, population 10,000, q = 5 harm per event:
    // s = sqrt(1000 x 5 x 50 / 10,000) = sqrt(25) = 5 per 1,000. (A count, q = 1: sqrt(5).)
    assertThat(Overdispersion.rateStandardError(50, 10_000, 5, 1000)).isCloseTo(5.0, within(TOLERANCE));
    assertThat(Overdispersion.rateStandardError(50, 10_000, 1, 1000)).isCloseTo(Math.sqrt(5), within(TOLERANCE));
    // Two-sided p at the contract's 95% critical value is 0.05.
    assertThat(Overdispersion.twoSidedPValue(-1.959964)).isCloseTo(0.05, within(1e-6));
    assertThat(Overdispersion.twoSidedPValue(0)).isEqualTo(1.0);
  }

  @Test
  void oneUnitWhoseWeightDwarfsTheOthersDoesNotBreakTauSquared() {
    // z = +-3, ..., +-7; sorted -7, -6, ..., 6, 7: 10th percentile -7 + 0.9 = -6.1, 90th 6 + 0.1 = 6.1.
    // Winsorised squares 2 x (6.1^2 + 36 + 25 + 16 + 9) = 246.42: phi = 24.642, k phi - (k - 1) = 237.42.
    // w = 1e40 for the first unit (s = 1e-20), 1 for nine: sum w - sum w^2 / sum w
    // = ((sum w)^2 - sum w^2) / sum w = (18e40 + 72) / (1e40 + 9) = 18 (to 1e-39), so tau^2 = 237.42 / 18
    // = 13.19. Taken as sum w - sum w^2 / sum w in doubles it would come out near 1e24 (cancellation).
    double[] z = {3, -3, 4, -4, 5, -5, 6, -6, 7, -7};
    double[] s = same(10, 1.0);
    s[0] = 1e-20;
    Dispersion dispersion = Overdispersion.estimate(units(z, s));
    assertThat(dispersion.phi()).isCloseTo(24.642, within(TOLERANCE));
    assertThat(dispersion.tau2()).isCloseTo(237.42 / 18, within(1e-9));
  }

  @Test
  void badArgumentsSayWhatCannotBeDone() {
    assertThatThrownBy(() -> new UnitZScore(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create z-score: standard error must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> Overdispersion.proportionStandardError(1.2, 10))
        .hasMessage("Cannot compute standard error: proportion centre must be in [0, 1], got 1.2");
    assertThatThrownBy(() -> Dispersion.estimated(10, -1, 0))
        .hasMessage("Cannot create dispersion: an estimated phi must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> new Dispersion(DispersionStatus.NOT_ESTIMATED, 3, 1.0, 0.0))
        .hasMessageStartingWith("Cannot create dispersion: phi and tau2 must be NaN when not estimated");
  }
}
