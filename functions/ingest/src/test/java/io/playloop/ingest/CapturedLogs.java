package io.playloop.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line written while it is open, as the text a reader of the logs would see: the message, every
 * key-value pair, and the messages of a logged exception and its causes (the JSON layout prints them all).
 */
final class CapturedLogs implements AutoCloseable {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final AbstractAppender appender;

    private CapturedLogs() {
        appender = new AbstractAppender("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                event.getContextData().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" thrown=").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** The lines so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
