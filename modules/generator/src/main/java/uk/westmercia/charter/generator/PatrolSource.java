package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * patrols/*.csv: officer visits to LSOAs from the vehicle and radio location system, one row per officer's
 * continuous presence in one LSOA. Two parts:
 * <ul>
 *   <li>patrols that scale: vehicle, foot and cycle patrols, each an officer going out from an SNT and passing
 *       through one or more LSOAs in turn, drawn to the LSOAs with most crime and harm over the last year
 *       (vehicle most of the minutes, foot 15-25%, a little cycle);</li>
 *   <li>hotspot foot patrol, a policy that does not depend on scale: at the start of each financial quarter
 *       every LPA lists its hotspots as the VIS-10 metric does (the 5% of its LSOAs with a recorded crime in the
 *       365 days before the quarter that have most harm); those listed at the start of the financial year stay
 *       listed all year. Each ISO week a listed hotspot is either covered (one long foot visit or two shorter
 *       ones: at least an hour) or not (the team was abstracted: at most one short visit, and no other foot
 *       patrol goes there that week). How often it is covered differs by LPA and dips over Christmas and in
 *       August.</li>
 * </ul>
 * Every draw comes from this source's own streams ({@code patrols} per day, {@code patrols-week} per week,
 * {@code patrol-officers} per SNT), so adding it moved no draw of the other sources. What it keeps between days
 * is bounded: one week's hotspot plan, the LSOA weights and each officer's busy-until time.
 */
final class PatrolSource {

    static final List<String> HEADER = List.of("patrol_id", "started_at", "ended_at", "lsoa_code", "snt_code",
            "mode", "officer_id", "officer_role");
    static final List<String> MODES = List.of("foot", "vehicle", "cycle");
    static final List<String> ROLES = List.of("PC", "PCSO", "special", "sergeant", "inspector", "other");

    /** Patrols (an officer going out) per year at scale 1; each passes through about 3.5, 1.7 and 2.2 LSOAs. */
    static final double VEHICLE_SORTIES_PER_YEAR = 145_000;
    static final double FOOT_SORTIES_PER_YEAR = 22_000;
    static final double CYCLE_SORTIES_PER_YEAR = 3_000;
    /** Officers who patrol, at scale 1 (at least 8 per SNT at any scale). */
    static final double OFFICERS = 1_500;

    /** Share of an LPA's LSOAs (with a recorded crime in the last year) that are its hotspots. */
    static final double HOTSPOT_SHARE = 0.05;
    /** Weeks a hotspot gets an hour or more of foot patrol, by LPA (contract order). */
    private static final double[] COVERAGE = {0.74, 0.62, 0.69, 0.57, 0.70};

    private static final double[] VEHICLE_HOURS = {3.0, 2.6, 2.2, 1.8, 1.5, 1.4, 1.8, 2.8, 3.8, 4.2, 4.4, 4.5,
        4.6, 4.6, 4.7, 5.0, 5.3, 5.5, 5.5, 5.3, 5.0, 4.6, 4.0, 3.5};
    private static final double[] FOOT_HOURS = {0.8, 0.4, 0.1, 0.05, 0.05, 0.05, 0.1, 0.5, 1.6, 3.0, 4.0, 4.4,
        4.5, 4.5, 4.4, 4.2, 4.0, 3.6, 3.2, 3.0, 2.8, 2.4, 1.8, 1.2};
    private static final double[] CYCLE_HOURS = {0, 0, 0, 0, 0, 0, 0.1, 0.8, 2.0, 3.5, 4.2, 4.5, 4.5, 4.5, 4.4,
        4.2, 3.8, 3.2, 2.4, 1.6, 0.8, 0.3, 0, 0};
    /** Role mix of the officers out on each mode (ROLES order). */
    private static final double[][] ROLE_MIX = {
        {0.28, 0.56, 0.08, 0.06, 0.0, 0.02}, // foot
        {0.70, 0.04, 0.08, 0.12, 0.03, 0.03}, // vehicle
        {0.40, 0.45, 0.12, 0.03, 0.0, 0.0}, // cycle
    };
    /** Role mix of an SNT's officers. */
    private static final double[] POOL_MIX = {0.50, 0.25, 0.10, 0.10, 0.02, 0.03};

    private static final int FOOT = 0;
    private static final int VEHICLE = 1;
    private static final int CYCLE = 2;

