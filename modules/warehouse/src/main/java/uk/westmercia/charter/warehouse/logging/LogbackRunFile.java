package uk.westmercia.charter.warehouse.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** The Logback half of {@link RunLog}: a file appender on the root logger for one run. Loaded only under Logback. */
final class LogbackRunFile {
    private LogbackRunFile() {
    }

    static AutoCloseable attach(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of run log " + file + ": " + e.getMessage(), e);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RunLogLayout layout = new RunLogLayout();
        layout.setFullDate(true);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setName("run-file-" + file.getFileName());
        appender.setContext(context);
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return () -> {
            root.detachAppender(appender);
            appender.stop();
        };
    }
}
