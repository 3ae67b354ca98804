package uk.westmercia.charter.reporting;

import java.util.ArrayList;
import java.util.List;
import uk.westmercia.charter.reference.Lpa;

/** The scorecard's areas: the force, then the five LPAs in contract order. */
public final class Areas {
    public static final String FORCE = "force";
    public static final String LPA = "lpa";

    private Areas() {
    }

    /** Force code first, then the LPA codes. */
    public static List<String> scorecardCodes() {
        List<String> codes = new ArrayList<>();
        codes.add(Lpa.FORCE_CODE);
        for (Lpa lpa : Lpa.values()) {
            codes.add(lpa.code());
        }
        return codes;
    }

    public static List<String> lpaCodes() {
        return scorecardCodes().subList(1, Lpa.values().length + 1);
    }

    public static String levelOf(String code) {
        return Lpa.FORCE_CODE.equals(code) ? FORCE : LPA;
    }

    public static String nameOf(String code) {
        if (Lpa.FORCE_CODE.equals(code)) {
            return Lpa.FORCE_NAME;
        }
        return Lpa.fromCode(code).map(Lpa::displayName).orElse(code);
    }
}
