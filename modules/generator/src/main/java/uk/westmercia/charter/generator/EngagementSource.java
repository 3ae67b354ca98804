package uk.westmercia.charter.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * engagement/*.jsonl: neighbourhood engagement records. Two parts:
 * <ul>
 *   <li>a schedule that does not depend on scale, because the charter's coverage promises are about every
 *       week, parish, SNT and LPA: engagement vehicle deployments (most ISO weeks per LPA), parish council
 *       meetings (most parishes each quarter), school visits, drop-ins, partnership meetings, IAG meetings and
 *       problem-solving plans (opened, later closed and re-issued with the same id);</li>
 *   <li>day-to-day activity that scales: events, surveys, watch schemes, ride-alongs, youth work, messages.</li>
 * </ul>
 */
final class EngagementSource {

    static final List<String> TYPES = List.of("engagement_vehicle", "parish_council_meeting", "school_visit",
            "public_event", "drop_in", "street_survey", "iag_meeting", "watch_scheme", "ride_along",
            "youth_engagement", "partnership_meeting", "problem_solving_plan", "community_message");
    static final List<String> FIELDS = List.of("engagement_id", "date", "type", "lpa_code", "snt_code",
            "parish_code", "status", "closed_date", "attendees", "seldom_heard", "partners", "volunteer_hours",
            "virtual");

    /** Scaled activity per year at scale 1 (the schedule adds about 2,500 more). */
    static final double ACTIVITY_PER_YEAR = 37_500;
    private static final String[] ACTIVITY_TYPES = {"community_message", "public_event", "street_survey",
        "drop_in", "watch_scheme", "ride_along", "youth_engagement", "school_visit", "engagement_vehicle",
        "partnership_meeting"};
    private static final double[] ACTIVITY_MIX = {0.32, 0.10, 0.08, 0.06, 0.08, 0.04, 0.10, 0.10, 0.05, 0.07};
    private static final String[] PARTNERS = {"Local authority", "Parish council", "Housing association", "NHS",
        "Fire and rescue", "Schools", "Community Safety Partnership", "Youth service", "Trading standards",
        "Neighbourhood Watch", "Victim Support", "Probation", "Highways"};

    private static final JsonFactory JSON = new JsonFactory();

    /** One engagement record in the making. */
    private static final class Event {
        LocalDate date;
        long order;
        String id;
        String type;
        String lpa;
        String snt;
        String parish;
        String status;
        LocalDate closedDate;
        Integer attendees;
        Boolean seldomHeard;
        List<String> partners;
        Double volunteerHours;
        Boolean virtual;
        boolean ukDate;
        boolean extraField;
        /** For a plan re-issued when it closes: the date it opened (the record's date). */
        LocalDate openedOn;
    }

    private static final Comparator<Event> BY_DATE = Comparator.comparing((Event e) -> e.date)
            .thenComparingLong(e -> e.order);

    private final Generation g;
    private final RollingFile file;
    private final List<Event> schedule = new ArrayList<>();
    private int scheduleNext;
    private final PriorityQueue<Event> closures = new PriorityQueue<>(BY_DATE);
    private LocalDate plannedQuarter;
    private LocalDate plannedWeek;
    private long engagementNumber;
    private long order;
    long bad;

