package io.playloop.local.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import io.playloop.local.http.LocalRequest;
import io.playloop.local.http.LocalResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WhatsApp Cloud API's {@code POST /{version}/{phone-number-id}/messages}, simulated: checks what
 * Meta checks first (bearer token, the phone-number id, a JSON body with {@code messaging_product} and
 * {@code to}), answers like Meta with a new wamid, and records the request in the {@link Outbox}.
 * Faults armed in {@link GraphFaults} are applied before anything else. Like Meta, it refuses a free-form
 * message to a customer whose 24-hour window is closed ({@link CustomerWindows}, error 131047); templates
 * always pass. A refused or faulted request is not in the outbox: nothing reached the customer.
 */
public final class GraphSimulator {
    private final String phoneNumberId;
    private final String accessToken;
    private final Clock clock;
    private final Outbox outbox;
    private final GraphFaults faults;
    private final CustomerWindows windows;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong outsideWindow = new AtomicLong();

    /**
     * @param phoneNumberId the business phone-number id messages may be sent from
     * @param accessToken   the token a caller must present ({@code Authorization: Bearer ...})
     * @param clock         stamps outbox entries and decides whether a customer's window is open
     */
    public GraphSimulator(String phoneNumberId, String accessToken, Clock clock, Outbox outbox, GraphFaults faults) {
        this(phoneNumberId, accessToken, clock, outbox, faults, new CustomerWindows(false));
    }

    /** The same, refusing free-form messages outside the customers' windows when {@code windows} is enforced. */
    public GraphSimulator(String phoneNumberId, String accessToken, Clock clock, Outbox outbox, GraphFaults faults,
                          CustomerWindows windows) {
        this.phoneNumberId = phoneNumberId;
        this.accessToken = accessToken;
        this.clock = clock;
        this.outbox = outbox;
        this.faults = faults;
        this.windows = windows;
    }

    /** Handles one send request for {@code version} and {@code fromPhoneNumberId} (the URL's segments). */
    public LocalResponse send(LocalRequest request, String version, String fromPhoneNumberId) {
        JsonNode parsed = Json.parseOrNull(new String(request.body(), StandardCharsets.UTF_8));
        String recipient = parsed != null && parsed.hasNonNull("to") ? parsed.get("to").asText() : null;
        Optional<GraphFaults.Fault> fault = faults.take(recipient);
        if (fault.isPresent()) {
            faulted.incrementAndGet();
            GraphFaults.Fault f = fault.get();
            return MetaError.whatsapp(f.status(), f.code(), MetaError.title(f.code()), f.details());
        }
        LocalResponse refusal = refusal(request, fromPhoneNumberId);
        if (refusal != null) {
            rejected.incrementAndGet();
            return refusal;
        }
        JsonNode body = Json.parse(request.body());
        if (body.hasNonNull("to") && !body.hasNonNull("status") && !"template".equals(body.path("type").asText())
                && !windows.isOpen(body.get("to").asText(), clock.instant())) {
            outsideWindow.incrementAndGet();
            return MetaError.whatsapp(400, 131047, MetaError.title(131047), "Message failed to send because more than"
                    + " 24 hours have passed since the customer last replied to this number.");
        }
        accepted.incrementAndGet();
        if (body.hasNonNull("status") && !body.hasNonNull("to")) {
            outbox.record(clock.instant(), body);
            return LocalResponse.json(200, Map.of("success", true)); // mark as read / typing indicator
        }
        String wamid = newWamid();
        outbox.record(clock.instant(), body, wamid);
        return LocalResponse.json(200, accepted(body.get("to").asText(), wamid));
    }

    /** Why Meta would refuse the request, or null when it would accept it. */
    private LocalResponse refusal(LocalRequest request, String fromPhoneNumberId) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return MetaError.graph(401, "OAuthException", 190, null,
                    "An active access token must be used to query information about the current user.");
        }
        byte[] token = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, accessToken.getBytes(StandardCharsets.UTF_8))) {
            return MetaError.graph(401, "OAuthException", 190, null,
                    "Invalid OAuth access token - Cannot parse access token");
        }
        if (!phoneNumberId.equals(fromPhoneNumberId)) {
            return MetaError.graph(400, "GraphMethodException", 100, 33, "Unsupported post request. Object with ID '"
                    + fromPhoneNumberId + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
        }
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (IllegalArgumentException e) {
            return MetaError.whatsapp(400, 100, MetaError.title(100),
                    "The request body is not valid JSON: " + e.getMessage());
        }
        if (!body.isObject()) {
            return MetaError.whatsapp(400, 100, MetaError.title(100), "The request body must be a JSON object");
        }
        if (!"whatsapp".equals(body.path("messaging_product").asText())) {
            return MetaError.whatsapp(400, 100, MetaError.title(100),
                    "The parameter messaging_product is required and must be \"whatsapp\"");
        }
        boolean markAsRead = body.hasNonNull("status") && body.hasNonNull("message_id");
        if (!markAsRead && body.path("to").asText("").isBlank()) {
            return MetaError.whatsapp(400, 100, MetaError.title(100), "The parameter to is required.");
        }
        return null;
    }

    private Map<String, Object> accepted(String to, String wamid) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("input", to);
        String normalised = Outbox.normalise(to);
        if (normalised.chars().allMatch(Character::isDigit)) {
            contact.put("wa_id", normalised);
        } else {
            contact.put("wa_id", ""); // a BSUID: Meta answers with the user id and an empty wa_id
            contact.put("user_id", to);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        response.put("contacts", List.of(contact));
        response.put("messages", List.of(Map.of("id", wamid)));
        return response;
    }

    /** A wamid shaped like Meta's: "wamid." + base64 of random bytes. */
    private String newWamid() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return "wamid." + Base64.getEncoder().encodeToString(bytes);
    }

    /** Counters for {@code /_local/stats}. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("accepted", accepted.get());
        stats.put("faulted", faulted.get());
        stats.put("rejected", rejected.get());
        stats.put("outsideWindow", outsideWindow.get());
        stats.put("windowEnforced", windows.enforced());
        return stats;
    }
}
