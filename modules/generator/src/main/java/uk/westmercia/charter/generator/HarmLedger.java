package uk.westmercia.charter.generator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the crime extracts have recorded in each LSOA over the last 366 days, day by day: recorded crimes (not
 * ASB, not cancelled) and their harm (harm-weights.csv). The patrol source reads it the way a force analyst
 * reads last year's crime: to find the hotspots to patrol. Fed as crime rows are written, so it never draws a
 * random number and the crime output does not depend on it. Bounded: one ring of 366 days of 264 LSOAs.
 */
final class HarmLedger {

    /** Days kept: a window of the 365 days before a date, plus that date. */
    static final int DAYS = 366;

    private final ReferenceData ref;
    private final Map<String, Integer> lsoaIndex = new HashMap<>();
    private final String[] lsoaCodes;
    private final int[] sntOf;
    private final Map<String, Double> weights;
    private final double[][] harm;
    private final int[][] crimes;
    private final long[] dayOf;

    /** Sums over a window, per LSOA (index as {@link #lsoa(int)}). */
    record Window(double[] harm, int[] crimes) {
    }

    HarmLedger(ReferenceData ref) {
        this.ref = ref;
        int n = 0;
        for (ReferenceData.Snt s : ref.snts) {
            n += s.lsoas().size();
        }
        lsoaCodes = new String[n];
        sntOf = new int[n];
        int i = 0;
        for (ReferenceData.Snt s : ref.snts) {
            for (String code : s.lsoas()) {
                lsoaIndex.put(code, i);
                lsoaCodes[i] = code;
                sntOf[i] = s.index();
                i++;
            }
        }
        weights = ReferenceData.harmWeights();
        harm = new double[DAYS][n];
        crimes = new int[DAYS][n];
        dayOf = new long[DAYS];
        java.util.Arrays.fill(dayOf, Long.MIN_VALUE);
    }

    int size() {
        return lsoaCodes.length;
    }

    String lsoa(int index) {
        return lsoaCodes[index];
    }

    /** Index of an LSOA code, or -1 for a code outside the force. */
    int index(String lsoa) {
        Integer i = lsoaIndex.get(lsoa);
        return i == null ? -1 : i;
    }

    ReferenceData.Snt snt(int index) {
        return ref.snts.get(sntOf[index]);
    }

    /** LSOA indexes of one SNT, in its LSOA order. */
    int[] lsoasOf(ReferenceData.Snt snt) {
        List<String> codes = snt.lsoas();
        int[] out = new int[codes.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = lsoaIndex.get(codes.get(k));
        }
        return out;
    }

    /**
     * Adds ({@code sign} 1) or takes back ({@code sign} -1, a restated or cancelled crime) one crime recorded on
     * {@code recorded}. ASB, unknown categories, rows without an LSOA and days older than the ring are ignored.
     */
    void record(LocalDate recorded, String lsoa, String category, int sign) {
        if (lsoa == null || lsoa.isEmpty() || CrimeSource.ASB.equals(category)) {
            return;
        }
        Integer i = lsoaIndex.get(lsoa);
        Double weight = weights.get(category);
        if (i == null || weight == null) {
            return;
        }
        long day = recorded.toEpochDay();
        int slot = (int) Math.floorMod(day, (long) DAYS);
        if (dayOf[slot] != day) {
            if (dayOf[slot] > day) {
                return; // older than the ring holds
            }
            java.util.Arrays.fill(harm[slot], 0);
            java.util.Arrays.fill(crimes[slot], 0);
            dayOf[slot] = day;
        }
        harm[slot][i] += sign * weight;
        crimes[slot][i] += sign;
    }

    /** Recorded crime and harm per LSOA over the 365 days before {@code start} (start itself excluded). */
    Window window(LocalDate start) {
        long end = start.toEpochDay() - 1;
        long first = end - 364;
        double[] h = new double[lsoaCodes.length];
        int[] c = new int[lsoaCodes.length];
        for (int slot = 0; slot < DAYS; slot++) {
            long day = dayOf[slot];
            if (day >= first && day <= end) {
                for (int i = 0; i < h.length; i++) {
                    h[i] += harm[slot][i];
                    c[i] += crimes[slot][i];
                }
            }
        }
        return new Window(h, c);
    }
}
