package uk.westmercia.charter.warehouse.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class SparkAdviceFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final SparkAdviceFilter filter = new SparkAdviceFilter();

    private FilterReply decide(String logger, Level level, String message) {
        return filter.decide(null, context.getLogger(logger), level, message, null, null);
    }

    @Test
    void dropsTheAdviceOnTaskSizeAndPlanText() {
        assertThat(decide(SparkAdviceFilter.TASK_SET_MANAGER, Level.WARN,
                "Stage 42 contains a task of very large size (1087 KiB). The maximum recommended task size is 1000 KiB."))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(SparkAdviceFilter.STRING_UTILS, Level.WARN, "Truncated the string representation of a plan since it was too large. "
                + "This behavior can be adjusted by setting 'spark.sql.debug.maxToStringFields'."))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void passesEveryOtherWarningOfTheSameLoggers() {
        assertThat(decide(SparkAdviceFilter.TASK_SET_MANAGER, Level.WARN, "Lost task 0.0 in stage 3.0 (TID 7): java.io.IOException: No space left on device"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(SparkAdviceFilter.TASK_SET_MANAGER, Level.ERROR, "Task 0 in stage 3.0 failed 4 times; aborting job"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(SparkAdviceFilter.STRING_UTILS, Level.WARN, "Something else")).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void passesTheSameWordsFromAnyOtherLogger() {
        assertThat(decide("uk.westmercia.charter.jobs.NightlyJob", Level.WARN, "Stage 42 contains a task of very large size (1087 KiB)."))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