    private final Generation g;
    private final HarmLedger ledger;
    private final RollingFile file;
    private final double[] sntWeights;
    /** Officers of each SNT by role: [snt][role]. */
    private final Officer[][][] officers;
    /** LSOAs of each SNT, as ledger indexes. */
    private final int[][] sntLsoas;
    /** Weight of each LSOA within its SNT for patrols, refreshed weekly from last year's crime. */
    private final double[] lsoaWeights;

    private LocalDate quarter;
    /** This quarter's list: its own hotspots and those listed at the start of the financial year. */
    private int[][] listed;
    /** Hotspots listed at the start of this financial year (null before any crime is on record). */
    private int[][] yearHotspots;
    private LocalDate plannedWeek;
    /** Hotspots not covered this week: no foot patrol but the plan's own goes there. */
    private boolean[] lapsed;
    private final List<Planned> planned = new ArrayList<>();
    private long patrolNumber;
    long bad;

    private static final class Officer {
        final String id;
        final int role;
        long busyUntil = Long.MIN_VALUE;

        Officer(String id, int role) {
            this.id = id;
            this.role = role;
        }
    }

    /** A hotspot foot visit planned for a day of this week. */
    private record Planned(LocalDate day, long secondOfDay, long seconds, int lsoa) {
    }

    private static final class Visit {
        long start;
        long end;
        int lsoa;
        Sortie sortie;
    }

    private static final class Sortie {
        final int mode;
        final ReferenceData.Snt snt;
        final List<Visit> visits = new ArrayList<>();
        Officer officer;
        boolean noOfficer;
        boolean noRole;

        Sortie(int mode, ReferenceData.Snt snt) {
            this.mode = mode;
            this.snt = snt;
        }

        long start() {
            return visits.get(0).start;
        }

        long end() {
            return visits.get(visits.size() - 1).end;
        }
    }

    PatrolSource(Generation g, Path landing, HarmLedger ledger) {
        this.g = g;
        this.ledger = ledger;
        this.file = new RollingFile(landing.resolve("patrols"), "patrols", ".csv", HEADER, "\n", false,
                g.options.gzipPatrols(), g.options.split(), g.options.to(), false);
        int n = g.ref.snts.size();
        sntWeights = new double[n];
        sntLsoas = new int[n][];
        officers = new Officer[n][][];
        double adults = g.ref.forceAdults();
        long officerNumber = 0;
        for (ReferenceData.Snt s : g.ref.snts) {
            int i = s.index();
            sntWeights[i] = s.adults() * s.crimeFactor();
            sntLsoas[i] = ledger.lsoasOf(s);
            SplittableRandom r = Rand.stream(g.options.seed(), "patrol-officers", i);
            int size = (int) Math.max(8, Math.round(OFFICERS * g.options.scale() * s.adults() / adults));
            List<List<Officer>> byRole = new ArrayList<>();
            for (int role = 0; role < ROLES.size(); role++) {
                byRole.add(new ArrayList<>());
            }
            for (int k = 0; k < size; k++) {
                // Every SNT has a sergeant, a PCSO and PCs; the rest follow the force's mix.
                int role = k == 0 ? 3 : k == 1 ? 1 : k < 4 ? 0 : Rand.weighted(r, POOL_MIX);
                byRole.get(role).add(new Officer(String.format(Locale.ROOT, "OFF%06d", ++officerNumber), role));
            }
            officers[i] = new Officer[ROLES.size()][];
            for (int role = 0; role < ROLES.size(); role++) {
                officers[i][role] = byRole.get(role).toArray(new Officer[0]);
            }
        }
        lsoaWeights = new double[ledger.size()];
        Arrays.fill(lsoaWeights, 1);
        lapsed = new boolean[ledger.size()];
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        LocalDate q = EngagementSource.quarterStart(day);
        if (!q.equals(quarter)) {
            listHotspots(q);
            quarter = q;
        }
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        if (!monday.equals(plannedWeek)) {
            planWeek(monday, day);
            plannedWeek = monday;
        }
        file.at(day);
        SplittableRandom r = Rand.stream(g.options.seed(), "patrols", day.toEpochDay());
        long dayStart = day.atStartOfDay(Times.LONDON).toEpochSecond();
        long dayEnd = day.plusDays(1).atStartOfDay(Times.LONDON).toEpochSecond();
        List<Sortie> sorties = new ArrayList<>();
        for (Planned p : planned) {
            if (p.day().equals(day)) {
                Sortie s = new Sortie(FOOT, ledger.snt(p.lsoa()));
                Visit v = new Visit();
                v.start = dayStart + p.secondOfDay();
                v.end = v.start + p.seconds();
                v.lsoa = p.lsoa();
                v.sortie = s;
                s.visits.add(v);
                sorties.add(s);
            }
        }
        double perDay = g.options.scale() / 365.25;
        boolean weekend = Times.weekend(day);
        int vehicle = Rand.poisson(r, VEHICLE_SORTIES_PER_YEAR * perDay * Times.season(day, 0.06)
                * (weekend ? 1.05 : 0.98));
        int foot = Rand.poisson(r, FOOT_SORTIES_PER_YEAR * perDay * Times.season(day, 0.25) * (weekend ? 1.15 : 0.94));
        int cycle = Rand.poisson(r, CYCLE_SORTIES_PER_YEAR * perDay * Times.season(day, 0.6));
        for (int k = 0; k < vehicle; k++) {
            sorties.add(sortie(r, VEHICLE, dayStart, dayEnd));
        }
        for (int k = 0; k < foot; k++) {
            sorties.add(sortie(r, FOOT, dayStart, dayEnd));
        }
        for (int k = 0; k < cycle; k++) {
            sorties.add(sortie(r, CYCLE, dayStart, dayEnd));
        }
        sorties.sort(Comparator.comparingLong(Sortie::start)); // stable: ties keep the order made
        List<Visit> visits = new ArrayList<>();
        for (Sortie s : sorties) {
            assignOfficer(r, s);
            visits.addAll(s.visits);
        }
        visits.sort(Comparator.comparingLong(v -> v.start));
        for (Visit v : visits) {
            write(r, v, day);
        }
    }

