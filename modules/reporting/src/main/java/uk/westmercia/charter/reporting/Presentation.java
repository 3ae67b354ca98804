package uk.westmercia.charter.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and labels for presentation; metric_values keeps full precision. */
public final class Presentation {
    public static final String TOO_FEW_RESPONSES = "too few responses";

    private Presentation() {
    }

    /** Decimal places shown for a unit. */
    public static int decimals(String unit) {
        return switch (unit == null ? "" : unit) {
            case "per_1000" -> 2;
            case "count" -> 0;
            default -> 1;
        };
    }

    /** The number rounded half-up for the unit, or "" when null or not finite. */
    public static String number(Double value, String unit) {
        return number(value, decimals(unit));
    }

    public static String number(Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        String text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // No "-0.0" after rounding.
        return text.matches("-0(\\.0+)?") ? text.substring(1) : text;
    }

    /**
     * A p- or q-value to four significant digits, written out in full (0.00001234, not 1.234E-5), so a
     * spreadsheet reads it as a number; "" when null or not finite.
     */
    public static String probability(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new java.math.MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A p- or q-value for a sentence: "< 0.0001" below that, else four significant digits. */
    public static String probabilityText(Double value) {
        if (value != null && value < 0.0001) {
            return "< 0.0001";
        }
        return probability(value);
    }

    /** A funnel place as words: "above the 99.8% limit", "within the limits". */
    public static String placeLabel(String place) {
        if (place == null) {
            return "not placed";
        }
        return switch (place) {
            case "within" -> "within the limits";
            case "above_95" -> "above the 95% limit";
            case "below_95" -> "below the 95% limit";
            case "above_99_8" -> "above the 99.8% limit";
            case "below_99_8" -> "below the 99.8% limit";
            default -> place.replace('_', ' ');
        };
    }

    public static String assuranceLabel(String assurance) {
        if (assurance == null) {
            return "no assurance";
        }
        return switch (assurance) {
            case "consistently_pass" -> "consistently passes the target";
            case "consistently_fail" -> "consistently fails the target";
            case "hit_and_miss" -> "hits and misses the target";
            default -> assurance.replace('_', ' ');
        };
    }

    /** A change with its sign. */
    public static String signed(Double value, String unit) {
        String text = number(value, unit);
        return text.isEmpty() || text.startsWith("-") || text.matches("0(\\.0+)?") ? text : "+" + text;
    }

    public static String unitSuffix(String unit) {
        return switch (unit == null ? "" : unit) {
            case "percent" -> "%";
            case "per_1000" -> " per 1,000";
            case "days" -> " days";
            case "points" -> " points";
            default -> "";
        };
    }

    public static String changeUnit(String unit) {
        return "percent".equals(unit) ? " pts" : unitSuffix(unit);
    }

    public static String statusLabel(String status) {
        if (status == null) {
            return "no data";
        }
        return switch (status) {
            case "low_base" -> TOO_FEW_RESPONSES;
            case "no_target" -> "no target";
            case "no_data" -> "no data";
            default -> status;
        };
    }

    public static String signalLabel(String signal) {
        if (signal == null) {
            return "not monthly";
        }
        return switch (signal) {
            case "common_cause" -> "common cause";
            case "insufficient_data" -> "insufficient data";
            case "special_cause" -> "special cause";
            default -> signal;
        };
    }
}