    EngagementSource(Generation g, Path landing) {
        this.g = g;
        this.file = new RollingFile(landing.resolve("engagement"), "engagement", ".jsonl", null, "\n", false,
                false, g.options.split(), g.options.to(), false);
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        LocalDate quarter = quarterStart(day);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        if (!quarter.equals(plannedQuarter) || !monday.equals(plannedWeek)) {
            // Drop what is left of the old plans (all before today), then plan the new quarter and/or week.
            List<Event> keep = new ArrayList<>();
            for (int i = scheduleNext; i < schedule.size(); i++) {
                if (!schedule.get(i).date.isBefore(day)) {
                    keep.add(schedule.get(i));
                }
            }
            schedule.clear();
            scheduleNext = 0;
            if (!quarter.equals(plannedQuarter)) {
                keep.removeIf(e -> !e.type.equals("engagement_vehicle"));
                planQuarter(quarter, keep);
                plannedQuarter = quarter;
            }
            if (!monday.equals(plannedWeek)) {
                keep.removeIf(e -> e.type.equals("engagement_vehicle"));
                planWeek(monday, keep);
                plannedWeek = monday;
            }
            keep.sort(BY_DATE);
            schedule.addAll(keep);
        }
        file.at(day);
        SplittableRandom r = Rand.stream(g.options.seed(), "engagement", day.toEpochDay());
        while (!closures.isEmpty() && !closures.peek().date.isAfter(day)) {
            Event closed = closures.poll();
            if (closed.date.equals(day)) {
                write(r, closed, false); // written in the extract of its closing day
            }
        }
        while (scheduleNext < schedule.size() && !schedule.get(scheduleNext).date.isAfter(day)) {
            Event e = schedule.get(scheduleNext++);
            if (e.date.equals(day)) {
                emitPlanned(r, e, day);
            }
        }
        double weekday = Times.weekend(day) ? 0.7 : 1.12;
        int n = Rand.poisson(r, ACTIVITY_PER_YEAR * g.options.scale() / 365.25 * weekday * Times.season(day, 0.2));
        for (int i = 0; i < n; i++) {
            activity(r, day);
        }
    }

    static LocalDate quarterStart(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / 3) * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    private Event event(LocalDate date, String type, ReferenceData.Snt snt, String lpa) {
        Event e = new Event();
        e.date = date;
        e.order = ++order;
        e.type = type;
        e.lpa = lpa;
        e.snt = snt == null ? null : snt.code();
        return e;
    }

