package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;

/**
 * survey-public/*.csv (Public Confidence and Perception survey, exported from a spreadsheet: UTF-8 with a
 * byte-order mark and CRLF) and survey-parish/*.csv (Town and Parish Council survey, UK dates).
 *
 * <p>The public survey uses an equal sample in each LPA (a boosted design, so small LPAs get a usable base);
 * its weights undo the LPA allocation and the over-representation of older respondents, with some noise,
 * and are kept within 0.3 to 3.
 */
final class SurveySources {

    static final List<String> PUBLIC_HEADER = List.of("respondent_id", "interview_date", "snt_code", "age_band",
            "sex", "ethnicity", "weight", "q_know_snt", "q_foot_patrol", "q_good_job", "q_relied_on", "q_respect",
            "q_fair", "q_understand", "q_matter", "q_confidence");
    static final List<String> PARISH_HEADER = List.of("response_id", "response_date", "parish_code",
            "q_attendance_satisfaction", "q_partnership_satisfaction", "q_regular_updates", "q_know_snt");

    static final double PUBLIC_PER_YEAR = 4_800;
    static final double PARISH_PER_YEAR = 1_000;

    static final String DONT_KNOW = "Don't know";
    static final String[] YES_NO = {"Yes", "No"};
    static final String[] FOOT_PATROL = {"At least weekly", "At least monthly", "Less than monthly", "Never"};
    static final String[] GOOD_JOB = {"Excellent", "Good", "Fair", "Poor", "Very poor"};
    static final String[] AGREE = {"Strongly agree", "Tend to agree", "Neither agree nor disagree",
        "Tend to disagree", "Strongly disagree"};
    static final String[] SATISFIED = {"Very satisfied", "Fairly satisfied", "Neither", "Fairly dissatisfied",
        "Very dissatisfied"};
    static final String[] ETHNICITIES = {"White", "Mixed", "Asian", "Black", "Other", "Prefer not to say"};
    private static final double[] ETHNICITY_MIX = {0.925, 0.016, 0.018, 0.007, 0.006, 0.028};
    private static final double[] ETHNICITY_MIX_TELFORD = {0.855, 0.03, 0.05, 0.025, 0.01, 0.03};
    private static final double[] ETHNICITY_EFFECT = {0.0, -0.2, -0.1, -0.35, -0.1, -0.15};
    /** How much likelier each age band is to take part than its population share suggests. */
    private static final double[] AGE_RESPONSE = {0.55, 0.7, 0.85, 1.0, 1.2, 1.45, 1.25};
    private static final double[] AGE_EFFECT = {-0.15, -0.15, -0.05, 0.0, 0.05, 0.15, 0.2};
    private static final double[] LPA_EFFECT = {0.15, -0.05, 0.1, 0.0, -0.15};
    /** Survey questions: chance of each answer, most positive first, before person-level variation. */
    private static final double[] KNOW_SNT = {0.38, 0.62};
    private static final double[] FOOT = {0.08, 0.17, 0.33, 0.42};
    private static final double[] JOB = {0.09, 0.45, 0.30, 0.11, 0.05};
    private static final double[][] AGREE_SHAPES = {
        {0.18, 0.44, 0.18, 0.13, 0.07}, // relied on
        {0.30, 0.52, 0.10, 0.05, 0.03}, // respect
        {0.22, 0.48, 0.17, 0.08, 0.05}, // fair
        {0.20, 0.50, 0.15, 0.10, 0.05}, // understand
        {0.16, 0.45, 0.20, 0.12, 0.07}, // matter
        {0.22, 0.50, 0.14, 0.09, 0.05}, // confidence
    };

    private final Generation g;
    private final RollingFile publicFile;
    private final RollingFile parishFile;
    private final double[][] sampleAge;
    private long respondentNumber;
    private long responseNumber;
    long badPublic;
    long badParish;

    SurveySources(Generation g, Path landing) {
        this.g = g;
        publicFile = new RollingFile(landing.resolve("survey-public"), "survey-public", ".csv", PUBLIC_HEADER,
                "\r\n", true, false, g.options.split(), g.options.to(), false);
        parishFile = new RollingFile(landing.resolve("survey-parish"), "survey-parish", ".csv", PARISH_HEADER,
                "\n", false, false, g.options.split(), g.options.to(), false);
        sampleAge = new double[g.ref.snts.size()][];
        for (ReferenceData.Snt s : g.ref.snts) {
            double[] w = new double[14];
            for (int age = 0; age < 7; age++) {
                for (int sex = 0; sex < 2; sex++) {
                    w[age * 2 + sex] = s.population(age, sex) * AGE_RESPONSE[age] * (sex == 0 ? 1.1 : 0.9);
                }
            }
            sampleAge[s.index()] = w;
        }
    }

    RollingFile publicFile() {
        return publicFile;
    }

    RollingFile parishFile() {
        return parishFile;
    }

