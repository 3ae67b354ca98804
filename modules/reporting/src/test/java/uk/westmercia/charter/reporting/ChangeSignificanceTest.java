package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.statistics.Direction;
import uk.westmercia.charter.statistics.Interval;
import uk.westmercia.charter.statistics.WilsonInterval;

class ChangeSignificanceTest {
    private static final Period Q2 = Fixtures.quarter("2024-25 Q2");
    private static final Period Q3 = Fixtures.quarter("2024-25 Q3");
    private static final MetricInfo PERCENT = new MetricInfo("VIS-01", "VIS", "Test", "percent", Direction.HIGHER, false);
    private static final MetricInfo RATE = new MetricInfo("PRV-04", "PRV", "Test", "per_1000", Direction.LOWER, true);

    @Test
    void fiveOfTenToNineOfTenIsJustNotSignificant() {
        // pooled p = 0.7, se = sqrt(0.21 * 0.2) = 0.2049, z = 1.952, p = 0.0509
        Change change = ChangeSignificance.between(Fixtures.percent("VIS-01", "VIS", "WM", Q2, 5, 10, "red"),
                Fixtures.percent("VIS-01", "VIS", "WM", Q3, 9, 10, "green"), PERCENT);
        assertThat(change.change()).isCloseTo(40.0, within(1e-9));
        assertThat(change.pValue()).isCloseTo(0.0509, within(5e-4));
        assertThat(change.significant()).isFalse();
    }

    @Test
    void fiveOfTenToTenOfTenIsSignificant() {
        // pooled p = 0.75, se = sqrt(0.1875 * 0.2) = 0.1936, z = 2.582, p = 0.0098
        Change change = ChangeSignificance.between(Fixtures.percent("VIS-01", "VIS", "WM", Q2, 5, 10, "red"),
                Fixtures.percent("VIS-01", "VIS", "WM", Q3, 10, 10, "green"), PERCENT);
        assertThat(change.change()).isCloseTo(50.0, within(1e-9));
        assertThat(change.pValue()).isCloseTo(0.0098, within(5e-4));
        assertThat(change.significant()).isTrue();
    }

    @Test
    void ratesUseTheExactPoissonRatioOnEventCounts() {
        // Equal populations: given 12 events, the later count ~ Bin(12, 1/2).
        // 2 -> 10: P = 2 (1 + 12 + 66) / 4096 = 0.0386; 3 -> 9: 2 (1 + 12 + 66 + 220) / 4096 = 0.146.
        Change significant = ChangeSignificance.between(Fixtures.rate("PRV-04", "PRV", "WM", Q2, 2, 1000, "no_target"),
                Fixtures.rate("PRV-04", "PRV", "WM", Q3, 10, 1000, "no_target"), RATE);
        assertThat(significant.change()).isCloseTo(8.0, within(1e-9));
        assertThat(significant.pValue()).isCloseTo(158.0 / 4096, within(1e-9));
        assertThat(significant.significant()).isTrue();
        Change not = ChangeSignificance.between(Fixtures.rate("PRV-04", "PRV", "WM", Q2, 3, 1000, "no_target"),
                Fixtures.rate("PRV-04", "PRV", "WM", Q3, 9, 1000, "no_target"), RATE);
        assertThat(not.pValue()).isCloseTo(598.0 / 4096, within(1e-9));
        assertThat(not.significant()).isFalse();
    }

    @Test
    void aWeightedRateIsTestedOnItsEventsForEqualRatesOfItsQuantity() {
        // 6 crimes weighing 1 each, then 6 weighing 5 each, in 1,000 people: harm 6 -> 30 per 1,000.
        // Equal harm rates expect crimes in the ratio of population / harm per crime, 1,000 : 200, so
        // the earlier count ~ Bin(12, 5/6): P(K <= 6) = sum C(12, k) 5^k / 6^12 = 17,251,086 / 2,176,782,336
        // (no upper outcome is as unlikely). On the crimes alone, 6 -> 6, there would be no change at all.
        MetricInfo harm = new MetricInfo("VUL-02", "VUL", "Harm", "per_1000", Direction.LOWER, true);
        Change change = ChangeSignificance.between(harm("WM", Q2, 6, 6), harm("WM", Q3, 6, 30), harm);
        assertThat(change.change()).isCloseTo(24.0, within(1e-9));
        assertThat(change.pValue()).isCloseTo(17_251_086.0 / 2_176_782_336.0, within(1e-9));
        assertThat(change.significant()).isTrue();
    }

    @Test
    void aSummedQuantityIsTestedOnItsEffectiveEvents() {
        // Harm 12 then 30 per 1,000 in 1,000 people. As 12 equal-weight crimes then 12 of weight 2.5 the test is on
        // 12 and 12 crimes; with n* = 4 and 10 effective events (unequal weights) it is on 4 -> 10, with exposures
        // 1,000 / (12 / 4) and 1,000 / (30 / 10), equal: given 14, the later count ~ Bin(14, 1/2), and
        // P = 2 (1 + 14 + 91 + 364 + 1001) / 16384 = 2942 / 16384 = 0.1796.
        MetricInfo harm = new MetricInfo("VUL-02", "VUL", "Harm", "per_1000", Direction.LOWER, true);
        MetricValue before = new MetricValue("VUL-02", "VUL", "force", "WM", "quarter", Q2.label(), Q2.start(), Q2.end(), 12.0, 1000.0,
                12.0, "per_1000", null, null, 12L, 4.0, null, "no_target", "nightly-1");
        MetricValue after = new MetricValue("VUL-02", "VUL", "force", "WM", "quarter", Q3.label(), Q3.start(), Q3.end(), 30.0, 1000.0,
                30.0, "per_1000", null, null, 12L, 10.0, null, "no_target", "nightly-1");
        assertThat(after.quantityPerEvent()).isEqualTo(3.0);
        Change change = ChangeSignificance.between(before, after, harm);
        assertThat(change.pValue()).isCloseTo(2942.0 / 16384, within(1e-9));
        assertThat(change.significant()).isFalse();
    }

