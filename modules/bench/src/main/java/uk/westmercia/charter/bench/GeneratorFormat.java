package uk.westmercia.charter.bench;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for file names and tables. */
final class GeneratorFormat {
    private GeneratorFormat() {
    }

    /** {@code 1.0} as {@code 1}, {@code 0.05} as {@code 0.05}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", Math.round(kib / 1024.0));
    }

    static String grouped(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
