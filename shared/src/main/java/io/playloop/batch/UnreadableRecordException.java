package io.playloop.batch;

/** A record body that is not a record of this queue: retrying cannot help, so it is set aside at once. */
public final class UnreadableRecordException extends RuntimeException {
    public UnreadableRecordException(String what, Throwable cause) {
        super(what, cause);
    }
}
