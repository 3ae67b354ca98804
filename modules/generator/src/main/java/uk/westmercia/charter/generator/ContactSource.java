package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.List;
import java.util.SplittableRandom;

/**
 * contacts/*.csv: 999 and 101 calls from the control room, correspondence and feedback from the contact
 * management system, online and front-counter reports and complaints. Each system writes timestamps its own
 * way: ISO with offset (999), ISO local (101, online), UK day-first (correspondence, complaints).
 */
final class ContactSource {

    static final List<String> HEADER = List.of("contact_id", "received_at", "channel", "contact_type",
            "snt_code", "answered_at", "abandoned", "response_due_at", "responded_at");

    static final double CALLS_999_PER_YEAR = 150_000;
    static final double CALLS_101_PER_YEAR = 400_000;
    static final double CORRESPONDENCE_PER_YEAR = 30_000;
    static final double ONLINE_REPORTS_PER_YEAR = 12_000;
    static final double FRONT_COUNTER_PER_YEAR = 5_000;
    static final double COMPLAINTS_PER_YEAR = 1_500;

    /** Hourly call profile: quiet small hours, busy afternoons and evenings. */
    private static final double[] CALL_HOURS = {3.2, 2.6, 2.1, 1.6, 1.3, 1.2, 1.6, 2.4, 3.4, 4.1, 4.5, 4.7,
        4.8, 4.8, 4.9, 5.2, 5.5, 5.6, 5.6, 5.5, 5.2, 4.8, 4.3, 3.8};
    /** Office-hours profile for correspondence, reports and complaints. */
    private static final double[] OFFICE_HOURS = {0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 2.0, 5.0, 7.0, 7.5, 7.2,
        6.0, 6.8, 7.0, 6.8, 6.0, 4.5, 3.0, 2.6, 2.4, 2.0, 1.4, 0.8};
    private static final String[] CORRESPONDENCE_CHANNELS = {"email", "online", "social_media", "letter",
        "neighbourhood_matters"};
    private static final double[] CORRESPONDENCE_MIX = {0.42, 0.28, 0.13, 0.10, 0.07};
    private static final String[] COMPLAINT_CHANNELS = {"email", "online", "letter", "in_person"};
    /** On-time reply rate of each LPA's neighbourhood teams. */
    private static final double[] ON_TIME = {0.91, 0.86, 0.88, 0.84, 0.87};
    /** Channels of neighbourhood queries (RSP-09): most on-time replies to these go out within 72 hours. */
    private static final List<String> QUERY_CHANNELS = List.of("neighbourhood_matters", "email", "online",
            "social_media");
    /** Share of on-time replies to neighbourhood queries sent within about two and a half days. */
    static final double QUICK_REPLY_SHARE = 0.93;

    private final Generation g;
    private final RollingFile file;
    private long contactNumber;
    long bad;

    ContactSource(Generation g, Path landing) {
        this.g = g;
        this.file = new RollingFile(landing.resolve("contacts"), "contacts", ".csv", HEADER, "\n", false,
                g.options.gzipContacts(), g.options.split(), g.options.to(), false);
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        SplittableRandom r = Rand.stream(g.options.seed(), "contacts", day.toEpochDay());
        file.at(day);
        double perDay = g.options.scale() / 365.25;
        double weekendCalls = Times.weekend(day) ? 1.08 : 0.97;
        double weekdayOffice = Times.weekend(day) ? 0.45 : 1.22;
        long daySeconds = Times.daySeconds(day);
        double summer = Times.summerness(day);

        calls999(r, day, Rand.poisson(r, CALLS_999_PER_YEAR * perDay * Times.season(day, 0.1) * weekendCalls),
                daySeconds, summer);
        calls101(r, day, Rand.poisson(r, CALLS_101_PER_YEAR * perDay * Times.season(day, 0.08) * weekendCalls),
                daySeconds, summer);
        correspondence(r, day, Rand.poisson(r, CORRESPONDENCE_PER_YEAR * perDay * weekdayOffice), daySeconds);
        reports(r, day, Rand.poisson(r, ONLINE_REPORTS_PER_YEAR * perDay), "online", daySeconds, CALL_HOURS);
        reports(r, day, Rand.poisson(r, FRONT_COUNTER_PER_YEAR * perDay * weekdayOffice), "in_person", daySeconds,
                OFFICE_HOURS);
        complaints(r, day, Rand.poisson(r, COMPLAINTS_PER_YEAR * perDay * weekdayOffice), daySeconds);
    }

