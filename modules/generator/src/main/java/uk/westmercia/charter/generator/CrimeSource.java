package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * crime/*.csv: the force's recorded-crime extract, one delta extract per day (or month): the crimes and ASB
 * incidents recorded that day, plus restatements of earlier crimes (changed category, area or cancelled).
 */
final class CrimeSource {

    static final List<String> HEADER = List.of("crime_ref", "recorded_date", "offence_date", "category",
            "snt_code", "location_id", "lsoa_code", "victim_id", "offender_id", "vulnerable_victim",
            "domestic_abuse", "val_referral_date", "status", "extracted_at");

    static final String ASB = "Anti-social behaviour";
    static final String VIOLENCE = "Violence and sexual offences";
    /** Recorded crime categories (ASB apart) and their share of recorded crime. */
    static final String[] CATEGORIES = {"Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
        "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
        "Theft from the person", "Vehicle crime", VIOLENCE};
    private static final double[] CATEGORY_SHARES = {1.5, 5.0, 10.0, 3.0, 3.5, 8.0, 1.2, 10.0, 0.8, 9.0, 1.0,
        5.0, 42.0};
    /** Chance a crime of each category has a victim id (drugs and weapons offences have none). */
    private static final double[] VICTIM_SHARE = {0.95, 0.97, 0.9, 0.0, 0.6, 0.9, 0.02, 0.45, 0.98, 0.35, 0.98,
        0.95, 0.97};
    /** Chance a crime of each category has a named offender. */
    private static final double[] OFFENDER_SHARE = {0.05, 0.12, 0.15, 0.95, 0.4, 0.1, 0.9, 0.55, 0.25, 0.5, 0.08,
        0.07, 0.6};
    /** Chance a location is one already seen in the SNT: shops and town centres come back. */
    private static final double[] LOCATION_REPEAT = {0.3, 0.12, 0.3, 0.45, 0.25, 0.35, 0.4, 0.45, 0.35, 0.75,
        0.5, 0.25, 0.3};
    /** Weekly shape of recorded crime, Monday first. */
    private static final double[] WEEKDAY = {0.96, 0.95, 0.96, 0.98, 1.05, 1.08, 1.02};

    static final double RECORDED_PER_YEAR = 90_000;
    static final double ASB_PER_YEAR = 25_000;
    static final double RESTATE_SHARE = 0.025;
    private static final int MAX_PENDING = 20_000;
    private static final int POOL = 2000;

    private final Generation g;
    private final RollingFile file;
    /** Told of every crime written (and restated), for the patrol source; draws nothing. */
    private final HarmLedger ledger;
    private final IdPool[] victims;
    private final IdPool[] domesticVictims;
    private final IdPool[] locations;
    private final IdPool[] offenders;
    private final double[] sntWeights;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long crimeNumber;
    private long victimNumber;
    private long locationNumber;
    private long offenderNumber;
    private long pendingNumber;
    long restatements;
    long bad;

    /** A restatement due in a later extract, with the original's category and LSOA (for the ledger). */
    private record Pending(LocalDate due, long order, String[] row, String originalCategory, String originalLsoa)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    CrimeSource(Generation g, Path landing, HarmLedger ledger) {
        this.g = g;
        this.ledger = ledger;
        this.file = new RollingFile(landing.resolve("crime"), "crime", ".csv", HEADER, "\r\n", false, false,
                g.options.split(), g.options.to(), true);
        int n = g.ref.snts.size();
        victims = new IdPool[n];
        domesticVictims = new IdPool[n];
        locations = new IdPool[n];
        offenders = new IdPool[n];
        sntWeights = new double[n];
        for (int i = 0; i < n; i++) {
            victims[i] = new IdPool(POOL);
            domesticVictims[i] = new IdPool(POOL / 4);
            locations[i] = new IdPool(POOL);
            offenders[i] = new IdPool(POOL / 2);
            ReferenceData.Snt s = g.ref.snts.get(i);
            sntWeights[i] = s.adults() * s.crimeFactor();
        }
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        SplittableRandom r = Rand.stream(g.options.seed(), "crime", day.toEpochDay());
        file.at(day);
        while (!pending.isEmpty() && !pending.peek().due().isAfter(day)) {
            Pending p = pending.poll();
            if (p.due().equals(day)) {
                file.row(p.row());
                restatements++;
                LocalDate recorded = LocalDate.parse(p.row()[1]);
                ledger.record(recorded, p.originalLsoa(), p.originalCategory(), -1);
                if (!"cancelled".equals(p.row()[12])) {
                    ledger.record(recorded, p.row()[6], p.row()[3], 1);
                }
            }
        }
        double total = Arrays.stream(sntWeights).sum();
        double weekday = WEEKDAY[day.getDayOfWeek().getValue() - 1];
        double perDay = g.options.scale() / 365.25 * weekday;
        for (int i = 0; i < sntWeights.length; i++) {
            ReferenceData.Snt snt = g.ref.snts.get(i);
            double share = sntWeights[i] / total;
            int crimes = Rand.poisson(r, RECORDED_PER_YEAR * perDay * share * Times.season(day, 0.12));
            int asb = Rand.poisson(r, ASB_PER_YEAR * perDay * share * Times.season(day, 0.3));
            while (crimes + asb > 0) {
                // Interleave ASB among crimes, as the recording system lists them by time.
                boolean isAsb = r.nextInt(crimes + asb) < asb;
                if (isAsb) {
                    asb--;
                } else {
                    crimes--;
                }
                emit(r, day, snt, isAsb);
            }
        }
    }

