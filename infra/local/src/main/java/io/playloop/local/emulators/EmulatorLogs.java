package io.playloop.local.emulators;

import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the emulators' own log chatter out of the functions' log stream: their loggers run at WARN,
 * and while an emulator starts they are silenced entirely (a failed start is reported in one line by
 * the local cloud, not as a logged stack trace).
 */
public final class EmulatorLogs {
    private static final List<String> LOGGERS = List.of("org.elasticmq", "org.apache.pekko", "software.amazon.dynamodb",
            "com.amazonaws.services.dynamodbv2", "org.eclipse.jetty", "com.almworks.sqlite4java");

    private EmulatorLogs() {
    }

    /** Emulator loggers at WARN from now on. */
    public static void quiet() {
        setLevel("WARN");
    }

    /** Runs {@code start} with the emulator loggers off, then back at WARN. */
    static <T> T silencedDuring(Supplier<T> start) {
        setLevel("OFF");
        try {
            return start.get();
        } finally {
            setLevel("WARN");
        }
    }

    private static void setLevel(String level) {
        try {
            org.apache.logging.log4j.Level l = org.apache.logging.log4j.Level.getLevel(level);
            for (String logger : LOGGERS) {
                org.apache.logging.log4j.core.config.Configurator.setLevel(logger, l);
            }
        } catch (LinkageError e) {
            // log4j-core absent: the emulators log at their own levels
        }
    }
}
