package io.playloop.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long one kind of item stays in the table: removed by DynamoDB's TTL some time after an instant the item
 * carries ({@link #ttl}), kept as long as the customer it belongs to ({@link #ofCustomer}: erased with them, on
 * request or after the campaign's retention of silence), or kept because it holds no one's data ({@link #kept}).
 *
 * @param rule  the lifetime in words, as the README's table says it
 * @param ttl   the time-to-live after the instant named in {@code rule}, when the item carries a {@code ttl}
 * @param scope whose lifetime bounds it
 */
public record Lifetime(String rule, Optional<Duration> ttl, Scope scope) {
    /** What bounds the lifetime. */
    public enum Scope {
        /** A TTL, and an erasure of the customer before it. */
        TTL,
        /** The customer's own lifetime: erased with them, never outliving them. */
        CUSTOMER,
        /** No one's personal data: kept (campaign configuration, counters, the scheduler's cursor). */
        KEPT
    }

    public Lifetime {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(scope, "scope");
        if (ttl.isPresent() != (scope == Scope.TTL)) {
            throw new IllegalArgumentException("a TTL lifetime, and only one, has a duration");
        }
    }

    /** Removed by TTL {@code after} past {@code from} (and erased with its customer before that). */
    public static Lifetime ttl(Duration after, String from) {
        return new Lifetime(from + " + " + after.toDays() + " days (TTL), or erased with the customer",
                Optional.of(after), Scope.TTL);
    }

    /** Removed by TTL {@code after} past {@code from}; for an item that names no customer (nothing to erase). */
    public static Lifetime ttlOnly(Duration after, String from) {
        return new Lifetime(from + " + " + after.toDays() + " days (TTL)", Optional.of(after), Scope.TTL);
    }

    /** As long as the customer: erased with them. */
    public static Lifetime ofCustomer(String detail) {
        return new Lifetime("as long as the customer (" + detail + ")", Optional.empty(), Scope.CUSTOMER);
    }

    /** Kept: it holds no one's personal data. */
    public static Lifetime kept(String why) {
        return new Lifetime("kept: " + why, Optional.empty(), Scope.KEPT);
    }

    /** The TTL's duration; throws for a lifetime without one (a bug: only TTL kinds write a {@code ttl}). */
    public Duration after() {
        return ttl.orElseThrow(() -> new IllegalStateException("no TTL: " + rule));
    }
}
