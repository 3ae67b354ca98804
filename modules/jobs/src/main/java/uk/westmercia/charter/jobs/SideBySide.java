package uk.westmercia.charter.jobs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one task per item, up to a number at once, and returns only when every task started has ended:
 * a failed run's repair must never race a task still writing. After a failure no further task starts.
 * The failure thrown is that of the earliest item (in the items' order), the others suppressed in it,
 * so what a run reports does not depend on which thread lost the race.
 */
final class SideBySide {
    private SideBySide() {
    }

    static <T> void run(Iterable<T> items, int atOnce, Consumer<T> task) {
        requireNonNull(items, "items is null");
        requireNonNull(task, "task is null");
        List<T> all = new ArrayList<>();
        items.forEach(all::add);
        if (atOnce <= 1 || all.size() <= 1) {
            all.forEach(task);
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, all.size()), runnable -> {
            Thread thread = new Thread(runnable, "charter-side-by-side-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (T item : all) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return;
                    }
                    try {
                        task.accept(item);
                    }
                    catch (Throwable e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            Throwable first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                }
                catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                    else {
                        first.addSuppressed(e.getCause());
                    }
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw SideBySide.<RuntimeException>rethrow(first);
            }
        }
        finally {
            pool.shutdown();
        }
    }

    // Spark throws its checked SparkException from methods that do not declare it: passed on as it is.
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }
}
