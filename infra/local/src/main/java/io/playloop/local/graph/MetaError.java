package io.playloop.local.graph;

import io.playloop.local.http.LocalResponse;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Graph API error answers in Meta's shape: {@code {"error":{"message","type","code",...}}}. */
final class MetaError {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRACE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private MetaError() {
    }

    /**
     * A WhatsApp error: {@code message} is "(#code) title", {@code error_data.details} the explanation,
     * type OAuthException as Meta sends for Cloud API errors.
     */
    static LocalResponse whatsapp(int status, int code, String title, String details) {
        Map<String, Object> errorData = new LinkedHashMap<>();
        errorData.put("messaging_product", "whatsapp");
        errorData.put("details", details);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "(#" + code + ") " + title);
        error.put("type", "OAuthException");
        error.put("code", code);
        error.put("error_data", errorData);
        error.put("fbtrace_id", fbtraceId());
        return LocalResponse.json(status, Map.of("error", error));
    }

    /** A generic Graph error without {@code error_data} (bad token, unknown object). */
    static LocalResponse graph(int status, String type, int code, Integer subcode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", fbtraceId());
        return LocalResponse.json(status, Map.of("error", error));
    }

    /** The Meta code a fault of this HTTP status gets when the caller names none. */
    static int defaultCode(int status) {
        return switch (status) {
            case 400 -> 100;
            case 401 -> 190;
            case 403 -> 200;
            case 404 -> 100;
            case 429 -> 130429;
            case 503 -> 131016;
            default -> status >= 500 ? 131000 : 100;
        };
    }

    /** Meta's title for the codes the simulator produces. */
    static String title(int code) {
        return switch (code) {
            case 100 -> "Invalid parameter";
            case 190 -> "Access token has expired";
            case 200 -> "Permission error";
            case 130429 -> "Rate limit hit";
            case 131000 -> "Something went wrong";
            case 131016 -> "Service unavailable";
            case 131026 -> "Message undeliverable";
            case 131047 -> "Re-engagement message";
            case 131056 -> "(Business Account, Consumer Account) pair rate limit hit";
            case 131057 -> "Account in maintenance mode";
            default -> "Simulated error";
        };
    }

    private static String fbtraceId() {
        StringBuilder id = new StringBuilder(23);
        for (int i = 0; i < 23; i++) {
            id.append(TRACE_CHARS.charAt(RANDOM.nextInt(TRACE_CHARS.length())));
        }
        return id.toString();
    }
}
