package uk.westmercia.charter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sources staged side by side: every one run, no more at once than asked, and a failure reported as a serial run would. */
class SideBySideTest {
    @Test
    void runsEveryItemAndNoMoreAtOnceThanAsked() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> done = ConcurrentHashMap.newKeySet();
        SideBySide.run(List.of("a", "b", "c", "d", "e"), 2, item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(30);
            running.decrementAndGet();
            done.add(item);
        });
        assertThat(done).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void anItemGivenTwiceRunsTwiceAndBothAreWaitedFor() {
        AtomicInteger ended = new AtomicInteger();
        SideBySide.run(List.of("a", "a"), 2, item -> {
            sleep(50);
            ended.incrementAndGet();
        });
        assertThat(ended.get()).isEqualTo(2);
    }

    @Test
    void twoRunTogether() throws Exception {
        // Each waits for the other to start: only a side-by-side run ends.
        CountDownLatch both = new CountDownLatch(2);
        SideBySide.run(List.of("a", "b"), 2, item -> {
            both.countDown();
            try {
                assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(both.getCount()).isZero();
    }

    @Test
    void aFailureIsThrownOnlyOnceTheTaskStillRunningHasEnded() {
        AtomicBoolean slowEnded = new AtomicBoolean();
        CountDownLatch slowStarted = new CountDownLatch(1);
        assertThatThrownBy(() -> SideBySide.run(List.of("slow", "fails"), 2, item -> {
            if (item.equals("fails")) {
                try {
                    slowStarted.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("Cannot stage fails: bad");
            }
            slowStarted.countDown();
            sleep(300);
            slowEnded.set(true);
        })).hasMessage("Cannot stage fails: bad");
        assertThat(slowEnded).isTrue();
    }

    @Test
    void theEarliestItemsFailureIsThrownWithTheOthersSuppressed() {
        CountDownLatch both = new CountDownLatch(2);
        assertThatThrownBy(() -> SideBySide.run(List.of("first", "second"), 2, item -> {
            both.countDown();
            try {
                both.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (item.equals("first")) {
                sleep(100); // fails last, but comes first
            }
            throw new IllegalStateException("Cannot stage " + item);
        })).hasMessage("Cannot stage first")
                .satisfies(failure -> assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("Cannot stage second"));
    }

    @Test
    void oneAtATimeRunsInTheCallersThreadInOrder() {
        List<String> seen = new java.util.ArrayList<>();
        Thread caller = Thread.currentThread();
        SideBySide.run(List.of("a", "b", "c"), 1, item -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(item);
        });
        assertThat(seen).containsExactly("a", "b", "c");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
