package uk.westmercia.charter.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Peak Java heap from a unified {@code -Xlog:gc} log: the largest "before" and committed sizes of any pause. */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** @param usedMib largest heap in use before a collection; committedMib largest heap committed */
    record Peak(long usedMib, long committedMib, int collections) {
    }

    private GcLog() {
    }

    static Peak peak(String log) {
        long used = -1;
        long committed = -1;
        int n = 0;
        Matcher m = PAUSE.matcher(log);
        while (m.find()) {
            n++;
            used = Math.max(used, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            committed = Math.max(committed, Long.parseLong(m.group(3)));
        }
        return new Peak(used, committed, n);
    }
}
