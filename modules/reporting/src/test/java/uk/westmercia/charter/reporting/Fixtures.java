package uk.westmercia.charter.reporting;

import java.util.ArrayList;
import java.util.List;
import uk.westmercia.charter.calendar.Period;
import uk.westmercia.charter.calendar.PeriodType;
import uk.westmercia.charter.metrics.MetricValue;
import uk.westmercia.charter.statistics.Interval;
import uk.westmercia.charter.statistics.WilsonInterval;

/** Hand-made metric values for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static MetricValue percent(String metric, String theme, String area, Period period, double numerator, double denominator, String status) {
        Interval ci = WilsonInterval.ofPercent(numerator, denominator);
        return new MetricValue(metric, theme, Areas.levelOf(area), area, period.type().label(), period.label(), period.start(), period.end(),
                numerator, denominator, 100.0 * numerator / denominator, "percent", ci.low(), ci.high(), (long) denominator, 50.0,
                status, "nightly-1");
    }

    static MetricValue rate(String metric, String theme, String area, Period period, long count, double population, String status) {
        return new MetricValue(metric, theme, Areas.levelOf(area), area, period.type().label(), period.label(), period.start(), period.end(),
                (double) count, population, 1000.0 * count / population, "per_1000", null, null, count, null, status, "nightly-1");
    }

    static Period quarter(String label) {
        return Period.parse(PeriodType.QUARTER, label);
    }

    /** VIS-01 (percent, quarterly) and PRV-04 (rate, monthly) for the force and the five LPAs over 2023-24 and 2024-25. */
    static List<MetricValue> twoYears() {
        List<MetricValue> values = new ArrayList<>();
        List<String> areas = Areas.scorecardCodes();
        for (Period q = quarter("2023-24 Q1"); !q.start().isAfter(quarter("2024-25 Q4").start()); q = q.next()) {
            int i = 0;
            for (String area : areas) {
                double n = area.equals("WM") ? 500 : 100;
                double x = area.equals("WM") ? 300 : 40 + 10 * i;
                values.add(percent("VIS-01", "VIS", area, q, x, n, x / n >= 0.5 ? "green" : "red"));
                i++;
            }
        }
        Period month = Period.parse(PeriodType.MONTH, "2023-04");
        for (int m = 0; m < 24; m++, month = month.next()) {
            for (String area : areas) {
                double population = area.equals("WM") ? 500_000 : 100_000;
                long count = (area.equals("WM") ? 2500 : 500) + (m % 3) * 5;
                values.add(rate("PRV-04", "PRV", area, month, count, population, "no_target"));
            }
        }
        for (Period q = quarter("2023-24 Q1"); !q.start().isAfter(quarter("2024-25 Q4").start()); q = q.next()) {
            for (String area : areas) {
                double population = area.equals("WM") ? 500_000 : 100_000;
                long count = area.equals("WM") ? 7500 : area.equals("SHR") ? 1800 : 1500;
                values.add(rate("PRV-04", "PRV", area, q, count, population, "no_target"));
            }
        }
        return values;
    }
}
