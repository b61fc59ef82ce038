package io.playloop.games.spin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** How long a customer waits between two spins. */
public sealed interface Cooldown {

    /**
     * The first instant at which a customer who last spun at {@code lastSpinAt} may spin again.
     *
     * @param zone the campaign's time zone (for {@link OncePerLocalDay})
     */
    Instant nextSpinAt(Instant lastSpinAt, ZoneId zone);

    /**
     * One spin per calendar day in the campaign's time zone: a spin at 23:50 allows another at 00:00,
     * ten minutes later. What "once a day" means to a customer.
     */
    static Cooldown oncePerLocalDay() {
        return new OncePerLocalDay();
    }

    /** A fixed wait after each spin, whatever the calendar says (e.g. 20 hours). */
    static Cooldown every(Duration wait) {
        return new Every(wait);
    }

    /** One spin per calendar day in the campaign's time zone. */
    record OncePerLocalDay() implements Cooldown {
        @Override
        public Instant nextSpinAt(Instant lastSpinAt, ZoneId zone) {
            // atStartOfDay(zone): the first instant of the next day, even where clocks jump at midnight.
            return lastSpinAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    /** A fixed wait after each spin. */
    record Every(Duration duration) implements Cooldown {
        public Every {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("cooldown: must be a positive duration, was " + duration);
            }
        }

        @Override
        public Instant nextSpinAt(Instant lastSpinAt, ZoneId zone) {
            return lastSpinAt.plus(duration);
        }
    }
}
