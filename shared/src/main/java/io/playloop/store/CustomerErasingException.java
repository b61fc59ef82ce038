package io.playloop.store;

/**
 * The customer is being erased right now (their profile is the erasure's tombstone): nothing may be read or written
 * for them until it is done. Thrown by the game's load; the queue record is retried later, when a message from the
 * same number starts a new customer.
 */
public final class CustomerErasingException extends RuntimeException {
    public CustomerErasingException(String customerKey) {
        super("customer " + io.playloop.logging.Masking.phone(customerKey) + " is being erased; retry later");
    }
}