    private static LocalDate randomDay(SplittableRandom r, LocalDate start, int days, boolean weekdaysOnly) {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate d = start.plusDays(r.nextInt(days));
            if (!weekdaysOnly || !Times.weekend(d)) {
                return d;
            }
        }
        return start.plusDays(r.nextInt(days));
    }

    private static LocalDate termDay(SplittableRandom r, LocalDate quarter) {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate d = randomDay(r, quarter, 90, true);
            boolean summerHoliday = d.getMonth() == Month.AUGUST || (d.getMonth() == Month.JULY
                    && d.getDayOfMonth() > 21);
            boolean christmas = d.getMonth() == Month.DECEMBER && d.getDayOfMonth() > 19;
            if (!summerHoliday && !christmas) {
                return d;
            }
        }
        return quarter.plusDays(14);
    }

    private void planQuarter(LocalDate quarter, List<Event> into) {
        SplittableRandom r = Rand.stream(g.options.seed(), "engagement-quarter", quarter.toEpochDay());
        for (ReferenceData.Parish p : g.ref.parishes) {
            ReferenceData.Snt snt = g.ref.snts.get(indexOf(p.sntCode()));
            if (r.nextDouble() < 0.88) {
                int meetings = 1 + (r.nextDouble() < 0.45 ? 1 : 0) + (r.nextDouble() < 0.15 ? 1 : 0);
                for (int m = 0; m < meetings; m++) {
                    Event e = parishMeeting(r, quarter, snt, p);
                    e.status = m == 0 ? "attended" : pick(r, new String[] {"attended", "not_attended", "cancelled"},
                            new double[] {0.75, 0.18, 0.07});
                    into.add(e);
                }
            } else if (r.nextDouble() < 0.6) {
                Event e = parishMeeting(r, quarter, snt, p);
                e.status = r.nextDouble() < 0.7 ? "not_attended" : "cancelled";
                into.add(e);
            }
        }
        for (String lpa : ReferenceData.LPAS) {
            Event iag = event(randomDay(r, quarter, 88, true), "iag_meeting", null, lpa);
            iag.status = r.nextDouble() < 0.9 ? "held" : "cancelled";
            iag.attendees = Rand.between(r, 5, 14);
            iag.seldomHeard = r.nextDouble() < 0.7;
            iag.virtual = r.nextDouble() < 0.3;
            into.add(iag);
            if (iag.status.equals("cancelled") && r.nextDouble() < 0.5) {
                Event again = event(randomDay(r, quarter, 88, true), "iag_meeting", null, lpa);
                again.status = "held";
                again.attendees = Rand.between(r, 5, 14);
                again.seldomHeard = true;
                into.add(again);
            }
        }
        for (ReferenceData.Snt snt : g.ref.snts) {
            if (r.nextDouble() < 0.9) {
                int visits = Rand.between(r, 1, 6);
                for (int v = 0; v < visits; v++) {
                    Event e = event(termDay(r, quarter), "school_visit", snt, snt.lpa());
                    e.status = r.nextDouble() < 0.95 ? "held" : "cancelled";
                    e.attendees = Rand.between(r, 20, 150);
                    e.seldomHeard = r.nextDouble() < 0.15;
                    if (r.nextDouble() < 0.3) {
                        e.partners = List.of("Schools");
                    }
                    into.add(e);
                }
            }
            if (r.nextDouble() < 0.85) {
                int dropIns = Rand.between(r, 1, 4);
                for (int v = 0; v < dropIns; v++) {
                    Event e = event(randomDay(r, quarter, 90, false), "drop_in", snt, snt.lpa());
                    e.status = r.nextDouble() < 0.93 ? "held" : "cancelled";
                    e.attendees = Rand.between(r, 2, 25);
                    e.seldomHeard = r.nextDouble() < 0.3;
                    into.add(e);
                }
            }
            for (int month = 0; month < 3; month++) {
                if (r.nextDouble() < 0.9) {
                    Event e = event(randomDay(r, quarter.plusMonths(month), 28, true), "partnership_meeting", snt,
                            snt.lpa());
                    e.status = pick(r, new String[] {"attended", "not_attended", "cancelled"},
                            new double[] {0.8, 0.17, 0.03});
                    e.attendees = Rand.between(r, 4, 16);
                    e.partners = partners(r, 2, 4);
                    e.virtual = r.nextDouble() < 0.35;
                    into.add(e);
                }
            }
            int plans = r.nextDouble() < 0.25 ? 0 : (r.nextDouble() < 0.75 ? 1 : 2);
            for (int p = 0; p < plans; p++) {
                Event e = event(randomDay(r, quarter, 90, true), "problem_solving_plan", snt, snt.lpa());
                e.closedDate = e.date.plusDays(Rand.between(r, 45, 300));
                e.partners = r.nextDouble() < 0.72 ? partners(r, 1, 3) : null;
                into.add(e);
            }
        }
    }

    private void planWeek(LocalDate monday, List<Event> into) {
        SplittableRandom r = Rand.stream(g.options.seed(), "engagement-week", monday.toEpochDay());
        for (String lpa : ReferenceData.LPAS) {
            List<ReferenceData.Snt> snts = g.ref.sntsByLpa.get(lpa);
            double roll = r.nextDouble();
            if (roll < 0.9) {
                int deployments = Rand.between(r, 1, 3);
                boolean[] used = new boolean[7];
                for (int k = 0; k < deployments; k++) {
                    int offset = r.nextInt(7);
                    if (used[offset]) {
                        continue;
                    }
                    used[offset] = true;
                    Event e = vehicle(r, monday.plusDays(offset), snts.get(r.nextInt(snts.size())), lpa);
                    e.status = k == 0 ? "held" : (r.nextDouble() < 0.9 ? "held" : "cancelled");
                    into.add(e);
                }
            } else if (roll < 0.95) {
                Event e = vehicle(r, monday.plusDays(r.nextInt(5)), snts.get(r.nextInt(snts.size())), lpa);
                e.status = "cancelled"; // vehicle off the road this week
                into.add(e);
            }
        }
    }

    private Event vehicle(SplittableRandom r, LocalDate date, ReferenceData.Snt snt, String lpa) {
        Event e = event(date, "engagement_vehicle", r.nextDouble() < 0.85 ? snt : null, lpa);
        e.attendees = Rand.between(r, 8, 70);
        e.seldomHeard = r.nextDouble() < 0.25;
        if (r.nextDouble() < 0.5) {
            e.volunteerHours = hours(r, 2, 8);
        }
        return e;
    }

    private Event parishMeeting(SplittableRandom r, LocalDate quarter, ReferenceData.Snt snt,
                                ReferenceData.Parish p) {
        Event e = event(randomDay(r, quarter, 90, true), "parish_council_meeting", snt, snt.lpa());
        e.parish = p.code();
        e.attendees = Rand.between(r, 5, 25);
        e.virtual = r.nextDouble() < 0.12;
        if (r.nextDouble() < 0.03) {
            e.seldomHeard = true;
        }
        return e;
    }

    private void emitPlanned(SplittableRandom r, Event e, LocalDate day) {
        if (!e.type.equals("problem_solving_plan")) {
            write(r, e, true);
            return;
        }
        if (e.closedDate.isAfter(g.options.to())) {
            e.status = "open";
            LocalDate closed = e.closedDate;
            e.closedDate = null;
            write(r, e, true);
            e.closedDate = closed;
        } else if (file.sameFile(day, e.closedDate)) {
            e.status = "closed"; // opened and closed within one extract: only the closed version is in it
            write(r, e, true);
        } else {
            e.status = "open";
            LocalDate closed = e.closedDate;
            e.closedDate = null;
            write(r, e, true);
            // Re-issued with the same id in the extract of the day it closes.
            Event later = new Event();
            later.date = closed;
            later.order = e.order;
            later.id = e.id;
            later.type = e.type;
            later.lpa = e.lpa;
            later.snt = e.snt;
            later.status = "closed";
            later.closedDate = closed;
            later.partners = e.partners;
            later.openedOn = e.date;
            closures.add(later);
        }
    }

    private void activity(SplittableRandom r, LocalDate day) {
        ReferenceData.Snt snt = g.randomSnt(r);
        String type = ACTIVITY_TYPES[Rand.weighted(r, ACTIVITY_MIX)];
        Event e = event(day, type, r.nextDouble() < 0.9 ? snt : null, snt.lpa());
        e.status = r.nextDouble() < 0.94 ? "held" : "cancelled";
        switch (type) {
            case "community_message":
                e.virtual = true;
                e.seldomHeard = r.nextDouble() < 0.05;
                break;
            case "public_event":
                e.attendees = Rand.between(r, 30, 400);
                e.seldomHeard = r.nextDouble() < 0.2;
                e.volunteerHours = r.nextDouble() < 0.4 ? hours(r, 2, 20) : null;
                e.partners = r.nextDouble() < 0.3 ? partners(r, 1, 2) : null;
                break;
            case "street_survey":
                e.attendees = Rand.between(r, 10, 60);
                e.seldomHeard = r.nextDouble() < 0.25;
                e.volunteerHours = r.nextDouble() < 0.3 ? hours(r, 1, 6) : null;
                break;
            case "drop_in":
                e.attendees = Rand.between(r, 2, 25);
                e.seldomHeard = r.nextDouble() < 0.3;
                e.virtual = r.nextDouble() < 0.05;
                break;
            case "watch_scheme":
                e.attendees = Rand.between(r, 4, 30);
                e.volunteerHours = r.nextDouble() < 0.8 ? hours(r, 1, 12) : null;
                e.partners = r.nextDouble() < 0.5 ? List.of("Neighbourhood Watch") : null;
                break;
            case "ride_along":
                e.attendees = Rand.between(r, 1, 2);
                e.volunteerHours = hours(r, 3, 8);
                e.seldomHeard = r.nextDouble() < 0.1;
                break;
            case "youth_engagement":
                e.attendees = Rand.between(r, 8, 40);
                e.seldomHeard = r.nextDouble() < 0.45;
                e.volunteerHours = r.nextDouble() < 0.3 ? hours(r, 2, 10) : null;
                e.partners = r.nextDouble() < 0.4 ? List.of("Youth service") : null;
                break;
            case "school_visit":
                e.attendees = Rand.between(r, 20, 150);
                e.seldomHeard = r.nextDouble() < 0.15;
                break;
            case "engagement_vehicle":
                e.attendees = Rand.between(r, 8, 70);
                e.seldomHeard = r.nextDouble() < 0.25;
                e.volunteerHours = r.nextDouble() < 0.5 ? hours(r, 2, 8) : null;
                break;
            case "partnership_meeting":
            default:
                e.status = r.nextDouble() < 0.8 ? "attended" : "not_attended";
                e.attendees = Rand.between(r, 4, 16);
                e.partners = partners(r, 2, 4);
                e.virtual = r.nextDouble() < 0.35;
                break;
        }
        write(r, e, true);
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        return values[Rand.weighted(r, weights)];
    }

    private static double hours(SplittableRandom r, int low, int high) {
        return Math.round((low + r.nextDouble() * (high - low)) * 2) / 2.0;
    }

    private static List<String> partners(SplittableRandom r, int min, int max) {
        int n = Rand.between(r, min, max);
        boolean[] chosen = new boolean[PARTNERS.length];
        int picked = 0;
        while (picked < n) {
            int i = r.nextInt(PARTNERS.length);
            if (!chosen[i]) {
                chosen[i] = true;
                picked++;
            }
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < PARTNERS.length; i++) {
            if (chosen[i]) {
                list.add(PARTNERS[i]);
            }
        }
        return List.copyOf(list);
    }

    private int indexOf(String sntCode) {
        for (ReferenceData.Snt s : g.ref.snts) {
            if (s.code().equals(sntCode)) {
                return s.index();
            }
        }
        throw new IllegalStateException("unknown SNT " + sntCode);
    }

    /** Writes one record; new records get their id and may be made bad. */
    private void write(SplittableRandom r, Event e, boolean fresh) {
        boolean duplicate = false;
        String badDate = null;
        String badType = null;
        String lpa = e.lpa;
        String snt = e.snt;
        String parish = e.parish;
        if (fresh) {
            e.id = String.format(Locale.ROOT, "EN%08d", ++engagementNumber);
            e.ukDate = r.nextDouble() < 0.03;
            e.extraField = r.nextDouble() < 0.005;
            if (g.badRow(r) && !e.type.equals("problem_solving_plan")) {
                bad++;
                switch (r.nextInt(4)) {
                    case 0:
                        if (parish != null) {
                            parish = snt + "P99"; // a parish the reference data does not know
                        } else {
                            // an SNT from another LPA
                            String other = ReferenceData.LPAS.get((ReferenceData.LPAS.indexOf(lpa) + 1) % 5);
                            snt = g.ref.sntsByLpa.get(other).get(0).code();
                        }
                        break;
                    case 1:
                        badDate = e.date.getYear() + "-" + String.format(Locale.ROOT, "%02d", e.date.getMonthValue()) + "-32";
                        break;
                    case 2:
                        badType = "coffee_morning";
                        break;
                    default:
                        duplicate = file.lastLine() != null;
                        if (!duplicate) {
                            badType = "coffee_morning";
                        }
                        break;
                }
            }
        }
        if (duplicate) {
            file.line(file.lastLine());
        }
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("engagement_id", e.id);
            LocalDate date = e.openedOn != null ? e.openedOn : e.date;
            json.writeStringField("date", badDate != null ? badDate
                    : e.ukDate ? Times.ukDate(date) : Times.isoDate(date));
            json.writeStringField("type", badType != null ? badType : e.type);
            json.writeStringField("lpa_code", lpa);
            if (snt != null) {
                json.writeStringField("snt_code", snt);
            }
            if (parish != null) {
                json.writeStringField("parish_code", parish);
            }
            json.writeStringField("status", e.status);
            if (e.closedDate != null) {
                json.writeStringField("closed_date", Times.isoDate(e.closedDate));
            }
            if (e.attendees != null) {
                json.writeNumberField("attendees", e.attendees);
            }
            if (e.seldomHeard != null) {
                json.writeBooleanField("seldom_heard", e.seldomHeard);
            }
            if (e.partners != null) {
                json.writeArrayFieldStart("partners");
                for (String p : e.partners) {
                    json.writeString(p);
                }
                json.writeEndArray();
            }
            if (e.volunteerHours != null) {
                json.writeNumberField("volunteer_hours", e.volunteerHours);
            }
            if (e.virtual != null) {
                json.writeBooleanField("virtual", e.virtual);
            }
            if (e.extraField) {
                json.writeStringField("recorded_by", "SNT admin");
            }
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!duplicate) {
            file.line(text.toString());
        }
    }
}
