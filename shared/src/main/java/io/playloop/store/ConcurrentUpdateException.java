package io.playloop.store;

/** The customer item changed between read and write; the caller re-reads and tries again. */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String customerKey) {
        super("customer changed concurrently: " + customerKey);
    }
}
