package io.playloop.local;

import io.playloop.whatsapp.webhook.WebhookSignature;


/** Real-format Meta webhook payloads (whatsapp.md §2.2-2.4) and their X-Hub-Signature-256. */
public final class Webhooks {
    static final String WABA_ID = "102290129340398";
    static final String DISPLAY_PHONE_NUMBER = "15550783881";

    private Webhooks() {
    }

    /** A text message from a customer, as Meta posts it. */
    public static String text(String phoneNumberId, String wamid, String waId, String profileName, String body,
                       long timestampSeconds) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA_ID + "\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + profileName + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + timestampSeconds + "\",\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** A tapped reply button or list row ({@code interactive.button_reply} / {@code list_reply}). */
    static String tap(String phoneNumberId, String wamid, String waId, String profileName, boolean listRow, String id,
                      String title, String contextWamid, long timestampSeconds) {
        String kind = listRow ? "list_reply" : "button_reply";
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA_ID + "\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + profileName + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"context\":{\"from\":\"" + DISPLAY_PHONE_NUMBER + "\",\"id\":\"" + contextWamid
                + "\"},\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestampSeconds
                + "\",\"type\":\"interactive\",\"interactive\":{\"type\":\"" + kind + "\",\"" + kind
                + "\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** A status-only webhook (our earlier reply was delivered): nothing for the game to do. */
    public static String delivered(String phoneNumberId, String outboundWamid, String recipientWaId, long timestampSeconds) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA_ID + "\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"statuses\":[{\"id\":\"" + outboundWamid + "\",\"status\":\"delivered\",\"timestamp\":\""
                + timestampSeconds + "\",\"recipient_id\":\"" + recipientWaId + "\",\"pricing\":{\"billable\":false,"
                + "\"pricing_model\":\"PMP\",\"type\":\"free_customer_service\",\"category\":\"service\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** A {@code failed} status of a message we sent, with Meta's error {@code code} (e.g. 131049). */
    public static String failed(String phoneNumberId, String outboundWamid, String recipientWaId, long timestampSeconds,
                                int code) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA_ID + "\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"statuses\":[{\"id\":\"" + outboundWamid + "\",\"status\":\"failed\",\"timestamp\":\""
                + timestampSeconds + "\",\"recipient_id\":\"" + recipientWaId + "\",\"errors\":[{\"code\":" + code
                + ",\"title\":\"simulated\"}]}]},\"field\":\"messages\"}]}]}";
    }

    /** {@code sha256=<hex HMAC-SHA256 of the exact bytes>}, as Meta signs. */
    public static String signature(String appSecret, byte[] body) {
        return WebhookSignature.sign(body, appSecret);
    }
}
