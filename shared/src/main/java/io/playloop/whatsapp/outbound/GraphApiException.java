package io.playloop.whatsapp.outbound;

/** The Graph API refused a message or could not be reached. */
public class GraphApiException extends RuntimeException {
    private final GraphError error;

    public GraphApiException(GraphError error) {
        super(describe(error));
        this.error = error;
    }

    public GraphApiException(GraphError error, Throwable cause) {
        super(describe(error), cause);
        this.error = error;
    }

    public GraphError error() {
        return error;
    }

    public boolean retryable() {
        return error.retryable();
    }

    private static String describe(GraphError e) {
        return "Graph API error " + e.code() + " (HTTP " + e.httpStatus() + "): " + e.message()
                + (e.fbtraceId() == null ? "" : " fbtrace_id=" + e.fbtraceId());
    }
}