    /** The quarter's list: its own hotspots and those listed at the start of the financial year. */
    private void listHotspots(LocalDate quarterStart) {
        int[][] hot = hotspots(ledger.window(quarterStart));
        if (hot == null) {
            listed = fallbackHotspots();
            return;
        }
        if (quarterStart.getMonthValue() == 4 || yearHotspots == null) {
            yearHotspots = hot;
        }
        listed = new int[hot.length][];
        for (int l = 0; l < hot.length; l++) {
            listed[l] = IntStream.concat(Arrays.stream(hot[l]), Arrays.stream(yearHotspots[l])).distinct().toArray();
        }
    }

    /**
     * Each LPA's hotspots for a quarter from the recorded crime of the 365 days before it, as VIS-10 finds them:
     * of the LSOAs with a recorded crime, the k = ceil(5%) with most harm (ties by LSOA code). Null when no
     * LPA has any crime on record.
     */
    int[][] hotspots(HarmLedger.Window window) {
        int lpas = ReferenceData.LPAS.size();
        int[][] hot = new int[lpas][];
        boolean any = false;
        for (int l = 0; l < lpas; l++) {
            List<Integer> candidates = new ArrayList<>();
            for (ReferenceData.Snt s : g.ref.sntsByLpa.get(ReferenceData.LPAS.get(l))) {
                for (int i : sntLsoas[s.index()]) {
                    if (window.crimes()[i] > 0) {
                        candidates.add(i);
                    }
                }
            }
            candidates.sort(Comparator.comparingDouble((Integer i) -> -window.harm()[i])
                    .thenComparing(ledger::lsoa));
            int k = (int) Math.ceil(HOTSPOT_SHARE * candidates.size());
            hot[l] = candidates.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
            any |= k > 0;
        }
        return any ? hot : null;
    }

    /** Before any crime is on record (the first quarter generated): the first LSOAs of each LPA's busiest SNT. */
    private int[][] fallbackHotspots() {
        int lpas = ReferenceData.LPAS.size();
        int[][] hot = new int[lpas][];
        for (int l = 0; l < lpas; l++) {
            ReferenceData.Snt busiest = null;
            int lsoas = 0;
            for (ReferenceData.Snt s : g.ref.sntsByLpa.get(ReferenceData.LPAS.get(l))) {
                lsoas += s.lsoas().size();
                if (busiest == null || s.adults() * s.crimeFactor() > busiest.adults() * busiest.crimeFactor()) {
                    busiest = s;
                }
            }
            int k = (int) Math.ceil(HOTSPOT_SHARE * lsoas);
            hot[l] = Arrays.copyOf(sntLsoas[busiest.index()], k);
        }
        return hot;
    }

