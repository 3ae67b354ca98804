package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * priorities/*.csv: the neighbourhood priorities register, one row per event in a priority's life. Each SNT
 * holds two to four priorities at a time (set in the first four weeks generated, then replaced as they close):
 * each is reviewed every one to three months (now and then a review slips past 90 days) and closed after three
 * to nine months, most closures with a published "you said, we did" update. Now and then a team lets its whole
 * register lapse for two to five months (a sergeant leaves, the team is abstracted) and catches up after, so
 * RSP-07 is high but not always 100%. Not scaled: the register is per SNT. Own streams ({@code priorities} per
 * day, {@code priorities-snt} per SNT), so no other source's draws move.
 */
final class PrioritySource {

    static final List<String> HEADER = List.of("event_id", "priority_id", "event_date", "event", "snt_code",
            "parish_code", "category", "raised_via", "update_published");
    static final List<String> CATEGORIES = List.of("asb", "speeding", "drugs", "burglary", "theft", "violence",
            "parking", "other");
    static final List<String> RAISED_VIA = List.of("survey", "public_meeting", "parish_council", "online",
            "partner", "analysis");
    /** Category mix of priorities in towns (crime factor 1.2 or more) and in the country (CATEGORIES order). */
    private static final double[] TOWN_MIX = {0.30, 0.10, 0.17, 0.06, 0.12, 0.09, 0.10, 0.06};
    private static final double[] RURAL_MIX = {0.20, 0.30, 0.07, 0.08, 0.08, 0.03, 0.16, 0.08};
    private static final double[] RAISED_MIX = {0.15, 0.20, 0.25, 0.15, 0.10, 0.15};
    /** Closures with a published update, by LPA (contract order). */
    private static final double[] PUBLISHED_ON_CLOSE = {0.84, 0.74, 0.80, 0.71, 0.82};
    /** Chance, each month, that a team lets its register lapse for a while. */
    private static final double LAPSE_PER_MONTH = 0.03;

    private static final class Priority {
        String id;
        String parish;
        String category;
        String raisedVia;
        LocalDate nextReview;
        LocalDate closeOn;
    }

    private static final class Team {
        final ReferenceData.Snt snt;
        final List<Priority> open = new ArrayList<>();
        final List<LocalDate> toSet = new ArrayList<>();
        LocalDate pausedUntil;
        int number;

        Team(ReferenceData.Snt snt) {
            this.snt = snt;
        }
    }

    private final Generation g;
    private final RollingFile file;
    private final List<Team> teams = new ArrayList<>();
    private long eventNumber;
    private boolean started;

    PrioritySource(Generation g, Path landing) {
        this.g = g;
        this.file = new RollingFile(landing.resolve("priorities"), "priorities", ".csv", HEADER, "\n", false, false,
                g.options.split(), g.options.to(), false);
        for (ReferenceData.Snt s : g.ref.snts) {
            teams.add(new Team(s));
        }
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        file.at(day);
        SplittableRandom r = Rand.stream(g.options.seed(), "priorities", day.toEpochDay());
        if (!started) {
            started = true;
            for (Team t : teams) {
                SplittableRandom s = Rand.stream(g.options.seed(), "priorities-snt", t.snt.index());
                for (int n = Rand.between(s, 2, 4); n > 0; n--) {
                    t.toSet.add(day.plusDays(s.nextInt(28)));
                }
            }
        }
        for (Team t : teams) {
            if (day.getDayOfMonth() == 1 && t.pausedUntil == null && r.nextDouble() < LAPSE_PER_MONTH) {
                t.pausedUntil = day.plusDays(Rand.between(r, 75, 160));
            }
            if (t.pausedUntil != null) {
                if (day.isBefore(t.pausedUntil)) {
                    continue; // nothing reviewed, closed or set; what falls due waits
                }
                t.pausedUntil = null;
            }
            for (Iterator<Priority> it = t.open.iterator(); it.hasNext(); ) {
                Priority p = it.next();
                if (!p.closeOn.isAfter(day)) {
                    it.remove();
                    boolean published = r.nextDouble() < PUBLISHED_ON_CLOSE[ReferenceData.LPAS.indexOf(t.snt.lpa())];
                    write(r, t, p, day, "closed", published);
                    // Replaced: at once when the team would hold fewer than two, else within three weeks.
                    int holding = t.open.size() + t.toSet.size();
                    if (t.open.size() < 2) {
                        t.toSet.add(day);
                    } else if (holding < 4 && r.nextDouble() < 0.85) {
                        t.toSet.add(day.plusDays(Rand.between(r, 0, 21)));
                    }
                    if (holding < 3 && r.nextDouble() < 0.12) {
                        t.toSet.add(day.plusDays(Rand.between(r, 7, 35)));
                    }
                } else if (!p.nextReview.isAfter(day)) {
                    p.nextReview = day.plusDays(reviewGap(r));
                    write(r, t, p, day, "reviewed", r.nextDouble() < 0.25);
                }
            }
            for (Iterator<LocalDate> it = t.toSet.iterator(); it.hasNext(); ) {
                if (!it.next().isAfter(day)) {
                    it.remove();
                    if (t.open.size() >= 4) {
                        continue; // four is as many as a team holds
                    }
                    Priority p = newPriority(r, t, day);
                    t.open.add(p);
                    write(r, t, p, day, "set", r.nextDouble() < 0.35);
                }
            }
        }
    }

    /** Days to the next review: one to three months, now and then longer. */
    private static int reviewGap(SplittableRandom r) {
        return r.nextDouble() < 0.06 ? Rand.between(r, 95, 140) : Rand.between(r, 28, 92);
    }

    private Priority newPriority(SplittableRandom r, Team t, LocalDate day) {
        Priority p = new Priority();
        p.id = String.format(Locale.ROOT, "NP-%s-%04d", t.snt.code(), ++t.number);
        p.category = CATEGORIES.get(Rand.weighted(r, t.snt.crimeFactor() >= 1.2 ? TOWN_MIX : RURAL_MIX));
        String via = RAISED_VIA.get(Rand.weighted(r, RAISED_MIX));
        List<ReferenceData.Parish> parishes = t.snt.parishes();
        if (via.equals("parish_council") || r.nextDouble() < 0.45) {
            p.parish = parishes.get(r.nextInt(parishes.size())).code();
        }
        p.raisedVia = r.nextDouble() < 0.04 ? "" : via;
        p.nextReview = day.plusDays(reviewGap(r));
        p.closeOn = day.plusDays(Rand.between(r, 90, 270));
        return p;
    }

    private void write(SplittableRandom r, Team t, Priority p, LocalDate day, String event, boolean published) {
        String flag = published ? "Y" : (r.nextDouble() < 0.1 ? "" : "N");
        file.row(String.format(Locale.ROOT, "PE%07d", ++eventNumber), p.id, Times.isoDate(day), event,
                t.snt.code(), p.parish == null ? "" : p.parish, p.category, p.raisedVia, flag);
    }
}