    private String nextId(LocalDate day) {
        return String.format(Locale.ROOT, "CT%02d%08d", day.getYear() % 100, ++contactNumber);
    }

    private String sntOrBlank(SplittableRandom r, double share) {
        return r.nextDouble() < share ? g.randomSnt(r).code() : "";
    }

    private void calls999(SplittableRandom r, LocalDate day, int n, long daySeconds, double summer) {
        Times.SortedTimes times = new Times.SortedTimes(r, n, CALL_HOURS, daySeconds);
        while (times.hasNext()) {
            long s = times.next();
            ZonedDateTime received = Times.at(day, s);
            Times.Style style = r.nextDouble() < 0.95 ? Times.Style.ISO_OFFSET : Times.Style.ISO_LOCAL;
            int hour = received.getHour();
            boolean busy = hour >= 17 && hour <= 23;
            boolean abandoned = r.nextDouble() < 0.012;
            String answered = "";
            if (!abandoned) {
                double within = 0.935 - 0.05 * summer - (busy ? 0.03 : 0);
                long wait = r.nextDouble() < within ? Rand.between(r, 1, 10)
                        : 11 + (long) (-StrictMath.log(1 - r.nextDouble()) * 25);
                answered = Times.format(received.plusSeconds(wait), style);
            }
            String[] row = {nextId(day), Times.format(received, style), "999", "emergency", sntOrBlank(r, 0.62),
                answered, abandoned ? "true" : (r.nextDouble() < 0.3 ? "" : "false"), "", ""};
            write(r, row, received, true);
        }
    }

    private void calls101(SplittableRandom r, LocalDate day, int n, long daySeconds, double summer) {
        Times.SortedTimes times = new Times.SortedTimes(r, n, CALL_HOURS, daySeconds);
        while (times.hasNext()) {
            ZonedDateTime received = Times.at(day, times.next());
            Times.Style style = r.nextDouble() < 0.9 ? Times.Style.ISO_LOCAL : Times.Style.UK_SECONDS;
            int hour = received.getHour();
            double abandonRate = 0.09 + 0.07 * summer + (hour >= 16 && hour <= 21 ? 0.04 : 0);
            boolean abandoned = r.nextDouble() < abandonRate;
            String answered = "";
            if (!abandoned) {
                // Log-normal wait, median two and a half minutes.
                long wait = (long) Math.max(5, 150 * StrictMath.exp(0.9 * Rand.gaussian(r)));
                answered = Times.format(received.plusSeconds(Math.min(wait, 3600)), style);
            }
            String[] row = {nextId(day), Times.format(received, style), "101", "non_emergency",
                sntOrBlank(r, 0.55), answered, abandoned ? "Y" : "N", "", ""};
            write(r, row, received, true);
        }
    }

    private void correspondence(SplittableRandom r, LocalDate day, int n, long daySeconds) {
        Times.SortedTimes times = new Times.SortedTimes(r, n, OFFICE_HOURS, daySeconds);
        while (times.hasNext()) {
            ZonedDateTime received = Times.at(day, times.next());
            String channel = CORRESPONDENCE_CHANNELS[Rand.weighted(r, CORRESPONDENCE_MIX)];
            String type = channel.equals("neighbourhood_matters") || r.nextDouble() < 0.2 ? "feedback"
                    : "correspondence";
            ReferenceData.Snt snt = g.randomSnt(r);
            String sntCode = r.nextDouble() < 0.92 ? snt.code() : "";
            double onTime = ON_TIME[ReferenceData.LPAS.indexOf(snt.lpa())];
            written(r, day, received, channel, type, sntCode, onTime, 10);
        }
    }

    private void complaints(SplittableRandom r, LocalDate day, int n, long daySeconds) {
        Times.SortedTimes times = new Times.SortedTimes(r, n, OFFICE_HOURS, daySeconds);
        while (times.hasNext()) {
            ZonedDateTime received = Times.at(day, times.next());
            String channel = COMPLAINT_CHANNELS[r.nextInt(COMPLAINT_CHANNELS.length)];
            written(r, day, received, channel, "complaint", sntOrBlank(r, 0.8), 0.8, 20);
        }
    }