    private void emit(SplittableRandom r, LocalDate day, ReferenceData.Snt snt, boolean asb) {
        long today = day.toEpochDay();
        int i = snt.index();
        int c = asb ? -1 : Rand.weighted(r, CATEGORY_SHARES);
        String category = asb ? ASB : CATEGORIES[c];
        String ref = String.format(Locale.ROOT, "WM%02d/%07d", day.getYear() % 100, ++crimeNumber);

        LocalDate offence = null;
        double o = r.nextDouble();
        if (o < 0.55) {
            offence = day;
        } else if (o < 0.85) {
            offence = day.minusDays(Rand.between(r, 1, 3));
        } else if (o < 0.95) {
            offence = day.minusDays(Rand.between(r, 4, 60));
        }

        long location = -1;
        if (r.nextDouble() < (asb ? 0.85 : 0.93)) {
            if (r.nextDouble() < (asb ? 0.45 : LOCATION_REPEAT[c])) {
                location = locations[i].pick(r, today, 330);
            }
            if (location < 0) {
                location = ++locationNumber;
            }
            locations[i].add(location, today);
        }
        String lsoa = location >= 0 ? snt.lsoas().get((int) (location % snt.lsoas().size()))
                : (r.nextDouble() < 0.3 ? snt.lsoas().get(r.nextInt(snt.lsoas().size())) : null);

        boolean domestic = !asb && (category.equals(VIOLENCE) ? r.nextDouble() < 0.15
                : (category.equals("Criminal damage and arson") || category.equals("Public order"))
                && r.nextDouble() < 0.04);
        long victim = -1;
        if (domestic || r.nextDouble() < (asb ? 0.3 : VICTIM_SHARE[c])) {
            if (domestic && r.nextDouble() < 0.22) {
                victim = domesticVictims[i].pick(r, today, 330);
            }
            if (victim < 0 && !asb && r.nextDouble() < 0.16) {
                victim = victims[i].pick(r, today, 330);
            }
            if (victim < 0) {
                victim = ++victimNumber;
            }
            if (!asb) {
                victims[i].add(victim, today);
                if (domestic) {
                    domesticVictims[i].add(victim, today);
                }
            }
        }
        long offender = -1;
        if (!asb && (domestic ? r.nextDouble() < 0.9 : r.nextDouble() < OFFENDER_SHARE[c])) {
            if (r.nextDouble() < 0.22) {
                offender = offenders[i].pick(r, today, 330);
            }
            if (offender < 0) {
                offender = ++offenderNumber;
            }
            offenders[i].add(offender, today);
        }
        boolean vulnerable = victim >= 0 && !asb && r.nextDouble() < (domestic ? 0.5 : 0.17);
        LocalDate referral = null;
        if (vulnerable) {
            double v = r.nextDouble();
            if (v < 0.84) {
                referral = day.plusDays(r.nextDouble() < 0.7 ? r.nextInt(3) : Rand.between(r, 3, 7));
            } else if (v < 0.93) {
                referral = day.plusDays(Rand.between(r, 8, 40));
            }
        } else if (victim >= 0 && !asb && r.nextDouble() < 0.04) {
            referral = day.plusDays(r.nextInt(10));
        }
        if (referral != null && referral.isAfter(g.options.to())) {
            referral = null; // not referred yet when the last extract was taken
        }
        String status = r.nextDouble() < 0.05 ? "" : "recorded";
        String extractedAt = r.nextDouble() < 0.03 ? "" : extractedAt(r, day);

        String[] row = {ref, Times.isoDate(day), offence == null ? "" : Times.isoDate(offence), category,
            snt.code(), location >= 0 ? String.format(Locale.ROOT, "LOC%08d", location) : "", lsoa == null ? "" : lsoa,
            victim >= 0 ? String.format(Locale.ROOT, "V%08d", victim) : "", offender >= 0 ? String.format(Locale.ROOT, "P%07d", offender) : "",
            vulnerable ? "Y" : "N", domestic ? "Y" : "N", referral == null ? "" : Times.ukDate(referral), status,
            extractedAt};

        if (g.badRow(r)) {
            writeBad(r, row, day);
            return;
        }
        file.row(row);
        ledger.record(day, row[6], category, 1);
        if (!asb && r.nextDouble() < RESTATE_SHARE) {
            scheduleRestatement(r, row, day, snt);
        }
    }

