package io.playloop.campaign;

/**
 * Another push or activation kept changing the same campaign while this one retried; nothing of this
 * one was written. Running it again is safe.
 */
public final class ConcurrentCampaignChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentCampaignChangeException(String message) {
        super(message);
    }
}
