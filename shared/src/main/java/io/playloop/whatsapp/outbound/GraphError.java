package io.playloop.whatsapp.outbound;

import java.util.Set;

/**
 * Meta's error body ({@code {"error":{"code":...}}}) in typed form. Decisions use {@code code}, never
 * the HTTP status or the title.
 *
 * @param httpStatus the HTTP status of the response (0 when no response arrived)
 * @param code       Meta's error code, e.g. 131047; 0 when the body had none
 * @param subcode    {@code error_subcode} or 0
 * @param type       e.g. OAuthException, or null
 * @param message    Meta's message, or a description of the transport failure
 * @param details    {@code error_data.details}, or null
 * @param fbtraceId  for Meta support tickets, or null
 */
public record GraphError(int httpStatus, int code, int subcode, String type, String message, String details,
                         String fbtraceId) {

    /** Codes Meta documents as transient: retry with back-off. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(
            1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004);

    /** Whether Meta documents this error code as transient (the same request may succeed later). */
    public static boolean transientCode(int code) {
        return TRANSIENT_CODES.contains(code);
    }

    /** True when sending the same request later can succeed. */
    public boolean retryable() {
        if (transientCode(code)) {
            return true;
        }
        // No Meta code: a network failure, a timeout or a bare 5xx/429 from a proxy.
        return code == 0 && (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500);
    }
}
