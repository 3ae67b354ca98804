package uk.westmercia.charter.warehouse.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * What the console shows of a run that writes its own log file: the job's own lines, and other
 * libraries' single-line warnings; not their errors. When a Spark task fails, Spark logs the failure
 * (with stack traces) from several places before the job gets to report it in one line; hundreds of
 * lines that hid the one that mattered ("No space left on device" under a full disk). During such a
 * run they go to {@code runs/<run_id>.log} only, and are counted so the job can say where they are:
 * an error, or any line with a stack trace, from a logger outside {@code uk.westmercia.charter}, and
 * the warnings of Spark's scheduler and executor (a lost or killed task). A
 * line marked {@link RunLog#RUN_LOG_ONLY} never reaches the console. Outside a run, and under a
 * logging backend with no run file, everything passes as before.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {
    static final String OWN_LOGGERS = "uk.westmercia.charter.";
    /** Where Spark reports a failed or killed task ("Lost task ...", at WARN): part of a failure, not advice. */
    static final String SPARK_SCHEDULER = "org.apache.spark.scheduler.";
    static final String SPARK_EXECUTOR = "org.apache.spark.executor.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (marked(event)) {
            return FilterReply.DENY;
        }
        if (!RunLog.currentRunHasFile() || event.getLoggerName() == null || event.getLoggerName().startsWith(OWN_LOGGERS)) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        String logger = event.getLoggerName();
        boolean failureDetail = event.getLevel().isGreaterOrEqual(Level.ERROR)
                || (event.getLevel().isGreaterOrEqual(Level.WARN) && (logger.startsWith(SPARK_SCHEDULER) || logger.startsWith(SPARK_EXECUTOR)))
                || event.getThrowableProxy() != null
                || (message != null && message.indexOf('\n') >= 0);
        if (failureDetail) {
            RunLog.keptOffConsole();
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean marked(ILoggingEvent event) {
        if (event.getMarkerList() == null) {
            return false;
        }
        for (Marker marker : event.getMarkerList()) {
            if (marker.contains(RunLog.RUN_LOG_ONLY)) {
                return true;
            }
        }
        return false;
    }
}
