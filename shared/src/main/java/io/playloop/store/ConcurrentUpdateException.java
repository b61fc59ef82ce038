package io.playloop.store;

import io.playloop.logging.Masking;

/**
 * The customer item changed between read and write (or another transaction was writing it); the caller
 * re-reads and tries again. The message masks the customer key: it is a phone number or a BSUID and
 * exception messages end up in logs.
 */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String customerKey) {
        super("customer changed concurrently: " + Masking.phone(customerKey));
    }
}