    void day(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return; // no fieldwork on Sundays
        }
        SplittableRandom r = Rand.stream(g.options.seed(), "survey", day.toEpochDay());
        double perDay = g.options.surveyScale() / (365.25 * 6 / 7);
        for (String lpa : ReferenceData.LPAS) {
            int n = Rand.poisson(r, PUBLIC_PER_YEAR / ReferenceData.LPAS.size() * perDay);
            for (int i = 0; i < n; i++) {
                publicFile.at(day);
                respondent(r, day, lpa);
            }
        }
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            int n = Rand.poisson(r, PARISH_PER_YEAR * perDay * 6 / 5);
            for (int i = 0; i < n; i++) {
                parishFile.at(day);
                parish(r, day);
            }
        }
    }

    private void respondent(SplittableRandom r, LocalDate day, String lpa) {
        int lpaIndex = ReferenceData.LPAS.indexOf(lpa);
        List<ReferenceData.Snt> snts = g.ref.sntsByLpa.get(lpa);
        double[] sntWeights = new double[snts.size()];
        for (int i = 0; i < sntWeights.length; i++) {
            sntWeights[i] = snts.get(i).adults();
        }
        ReferenceData.Snt snt = snts.get(Rand.weighted(r, sntWeights));
        double[] cells = sampleAge[snt.index()];
        int cell = Rand.weighted(r, cells);
        int age = cell / 2;
        int sex = cell % 2;
        int ethnicity = Rand.weighted(r, lpa.equals("TWR") ? ETHNICITY_MIX_TELFORD : ETHNICITY_MIX);

        // Weight: population share over sample share, for the LPA and for the age-sex cell within the SNT.
        double lpaFactor = (double) g.ref.lpaAdults(lpa) / g.ref.forceAdults() * ReferenceData.LPAS.size();
        double cellsTotal = 0;
        for (double c : cells) {
            cellsTotal += c;
        }
        double cellFactor = ((double) snt.population(age, sex) / snt.adults()) / (cells[cell] / cellsTotal);
        double weight = lpaFactor * cellFactor * StrictMath.exp(0.15 * Rand.gaussian(r));
        weight = Math.min(3.0, Math.max(0.3, weight));

        // A respondent's general view of the police: area, age, ethnicity, a slow upward trend, and themselves.
        double years = (day.toEpochDay() - LocalDate.of(2023, 4, 1).toEpochDay()) / 365.25;
        double view = 0.75 * Rand.gaussian(r) + LPA_EFFECT[lpaIndex] + AGE_EFFECT[age]
                + ETHNICITY_EFFECT[ethnicity] + 0.04 * years;
        boolean rural = snt.crimeFactor() < 1.0;

        String[] row = new String[PUBLIC_HEADER.size()];
        row[0] = String.format(Locale.ROOT, "R%02d%07d", day.getYear() % 100, ++respondentNumber);
        row[1] = Times.isoDate(day);
        row[2] = snt.code();
        row[3] = ReferenceData.AGE_BANDS.get(age);
        row[4] = ReferenceData.SEXES.get(sex);
        row[5] = ETHNICITIES[ethnicity];
        row[6] = String.format(Locale.ROOT, "%.3f", weight);
        double knowShift = (rural ? 0.25 : -0.1) + 0.1 * (age - 3);
        row[7] = answer(r, YES_NO, KNOW_SNT, 0.5 * view + knowShift, 0.05);
        row[8] = answer(r, FOOT_PATROL, FOOT, 0.3 * view + (rural ? -0.1 : 0.1), 0.05);
        row[9] = answer(r, GOOD_JOB, JOB, view, 0.06);
        for (int q = 0; q < AGREE_SHAPES.length; q++) {
            row[10 + q] = answer(r, AGREE, AGREE_SHAPES[q], view, q == 1 ? 0.03 : 0.05);
        }
        if (r.nextDouble() < 0.06) {
            row[3] = ""; // age not given
        }
        if (g.badRow(r)) {
            badPublic++;
            switch (r.nextInt(4)) {
                case 0:
                    row[2] = "WMX" + Rand.between(r, 10, 99);
                    break;
                case 1:
                    row[1] = String.format(Locale.ROOT, "%02d/%02d/%d", day.getMonthValue(), 31, day.getYear());
                    break;
                case 2:
                    row[12] = "Agree";
                    break;
                default:
                    row[6] = "0";
                    break;
            }
        }
        publicFile.row(row);
    }

    /**
     * An answer on an ordered scale: the person's view shifts the chances towards the positive end. Some
     * answers are "Don't know", about 2% are left empty (not asked or refused).
     */
    private static String answer(SplittableRandom r, String[] scale, double[] shares, double view,
                                 double dontKnow) {
        double u = r.nextDouble();
        if (u < 0.02) {
            return "";
        }
        if (u < 0.02 + dontKnow) {
            return DONT_KNOW;
        }
        // Latent score ~ N(view, 1 - 0.75^2) around the population cut points of the shares.
        double latent = view + StrictMath.sqrt(1 - 0.5625) * Rand.gaussian(r);
        double cumulative = 0;
        for (int k = 0; k < scale.length - 1; k++) {
            cumulative += shares[k];
            if (latent > Rand.probit(1 - cumulative)) {
                return scale[k];
            }
        }
        return scale[scale.length - 1];
    }

    private void parish(SplittableRandom r, LocalDate day) {
        ReferenceData.Parish parish = g.ref.parishes.get(r.nextInt(g.ref.parishes.size()));
        double view = 0.8 * Rand.gaussian(r) + LPA_EFFECT[ReferenceData.LPAS.indexOf(parish.lpa())];
        String[] row = {String.format(Locale.ROOT, "PS%02d%06d", day.getYear() % 100, ++responseNumber), Times.ukDate(day),
            parish.code(),
            answer(r, SATISFIED, new double[] {0.30, 0.44, 0.12, 0.09, 0.05}, view, 0.04),
            answer(r, SATISFIED, new double[] {0.22, 0.45, 0.17, 0.11, 0.05}, view, 0.05),
            answer(r, YES_NO, new double[] {0.76, 0.24}, view, 0.05),
            answer(r, YES_NO, new double[] {0.84, 0.16}, 0.5 * view, 0.04)};
        if (g.badRow(r)) {
            badParish++;
            if (r.nextBoolean()) {
                row[2] = parish.sntCode() + "P99";
            } else {
                row[1] = String.format(Locale.ROOT, "%d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            }
        }
        parishFile.row(row);
    }
}
