package io.playloop.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * A push that did not land, and whether trying again can help: a timeout, a 5xx or a rate limit can; a
 * refused token, a missing property or bad data cannot until someone fixes the configuration.
 */
public final class CrmSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sink;
    private final int httpStatus;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param sink       the sink that failed
     * @param httpStatus the HTTP status, 0 when no answer came (timeout, connection refused)
     * @param retryable  whether a later attempt can succeed without anyone changing anything
     * @param retryAfter how long the vendor asked us to wait, or null when it did not say
     * @param message    what happened, never a token or a full phone number
     * @param cause      the underlying exception, or null
     */
    public CrmSyncException(String sink, int httpStatus, boolean retryable, Duration retryAfter, String message,
            Throwable cause) {
        super(sink + ": " + message, cause);
        this.sink = sink;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static CrmSyncException retryable(String sink, int httpStatus, Duration retryAfter, String message) {
        return new CrmSyncException(sink, httpStatus, true, retryAfter, message, null);
    }

    static CrmSyncException permanent(String sink, int httpStatus, String message) {
        return new CrmSyncException(sink, httpStatus, false, null, message, null);
    }

    /** The sink that failed. */
    public String sink() {
        return sink;
    }

    /** The HTTP status of the answer, 0 when none came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether a later attempt can succeed without anyone changing anything. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the vendor asked us to wait before the next attempt, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
