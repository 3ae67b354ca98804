package uk.westmercia.charter.warehouse.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The operators' log line: {@code 02:00:13 INFO  [20261120T020001Z-3fa2] NightlyJob: Staging crime: 2 file(s)}.
 * The run id comes from the MDC, else from the process's current run ({@link RunLog}): Spark's own
 * threads have no MDC, and their lines carry the run id all the same. With {@code fullDate} the time
 * is a full London timestamp with its offset (for the run's log file).
 */
public final class RunLogLayout extends LayoutBase<ILoggingEvent> {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(LONDON);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(LONDON);

    private boolean fullDate;

    public void setFullDate(boolean fullDate) {
        this.fullDate = fullDate;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append((fullDate ? FULL : SHORT).format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        String runId = event.getMDCPropertyMap() == null ? null : event.getMDCPropertyMap().get(RunLog.MDC_KEY);
        if (runId == null) {
            runId = RunLog.currentRunId().orElse("-");
        }
        line.append(" [").append(runId).append("] ");
        String logger = event.getLoggerName();
        line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.append(ThrowableProxyUtil.asString(throwable)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }
}
