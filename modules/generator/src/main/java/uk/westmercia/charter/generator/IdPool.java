package uk.westmercia.charter.generator;

import java.util.SplittableRandom;

/** A bounded ring of recently used ids (numbers) with the day each was last used: makes repeats believable. */
final class IdPool {

    private final long[] ids;
    private final long[] days;
    private int size;
    private int next;

    IdPool(int capacity) {
        ids = new long[capacity];
        days = new long[capacity];
    }

    /** A random id used within {@code maxAgeDays} before {@code today}, or -1 when the draw finds none. */
    long pick(SplittableRandom random, long today, int maxAgeDays) {
        if (size == 0) {
            return -1;
        }
        int i = random.nextInt(size);
        return today - days[i] <= maxAgeDays ? ids[i] : -1;
    }

    void add(long id, long day) {
        ids[next] = id;
        days[next] = day;
        next = (next + 1) % ids.length;
        if (size < ids.length) {
            size++;
        }
    }
}