    private void planWeek(LocalDate monday, LocalDate today) {
        refreshWeights(today);
        planned.clear();
        Arrays.fill(lapsed, false);
        LocalDate first = monday.isBefore(today) ? today : monday;
        LocalDate last = monday.plusDays(6).isAfter(g.options.to()) ? g.options.to() : monday.plusDays(6);
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        // A week belongs to the quarter of its Monday (VIS-01's rule): planned on Monday, it keeps that
        // quarter's list to its Sunday.
        SplittableRandom r = Rand.stream(g.options.seed(), "patrols-week", monday.toEpochDay());
        double season = weekCoverage(monday);
        for (int l = 0; l < listed.length; l++) {
            for (int lsoa : listed[l]) {
                if (r.nextDouble() < COVERAGE[l] * season) {
                    // Covered: an hour or more, in one visit or two on different days.
                    if (r.nextDouble() < 0.6 || days == 1) {
                        plan(r, first, days, lsoa, Rand.between(r, 61 * 60, 80 * 60), -1);
                    } else {
                        int a = r.nextInt(days);
                        int b = (a + 1 + r.nextInt(days - 1)) % days;
                        plan(r, first, days, lsoa, Rand.between(r, 31 * 60, 45 * 60), a);
                        plan(r, first, days, lsoa, Rand.between(r, 31 * 60, 45 * 60), b);
                    }
                    for (int extra = Rand.poisson(r, 0.15); extra > 0; extra--) {
                        plan(r, first, days, lsoa, Rand.between(r, 15 * 60, 45 * 60), -1);
                    }
                } else {
                    lapsed[lsoa] = true;
                    if (r.nextDouble() < 0.4) {
                        plan(r, first, days, lsoa, Rand.between(r, 10 * 60, 45 * 60), -1);
                    }
                }
            }
        }
        planned.sort(Comparator.comparing(Planned::day).thenComparingLong(Planned::secondOfDay));
    }

