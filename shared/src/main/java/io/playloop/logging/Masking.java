package io.playloop.logging;

/** Masks personal identifiers before they reach a log line. */
public final class Masking {
    private static final int VISIBLE = 4;
    /** A hostile id may be a megabyte long: a log line shows at most this many masking stars. */
    private static final int MAX_STARS = 16;
    /** Non-personal ids (a wamid, an SQS message id) are shown up to this many characters. */
    private static final int MAX_ID = 80;

    private Masking() {
    }

    /**
     * Masks a phone number, wa_id or BSUID, keeping only its last 4 characters:
     * {@code 16505551234} becomes {@code *******1234}. Null stays null; short values are fully masked.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n <= VISIBLE) {
            return "*".repeat(n);
        }
        boolean plus = value.startsWith("+");
        int hidden = n - VISIBLE - (plus ? 1 : 0);
        String stars = hidden <= MAX_STARS ? "*".repeat(hidden) : "*".repeat(MAX_STARS) + "…(" + n + " chars)";
        return (plus ? "+" : "") + stars + value.substring(n - VISIBLE);
    }

    /**
     * A non-personal id (a wamid, an SQS message id) as a log line may show it: cut after 80 characters, with its
     * length, so that a hostile megabyte-long id never fills the logs. Null stays null.
     */
    public static String id(String value) {
        if (value == null || value.length() <= MAX_ID) {
            return value;
        }
        return value.substring(0, MAX_ID) + "…(" + value.length() + " chars)";
    }

    /**
     * An exception as a log line may show it: its class and where it was thrown, with its causes' classes, never
     * a message (an SDK exception can echo the request it refused, with a customer's phone number, name or text):
     * {@code GraphApiException at GraphApiClient.send:107 <- HttpTimeoutException}.
     */
    public static String error(Throwable e) {
        if (e == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0) {
            String type = frames[0].getClassName();
            out.append(" at ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                    .append(frames[0].getMethodName()).append(':').append(frames[0].getLineNumber());
        }
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && cause != e && depth < 4; cause = cause.getCause()) {
            out.append(" <- ").append(cause.getClass().getSimpleName());
            depth++;
        }
        return out.toString();
    }
}
