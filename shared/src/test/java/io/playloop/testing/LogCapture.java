package io.playloop.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps every log line written while it is open, as {@code message} plus the line's key-value pairs (what the JSON
 * layout prints), so a test can check what was logged, and what was not (a phone number, a text).
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<Map<String, String>> lines = new ArrayList<>();

    private LogCapture() {
        super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    /** Starts capturing every logger's lines. */
    public static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    private void attach() {
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(this, null, null);
        context.updateLoggers();
    }

    @Override
    public synchronized void append(LogEvent event) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("message", event.getMessage().getFormattedMessage());
        line.put("level", event.getLevel().name());
        event.getContextData().forEach((key, value) -> line.put(key, String.valueOf(value)));
        lines.add(line);
    }

    /** The lines so far, oldest first. */
    public synchronized List<Map<String, String>> lines() {
        return List.copyOf(lines);
    }

    /** Every line as one text, to search for what must never appear. */
    public synchronized String text() {
        return lines.toString();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