    /** One planned hotspot visit on day {@code offset} of the week's generated days (random when -1). */
    private void plan(SplittableRandom r, LocalDate first, int days, int lsoa, int seconds, int offset) {
        LocalDate day = first.plusDays(offset >= 0 ? offset : r.nextInt(days));
        long daySeconds = Times.daySeconds(day);
        long start;
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY && r.nextDouble() < 0.15) {
            // Sunday night in the town centre: out until after midnight.
            start = daySeconds - Rand.between(r, 20 * 60, 90 * 60);
        } else {
            start = timeOfDay(r, FOOT_HOURS, daySeconds);
        }
        planned.add(new Planned(day, start, seconds, lsoa));
    }

    /** Coverage dips when officers are on leave or abstracted: late December, early January and August. */
    private static double weekCoverage(LocalDate monday) {
        LocalDate thursday = monday.plusDays(3);
        if ((thursday.getMonth() == Month.DECEMBER && thursday.getDayOfMonth() >= 18)
                || (thursday.getMonth() == Month.JANUARY && thursday.getDayOfMonth() <= 7)) {
            return 0.8;
        }
        return thursday.getMonth() == Month.AUGUST ? 0.9 : 1.0;
    }

    /** LSOA weights within each SNT from the last year's recorded crime and harm (flat before any crime). */
    private void refreshWeights(LocalDate today) {
        HarmLedger.Window w = ledger.window(today);
        for (int[] lsoas : sntLsoas) {
            double harm = 0;
            double crimes = 0;
            for (int i : lsoas) {
                harm += w.harm()[i];
                crimes += w.crimes()[i];
            }
            double meanHarm = harm / lsoas.length;
            double meanCrimes = crimes / lsoas.length;
            for (int i : lsoas) {
                if (meanHarm <= 0 || meanCrimes <= 0) {
                    lsoaWeights[i] = 1;
                } else {
                    double x = 0.1 + 0.45 * w.crimes()[i] / meanCrimes + 0.45 * Math.max(0, w.harm()[i]) / meanHarm;
                    lsoaWeights[i] = x * x;
                }
            }
        }
    }

    private Sortie sortie(SplittableRandom r, int mode, long dayStart, long dayEnd) {
        ReferenceData.Snt snt = g.ref.snts.get(Rand.weighted(r, sntWeights));
        Sortie s = new Sortie(mode, snt);
        double[] hours = mode == VEHICLE ? VEHICLE_HOURS : mode == FOOT ? FOOT_HOURS : CYCLE_HOURS;
        long start = dayStart + timeOfDay(r, hours, dayEnd - dayStart);
        int count = 1 + Rand.poisson(r, mode == VEHICLE ? 2.5 : mode == FOOT ? 0.7 : 1.2);
        int lsoa = -1;
        for (int k = 0; k < count && start < dayEnd; k++) {
            ReferenceData.Snt area = snt;
            if (k > 0 && mode == VEHICLE && r.nextDouble() < 0.06) {
                // Across the boundary into a neighbouring SNT of the same LPA.
                List<ReferenceData.Snt> siblings = g.ref.sntsByLpa.get(snt.lpa());
                area = siblings.get(r.nextInt(siblings.size()));
            }
            lsoa = pickLsoa(r, area, lsoa, mode == FOOT);
            long seconds = switch (mode) {
                case VEHICLE -> 300 + (long) (1500 * StrictMath.pow(r.nextDouble(), 1.15));
                case FOOT -> 600 + (long) (4800 * StrictMath.pow(r.nextDouble(), 1.5));
                default -> 480 + (long) (2220 * r.nextDouble());
            };
            Visit v = new Visit();
            v.start = start;
            v.end = start + seconds;
            v.lsoa = lsoa;
            v.sortie = s;
            s.visits.add(v);
            start = v.end + r.nextInt(mode == FOOT ? 300 : 120);
        }
        return s;
    }

    /** An LSOA of {@code snt} by weight, not {@code previous}; foot patrol avoids hotspots lapsed this week. */
    private int pickLsoa(SplittableRandom r, ReferenceData.Snt snt, int previous, boolean foot) {
        int[] lsoas = sntLsoas[snt.index()];
        double[] w = new double[lsoas.length];
        double total = 0;
        for (int k = 0; k < lsoas.length; k++) {
            int i = lsoas[k];
            w[k] = i == previous || (foot && lapsed[i]) ? 0 : lsoaWeights[i];
            total += w[k];
        }
        if (total <= 0) {
            return lsoas[r.nextInt(lsoas.length)];
        }
        return lsoas[Rand.weighted(r, w)];
    }

    private static long timeOfDay(SplittableRandom r, double[] hours, long daySeconds) {
        int hour = Rand.weighted(r, hours);
        double fraction = (hour + r.nextDouble()) / 24.0;
        return Math.min(daySeconds - 1, (long) (fraction * daySeconds));
    }

    private void assignOfficer(SplittableRandom r, Sortie s) {
        Officer[][] pool = officers[s.snt.index()];
        int role = Rand.weighted(r, ROLE_MIX[s.mode]);
        if (pool[role].length == 0) {
            role = 0;
        }
        Officer chosen = null;
        for (int attempt = 0; attempt < 6 && chosen == null; attempt++) {
            Officer o = pool[role][r.nextInt(pool[role].length)];
            if (o.busyUntil <= s.start()) {
                chosen = o;
            }
        }
        if (chosen == null) {
            // Everyone of that role is out: any free officer of the team, else the first tried.
            for (Officer[] ofRole : pool) {
                for (Officer o : ofRole) {
                    if (chosen == null && o.busyUntil <= s.start()) {
                        chosen = o;
                    }
                }
            }
            if (chosen == null) {
                chosen = pool[role][0];
            }
        }
        chosen.busyUntil = Math.max(chosen.busyUntil, s.end());
        s.officer = chosen;
        s.noOfficer = r.nextDouble() < 0.01; // radio not logged on to a collar number
        s.noRole = r.nextDouble() < 0.02;
    }

    private void write(SplittableRandom r, Visit v, LocalDate day) {
        Sortie s = v.sortie;
        ZonedDateTime started = Instant.ofEpochSecond(v.start).atZone(Times.LONDON);
        ZonedDateTime ended = Instant.ofEpochSecond(v.end).atZone(Times.LONDON);
        String[] row = {String.format(Locale.ROOT, "PV%02d%08d", day.getYear() % 100, ++patrolNumber),
            Times.format(started, Times.Style.ISO_LOCAL), Times.format(ended, Times.Style.ISO_LOCAL),
            ledger.lsoa(v.lsoa), s.snt.code(), MODES.get(s.mode), s.noOfficer ? "" : s.officer.id,
            s.noRole ? "" : ROLES.get(s.officer.role)};
        if (!g.badRow(r)) {
            file.row(row);
            return;
        }
        bad++;
        switch (r.nextInt(4)) {
            case 0: // ended before it started (the two clocks disagree)
                row[2] = Times.format(started.minusSeconds(Rand.between(r, 60, 600)), Times.Style.ISO_LOCAL);
                break;
            case 1: // an SNT code the areas file does not know
                row[4] = "WMX" + Rand.between(r, 10, 99);
                break;
            case 2: // a mode the contract does not list
                row[5] = s.mode == CYCLE ? "bike" : "car";
                break;
            default: // the same visit twice in one file
                file.row(row);
                break;
        }
        file.row(row);
    }
}
