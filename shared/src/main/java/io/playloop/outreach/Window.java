package io.playloop.outreach;

import java.time.Duration;
import java.time.Instant;

/** The 24-hour customer-service window, computed from the customer's last message (Meta says: compute it yourself). */
public final class Window {
    /** Meta's window (the one the engine's replies follow). */
    public static final Duration LENGTH = io.playloop.engine.Engine.SERVICE_WINDOW;
    /**
     * Treat the window as closed this long before it really closes: a free-form message accepted at 23:59 may reach
     * Meta after 24:00 and fail with 131047.
     */
    public static final Duration SAFETY = Duration.ofMinutes(10);

    private Window() {
    }

    /** Whether a free-form message may go out at {@code now}. */
    public static boolean open(Instant lastInboundAt, Instant now) {
        return lastInboundAt != null && now.isBefore(lastInboundAt.plus(LENGTH).minus(SAFETY));
    }
}
