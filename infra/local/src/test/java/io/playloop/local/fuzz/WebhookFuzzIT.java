package io.playloop.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.local.LocalCloud;
import io.playloop.local.LocalCloudOptions;
import io.playloop.local.RunningLocalCloud;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The bounded fuzz CI runs (issue 10, point 2): rounds of mutated but correctly signed WhatsApp and shop webhooks built
 * from real payload shapes, through the whole local cloud. Bar per round: no 5xx and no 401, every connection
 * answered, nothing dead-lettered once drained, and a normal message answered after. {@link WebhookFuzz} runs the
 * same at scale. Signature checks: a wrong secret, {@code sha1=}, a re-serialised body and a replayed generic
 * timestamp are 401 and queue nothing.
 */
class WebhookFuzzIT {
    /** Cases per round; {@code -Dfuzz.cases=...} for a longer run. */
    private static final int CASES_PER_ROUND = Integer.getInteger("fuzz.cases", 60);
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static RunningLocalCloud cloud;
    private static FuzzTarget target;
    private static Mutator mutator;
    private static Signer signer;

    @BeforeContainer
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withOut(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8)));
        target = new FuzzTarget(cloud.baseUrl());
        mutator = new Mutator(Seeds.load(Path.of("../../events/commerce")), LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
        signer = new Signer(LocalCloudOptions.DEFAULT_APP_SECRET, LocalCloudOptions.DEFAULT_SHOP_SECRET);
    }

    @AfterContainer
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Property(tries = 6, seed = "20261207", shrinking = ShrinkingMode.OFF)
    void signedHostileWebhooks_neverGetA5xx_noRecordIsDeadLettered_andTheNextMessageIsAnswered(@ForAll long roundSeed) {
        FuzzRun run = new FuzzRun(target, signer, LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
        run.deadLettered = target.deadLetterCount();
        Random random = new Random(roundSeed);
        for (int i = 0; i < CASES_PER_ROUND; i++) {
            run.post(mutator.next(random, target.now(), i));
        }
        // Generous: a round may hold several 1,000-message bodies, and a starved 2-core machine took over 90 s to drain
        // one. A real hang (the local cloud's regex that backtracked for hours) still fails it.
        boolean ok = run.endRound(Duration.ofMinutes(5));
        assertThat(run.findings).as("round seed " + roundSeed + ": " + run.summary()).isEmpty();
        assertThat(ok).isTrue();
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
    }

    @Example
    void aWebhookSignedWithAnotherSecret_isRefused401_andQueuesNothing() {
        byte[] body = points("33611110001");
        assertRefusedAndNothingQueued("/webhooks/whatsapp", body,
                Map.of(WebhookSignature.HEADER, WebhookSignature.sign(body, "not-the-app-secret")));
    }

    @Example
    void aSha1Signature_isRefused401_andQueuesNothing() throws Exception {
        byte[] body = points("33611110002");
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(LocalCloudOptions.DEFAULT_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sha1 = "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        assertRefusedAndNothingQueued("/webhooks/whatsapp", body, Map.of(WebhookSignature.HEADER, sha1));
        assertRefusedAndNothingQueued("/webhooks/whatsapp", body, Map.of("X-Hub-Signature", sha1));
    }

    @Example
    void aReSerialisedBody_underTheOriginalSignature_isRefused401_andQueuesNothing() {
        byte[] original = points("33611110003");
        String signature = WebhookSignature.sign(original, LocalCloudOptions.DEFAULT_APP_SECRET);
        byte[] reformatted = new String(original, StandardCharsets.UTF_8).replace(",", ", ").replace(":", ": ")
                .getBytes(StandardCharsets.UTF_8);
        assertRefusedAndNothingQueued("/webhooks/whatsapp", reformatted, Map.of(WebhookSignature.HEADER, signature));
    }

    @Example
    void aGenericShopEvent_replayedWithItsOldTimestamp_isRefused401_andQueuesNothing() {
        byte[] body = ("{\"type\":\"order.completed\",\"id\":\"REPLAY-1\",\"occurred_at\":\"" + target.now().minusSeconds(900)
                + "\",\"customer\":{\"phone\":\"+33611110004\"},\"total\":\"10.00\",\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
        long captured = target.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        assertRefusedAndNothingQueued("/webhooks/commerce", body, Map.of("X-PlayLoop-Timestamp", Long.toString(captured),
                "X-PlayLoop-Signature", GenericCommerceWebhooks.sign(captured, body, LocalCloudOptions.DEFAULT_SHOP_SECRET)));
        long fresh = target.now().getEpochSecond();
        assertRefusedAndNothingQueued("/webhooks/commerce", body, Map.of("X-PlayLoop-Timestamp", Long.toString(fresh),
                "X-PlayLoop-Signature", GenericCommerceWebhooks.sign(captured, body, LocalCloudOptions.DEFAULT_SHOP_SECRET)));
    }

    private static void assertRefusedAndNothingQueued(String path, byte[] body, Map<String, String> signature) {
        long sendsBefore = sends();
        Map<String, String> headers = new java.util.LinkedHashMap<>(signature);
        headers.put("Content-Type", "application/json");
        assertThat(target.post(path, body, headers)).isEqualTo(401);
        assertThat(sends()).as("SendMessageBatch calls by the functions").isEqualTo(sendsBefore);
    }

    private static long sends() {
        return target.stats().path("sqsRequests").path("byFunctions").path("SendMessageBatch").asLong();
    }

    private static byte[] points(String waId) {
        Instant now = target.now();
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":"
                + "{\"name\":\"Sig\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.SIG"
                + waId + "\",\"timestamp\":\"" + now.getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"POINTS\"}}]},"
                + "\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
