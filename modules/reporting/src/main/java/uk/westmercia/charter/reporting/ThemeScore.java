package uk.westmercia.charter.reporting;

/**
 * Per area, period and theme: metrics counted by status, and attainment = 100 green / (green +
 * amber + red), null when none is rated (metrics.md, "Theme scores"). No hidden weights.
 */
public record ThemeScore(
        String areaLevel,
        String areaCode,
        String periodType,
        String periodLabel,
        String theme,
        long green,
        long amber,
        long red,
        long noTarget,
        long lowBase,
        long noData,
        Double attainment) {

    public long rated() {
        return green + amber + red;
    }

    public long metrics() {
        return green + amber + red + noTarget + lowBase + noData;
    }
}
