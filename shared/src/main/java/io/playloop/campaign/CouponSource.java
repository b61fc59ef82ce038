package io.playloop.campaign;

import java.util.Objects;

/** Where a reward's coupon code comes from. */
public sealed interface CouponSource {
    /**
     * A code PlayLoop makes at redemption from {@code format}: {@code #} a digit, {@code X} a letter or digit
     * (no 0/O, 1/I/L), anything else as written, e.g. {@code SUMMER-XXXX-XXXX}. At least 8 random characters,
     * so a code cannot be guessed; each code is recorded once, so two customers never share one.
     */
    record Generated(String format) implements CouponSource {
        public Generated {
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * A code taken from a pool imported with the command-line tool (e.g. codes the shop created), handed out
     * once each by the reward function.
     */
    record Pool(String pool) implements CouponSource {
        public Pool {
            Objects.requireNonNull(pool, "pool");
        }
    }
}