    /** A contact that expects a written reply by an agreed date. */
    private void written(SplittableRandom r, LocalDate day, ZonedDateTime received, String channel, String type,
                         String sntCode, double onTime, int daysToReply) {
        Times.Style style = r.nextDouble() < 0.7 ? Times.Style.UK_MINUTES : Times.Style.UK_SECONDS;
        ZonedDateTime due = day.plusDays(daysToReply).atTime(17, 0).atZone(Times.LONDON);
        double outcome = r.nextDouble();
        ZonedDateTime responded;
        if (outcome < onTime) {
            long window = Math.max(3600, due.toEpochSecond() - received.toEpochSecond() - 3600);
            double shape = StrictMath.pow(r.nextDouble(), 1.6); // most replies well before the due date
            responded = received.plusSeconds(3600 + (long) (shape * window));
        } else if (outcome < onTime + (1 - onTime) * 0.75) {
            responded = due.plusSeconds(3600 + (long) (r.nextDouble() * 20 * 86400));
        } else {
            responded = null; // never answered
        }
        if (responded != null) {
            // Replies go out in office hours, after the item came in; on-time replies stay on time.
            boolean late = responded.isAfter(due);
            ZonedDateTime office = responded.toLocalDate().atTime(8, 0).atZone(Times.LONDON)
                    .plusSeconds(r.nextInt(10 * 3600));
            if (office.isBefore(received.plusHours(1))) {
                office = received.plusSeconds(3600 + r.nextInt(3600));
            }
            if (!late && office.isAfter(due)) {
                office = due.minusSeconds(60 + r.nextInt(3600));
            }
            if (late && !office.isAfter(due)) {
                office = due.plusSeconds(3600 + r.nextInt(2 * 3600));
            }
            responded = office;
        }
        if (responded != null && !responded.isAfter(due) && !type.equals("complaint")
                && QUERY_CHANNELS.contains(channel)) {
            responded = quickReply(received, responded);
        }
        ZonedDateTime lastMoment = g.options.to().plusDays(1).atStartOfDay(Times.LONDON);
        if (responded != null && !responded.isBefore(lastMoment)) {
            responded = null; // not answered yet when the extract was taken
        }
        String[] row = {nextId(day), Times.format(received, style), channel, type, sntCode, "", "",
            Times.format(due, style), responded == null ? "" : Times.format(responded, style)};
        write(r, row, received, false);
    }

    /**
     * A neighbourhood query's on-time reply, most often brought forward to within about two and a half days of
     * receipt (in office hours), never later than {@code onTime}. Draws from a stream of its own per contact, so
     * every other value of the contact logs is as it was before RSP-09 needed quick replies.
     */
    private ZonedDateTime quickReply(ZonedDateTime received, ZonedDateTime onTime) {
        SplittableRandom q = Rand.stream(g.options.seed(), "contacts-reply", contactNumber + 1);
        if (q.nextDouble() >= QUICK_REPLY_SHARE) {
            return onTime;
        }
        ZonedDateTime reply = received.plusSeconds(3600 + (long) (StrictMath.pow(q.nextDouble(), 1.4) * 60 * 3600));
        ZonedDateTime office = reply.toLocalDate().atTime(8, 0).atZone(Times.LONDON).plusSeconds(q.nextInt(10 * 3600));
        if (office.isBefore(received.plusHours(1))) {
            office = received.plusSeconds(3600 + q.nextInt(3600));
        }
        return office.isBefore(onTime) ? office : onTime;
    }

    private void reports(SplittableRandom r, LocalDate day, int n, String channel, long daySeconds,
                         double[] hours) {
        Times.SortedTimes times = new Times.SortedTimes(r, n, hours, daySeconds);
        while (times.hasNext()) {
            ZonedDateTime received = Times.at(day, times.next());
            String[] row = {nextId(day), Times.format(received, Times.Style.ISO_LOCAL), channel, "non_emergency",
                sntOrBlank(r, 0.85), "", "", "", ""};
            write(r, row, received, false);
        }
    }

    private void write(SplittableRandom r, String[] row, ZonedDateTime received, boolean call) {
        if (!g.badRow(r)) {
            file.row(row);
            return;
        }
        bad++;
        switch (r.nextInt(call ? 5 : 4)) {
            case 0: // unknown SNT
                row[4] = "WMX" + Rand.between(r, 10, 99);
                break;
            case 1: // a timestamp that cannot be read
                row[1] = r.nextBoolean() ? received.getYear() + "-06-31T10:15:00"
                        : String.format(Locale.ROOT, "%02d/13/%d 10:15", received.getDayOfMonth(), received.getYear());
                break;
            case 2: // an unknown channel
                row[2] = "fax";
                break;
            case 3: // the same contact twice in one file
                file.row(row);
                break;
            default: // answered before it was received (clock drift between systems)
                row[5] = Times.format(received.minusSeconds(Rand.between(r, 30, 600)), Times.Style.ISO_OFFSET);
                break;
        }
        file.row(row);
    }
}
