package io.playloop.game;

/** What processing one inbound record amounted to (for logs, metrics and tests). */
public enum ProcessingResult {
    /** State committed and the reply accepted by the Graph API. */
    REPLIED,
    /** State committed; nothing to send (window closed, reaction, ...). */
    NO_REPLY,
    /** A redelivery found its own committed state and (re)sent the pending reply. */
    REPLY_RESENT,
    /** The wamid was already processed by another delivery: nothing changed, nothing sent. */
    DUPLICATE,
    /** State committed but Meta refused the reply for good (e.g. 131026 undeliverable); not retried. */
    REPLY_REFUSED,
    /**
     * State committed; the reply could not be sent before the customer's 24-hour window closed (the Graph API was
     * failing), so it was given up: outside the window only templates may be sent.
     */
    REPLY_ABANDONED;

    /** The CloudWatch metric that counts this result, e.g. {@code ReplyResent}. */
    public String metricName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }
}
