package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

// Unit tier: every sample under events/ is an event its function accepts, so `sam local invoke` and
// the docs never hand out a stale sample.
class EventFixturesTest {
    private static final Path EVENTS = Path.of("../../events");

    @Test
    void everyIngestSample_isAnHttpApiEvent_andEveryPostIsSignedWithTheLocalAppSecret() throws IOException {
        List<Path> samples = jsonFiles(EVENTS.resolve("ingest"));
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample.toString());
            assertThat(event.getVersion()).as(sample.toString()).isEqualTo("2.0");
            assertThat(event.getRawPath()).as(sample.toString()).isEqualTo("/webhooks/whatsapp");
            if ("POST".equals(event.getRequestContext().getHttp().getMethod())) {
                byte[] body = event.getBody().getBytes(StandardCharsets.UTF_8);
                assertThat(WebhookSignature.verify(body, event.getHeaders().get("x-hub-signature-256"),
                        "local-app-secret")).as(sample + " signature").isTrue();
            }
        }
    }

    @Test
    void everyCommerceSample_isAPostToTheCommerceRoute_signedWithTheLocalShopSecret() throws IOException {
        List<Path> samples = jsonFiles(EVENTS.resolve("commerce"));
        assertThat(samples).hasSize(5);
        for (Path sample : samples) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample.toString());
            Map<String, String> headers = event.getHeaders();
            byte[] body = event.getBody().getBytes(StandardCharsets.UTF_8);
            assertThat(event.getRawPath()).as(sample.toString()).isEqualTo("/webhooks/commerce");
            assertThat(event.getRequestContext().getHttp().getMethod()).as(sample.toString()).isEqualTo("POST");
            assertThat(headers.get("content-length")).as(sample.toString()).isEqualTo(Integer.toString(body.length));
            if (headers.containsKey("x-shopify-topic")) {
                assertThat(ShopifyWebhooks.verify(body, headers.get("x-shopify-hmac-sha256"),
                        LocalCloudOptions.DEFAULT_SHOP_SECRET)).as(sample + " signature").isTrue();
            } else {
                String ts = headers.get("x-playloop-timestamp");
                assertThat(GenericCommerceWebhooks.verify(body, headers.get("x-playloop-signature"), ts,
                        LocalCloudOptions.DEFAULT_SHOP_SECRET, Instant.ofEpochSecond(Long.parseLong(ts))))
                        .as(sample + " signature").isNull();
            }
        }
    }

    @Test
    void theSqsSample_carriesInboundRecordsTheGameFunctionReads() {
        SQSEvent batch = EventLoader.loadSQSEvent(EVENTS.resolve("game/sqs-batch.json").toString());
        InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());

        assertThat(batch.getRecords()).hasSize(3).allSatisfy(r -> {
            assertThat(codec.read(r.getBody()).customerKey()).isEqualTo(r.getAttributes().get("MessageGroupId"));
            assertThat(r.getAttributes().get("MessageDeduplicationId")).isEqualTo(codec.read(r.getBody()).wamid());
        });
    }

    @Test
    void theScheduledSample_isAnEventBridgeSchedulerEvent() {
        ScheduledEvent event = EventLoader.loadScheduledEvent(EVENTS.resolve("scheduler/scheduled-event.json").toString());

        assertThat(event.getSource()).isEqualTo("aws.scheduler");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getResources()).singleElement().asString().contains(":schedule/");
    }

    @Test
    void theSchedulerTickSample_holdsTheAttributesTheSchedulersInputNames() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> tick = new ObjectMapper().readValue(EVENTS.resolve("scheduler/scheduled-tick.json").toFile(),
                Map.class);

        assertThat(tick.keySet()).containsExactlyInAnyOrderElementsOf(
                io.playloop.scheduler.function.SchedulerHandler.SCHEDULE_ATTRIBUTES);
        assertThat(Instant.parse((String) tick.get("scheduledTime"))).isNotNull();
        assertThat((String) tick.get("scheduleArn")).contains(":schedule/");
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