    private void scheduleRestatement(SplittableRandom r, String[] original, LocalDate day, ReferenceData.Snt snt) {
        LocalDate due;
        if (g.options.split() == FileSplit.DAY) {
            due = day.plusDays(Rand.between(r, 1, 30));
        } else {
            // Always in a later month's file: one key appears once per file.
            due = day.withDayOfMonth(1).plusMonths(1).plusDays(r.nextInt(28));
        }
        if (due.isAfter(g.options.to()) || pending.size() >= MAX_PENDING) {
            return;
        }
        String[] row = original.clone();
        double kind = r.nextDouble();
        if (kind < 0.4) {
            row[12] = "cancelled";
        } else if (kind < 0.85) {
            row[3] = restatedCategory(r, row[3]);
            row[12] = "recorded";
        } else {
            List<ReferenceData.Snt> siblings = g.ref.sntsByLpa.get(snt.lpa());
            // Moved to a neighbouring SNT of the same LPA.
            ReferenceData.Snt other = siblings.get((siblings.indexOf(snt) + 1 + r.nextInt(siblings.size() - 1))
                    % siblings.size());
            row[4] = other.code();
            row[6] = other.lsoas().get(r.nextInt(other.lsoas().size()));
            row[12] = "recorded";
        }
        row[13] = extractedAt(r, due);
        pending.add(new Pending(due, ++pendingNumber, row, original[3], original[6]));
    }

    private static String restatedCategory(SplittableRandom r, String category) {
        switch (category) {
            case "Other theft":
                return r.nextBoolean() ? "Burglary" : "Theft from the person";
            case "Public order":
                return VIOLENCE;
            case VIOLENCE:
                return r.nextBoolean() ? "Public order" : "Robbery";
            case "Criminal damage and arson":
                return r.nextBoolean() ? "Vehicle crime" : "Burglary";
            case "Burglary":
                return "Other theft";
            case "Shoplifting":
                return "Other theft";
            case "Other crime":
                return "Public order";
            default:
                return "Other crime";
        }
    }

    private static String extractedAt(SplittableRandom r, LocalDate day) {
        return Times.format(Times.at(day, 23 * 3600 + r.nextInt(50 * 60)), Times.Style.ISO_LOCAL);
    }

    private void writeBad(SplittableRandom r, String[] row, LocalDate day) {
        bad++;
        switch (r.nextInt(4)) {
            case 0: // an SNT code the areas file does not know
                row[4] = "WMX" + Rand.between(r, 10, 99);
                file.row(row);
                break;
            case 1: // a date that cannot exist, or US order
                row[1] = r.nextBoolean() ? day.getYear() + "-02-30" : String.format(Locale.ROOT, "%02d/13/%d",
                        day.getDayOfMonth(), day.getYear());
                file.row(row);
                break;
            case 2: // an unknown category
                row[3] = r.nextBoolean() ? "Theft" : "Violence";
                file.row(row);
                break;
            default: // the same crime twice in one extract
                file.row(row);
                file.row(row);
                break;
        }
    }
}
