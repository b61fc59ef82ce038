package io.playloop.store;

/** A live receipt for this wamid already exists: the message was (or is being) processed by another delivery. */
public class DuplicateInboundException extends RuntimeException {
    public DuplicateInboundException(String wamid) {
        super("inbound message already processed: " + wamid);
    }
}
