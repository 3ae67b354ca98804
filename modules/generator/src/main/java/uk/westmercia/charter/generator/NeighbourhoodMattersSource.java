package uk.westmercia.charter.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * neighbourhood-matters/neighbourhood-matters-yyyy-MM.csv: the Neighbourhood Matters platform's monthly export,
 * one row per SNT, written on the month's last generated day whatever the file split (the platform exports
 * monthly). Force-wide registrations start near 20,000, split between SNTs roughly by adult population, and
 * grow slowly (0.5% to 3.5% a year by SNT, about 2% overall). Now and then (about 2% of SNT-months) an SNT's row
 * is missing from a month's export. Not scaled. Own streams ({@code neighbourhood-matters} per month,
 * {@code neighbourhood-matters-snt} per SNT).
 */
final class NeighbourhoodMattersSource {

    static final List<String> HEADER = List.of("month", "snt_code", "registered_users", "messages_sent",
            "replies_received");
    static final double USERS_AT_START = 20_000;
    static final double MISSING_ROW_SHARE = 0.02;

    private final Generation g;
    private final RollingFile file;
    private final double[] users;
    private final double[] growth;
    private final double[] messages;
    private final double[] replyRate;

    NeighbourhoodMattersSource(Generation g, Path landing) {
        this.g = g;
        this.file = new RollingFile(landing.resolve("neighbourhood-matters"), "neighbourhood-matters", ".csv",
                HEADER, "\n", false, false, FileSplit.MONTH, g.options.to(), false);
        int n = g.ref.snts.size();
        users = new double[n];
        growth = new double[n];
        messages = new double[n];
        replyRate = new double[n];
        double total = 0;
        for (ReferenceData.Snt s : g.ref.snts) {
            SplittableRandom r = Rand.stream(g.options.seed(), "neighbourhood-matters-snt", s.index());
            users[s.index()] = s.adults() * (0.75 + 0.5 * r.nextDouble());
            total += users[s.index()];
            growth[s.index()] = 0.005 + 0.03 * r.nextDouble();
            messages[s.index()] = 3 + 27 * StrictMath.pow(r.nextDouble(), 1.5);
            replyRate[s.index()] = 0.15 + 0.45 * r.nextDouble();
        }
        SplittableRandom r = Rand.stream(g.options.seed(), "neighbourhood-matters-snt", -1);
        double start = USERS_AT_START * (0.99 + 0.03 * r.nextDouble());
        for (int i = 0; i < n; i++) {
            users[i] *= start / total;
        }
    }

    RollingFile file() {
        return file;
    }

    void day(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        if (!day.equals(month.atEndOfMonth()) && !day.equals(g.options.to())) {
            return;
        }
        file.at(day);
        SplittableRandom r = Rand.stream(g.options.seed(), "neighbourhood-matters",
                month.getYear() * 12L + month.getMonthValue() - 1);
        for (ReferenceData.Snt s : g.ref.snts) {
            int i = s.index();
            double u = users[i];
            u += u * growth[i] / 12 + StrictMath.sqrt(u) * 0.3 * Rand.gaussian(r);
            if (r.nextDouble() < 0.005) {
                u *= 0.98; // the platform removed lapsed accounts
            }
            users[i] = Math.max(0, u);
            int sent = Rand.poisson(r, messages[i] * Times.season(day, 0.15));
            int replies = Rand.poisson(r, sent * replyRate[i]);
            if (r.nextDouble() < MISSING_ROW_SHARE) {
                continue; // this SNT's row did not make the month's export
            }
            file.row(month.toString(), s.code(), Long.toString(Math.round(users[i])), Integer.toString(sent),
                    Integer.toString(replies));
        }
    }
}
