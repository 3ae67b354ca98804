package uk.westmercia.charter.warehouse.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps two of Spark's warnings out of the operators' log: advice on Spark's own tuning that comes
 * every night and that nobody running the job can act on. A task "of very large size" here carries
 * tables built on the driver (the staged-files manifest, the metrics' grids of areas and periods,
 * theme scores, the run report row: 1 to 3 MiB at scale 1); a "truncated" plan is only its text.
 * Every other warning, from these loggers too, passes.
 */
public final class SparkAdviceFilter extends TurboFilter {
    static final String TASK_SET_MANAGER = "org.apache.spark.scheduler.TaskSetManager";
    static final String STRING_UTILS = "org.apache.spark.util.SparkStringUtils";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable throwable) {
        if (logger == null || format == null || level != Level.WARN) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        if (name.equals(TASK_SET_MANAGER) && format.contains("contains a task of very large size")) {
            return FilterReply.DENY;
        }
        if (name.equals(STRING_UTILS) && format.startsWith("Truncated the string representation of a plan")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