    private static MetricValue harm(String area, Period period, long crimes, double harm) {
        return new MetricValue("VUL-02", "VUL", Areas.levelOf(area), area, "quarter", period.label(), period.start(), period.end(), harm, 1000.0,
                harm, "per_1000", null, null, crimes, null, "no_target", "nightly-1");
    }

    @Test
    void aShareWithNoIntervalAndNoCountForADenominatorIsNotTested() {
        // VUL-03: 700 of 1,000 harm in the top locations, over 40 crimes; no interval. Harm is no count of trials.
        MetricInfo concentration = new MetricInfo("VUL-03", "VUL", "Harm concentration", "percent", Direction.NONE, false);
        Change change = ChangeSignificance.between(share(Q2, 500, 1000, 40), share(Q3, 700, 1000, 40), concentration);
        assertThat(change.change()).isCloseTo(20.0, within(1e-9));
        assertThat(change.pValue()).isNull();
        assertThat(change.significant()).isNull();
        assertThat(ChangeSignificance.percentBase(share(Q3, 700, 1000, 40))).isNull();
    }

    private static MetricValue share(Period period, double numerator, double denominator, long crimes) {
        return new MetricValue("VUL-03", "VUL", "force", "WM", "quarter", period.label(), period.start(), period.end(), numerator, denominator,
                100.0 * numerator / denominator, "percent", null, null, crimes, null, "no_target", "nightly-1");
    }

    @Test
    void aCountOfWhatStandsIsNeitherTestedNorPlacedInAFunnel() {
        // VIS-09: 20,000 then 20,600 people registered in 1,000,000: the rise is 0.6 per 1,000, but a register is
        // no sample and no count of events, so there is no Poisson test and no funnel, however large the counts.
        MetricInfo reach = MetricInfo.of(uk.westmercia.charter.catalogue.Catalogue.bundled().metric("VIS-09").orElseThrow());
        assertThat(reach.isStock()).isTrue();
        MetricValue before = Fixtures.rate("VIS-09", "VIS", "WM", Q2, 20_000, 1_000_000, "no_target");
        MetricValue after = Fixtures.rate("VIS-09", "VIS", "WM", Q3, 20_600, 1_000_000, "no_target");
        Change change = ChangeSignificance.between(before, after, reach);
        assertThat(change.change()).isCloseTo(0.6, within(1e-9));
        assertThat(change.pValue()).isNull();
        assertThat(change.significant()).isNull();
        assertThat(ScorecardBuilder.funnelPlace(reach, after, before)).isEmpty();
        // The same counts as events (PRV-04) are tested: 20,000 -> 20,600 in equal populations is significant.
        assertThat(ChangeSignificance.between(before, after, RATE).significant()).isTrue();
    }

    @Test
    void otherUnitsGetAChangeButNoTest() {
        MetricInfo days = new MetricInfo("RSP-02", "RSP", "Days", "days", Direction.LOWER, true);
        MetricValue before = new MetricValue("RSP-02", "RSP", "force", "WM", "quarter", Q2.label(), Q2.start(), Q2.end(), null, null,
                5.0, "days", null, null, 40L, null, "no_target", "r");
        MetricValue now = new MetricValue("RSP-02", "RSP", "force", "WM", "quarter", Q3.label(), Q3.start(), Q3.end(), null, null,
                3.5, "days", null, null, 40L, null, "no_target", "r");
        Change change = ChangeSignificance.between(before, now, days);
        assertThat(change.change()).isCloseTo(-1.5, within(1e-9));
        assertThat(change.significant()).isNull();
        assertThat(change.pValue()).isNull();
    }

    @Test
    void heldBackOrMissingFiguresGiveNoChange() {
        MetricValue lowBase = Fixtures.percent("VIS-03", "VIS", "WM", Q3, 20, 40, "low_base");
        MetricValue before = Fixtures.percent("VIS-03", "VIS", "WM", Q2, 30, 60, "green");
        assertThat(ChangeSignificance.between(before, lowBase, PERCENT)).isEqualTo(Change.NONE);
        assertThat(ChangeSignificance.between(null, before, PERCENT)).isEqualTo(Change.NONE);
    }

    @Test
    void effectiveBaseOfAWeightedFigureIsRecoveredFromItsWilsonInterval() {
        Interval ci = WilsonInterval.ofPercent(30, 100);
        assertThat(ChangeSignificance.effectiveBaseFromWilson(30.0, ci.low(), ci.high())).isCloseTo(100.0, within(1e-6));
        Interval zero = WilsonInterval.ofPercent(0, 80);
        assertThat(ChangeSignificance.effectiveBaseFromWilson(0.0, zero.low(), zero.high())).isCloseTo(80.0, within(1e-6));
    }
}
