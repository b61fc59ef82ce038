package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.local.http.Json;
import io.playloop.whatsapp.outbound.GraphApiClient;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.TemplateMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Integration tier: the scheduler function behind POST /_local/tick, and the Graph simulator's 24-hour window,
// in a whole local cloud.
class SchedulerTickIT {
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static RunningLocalCloud cloud;
    private static LocalCloudClient client;
    private static GraphApiClient graph;

    @BeforeAll
    static void startLocalCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8)));
        client = new LocalCloudClient(cloud.baseUrl());
        graph = new GraphApiClient(new PlayLoopConfig(cloud.tableName(), null, cloud.baseUrl() + "/graph", null,
                LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, null, null),
                new StaticSecrets(LocalCloudOptions.DEFAULT_APP_SECRET, LocalCloudOptions.DEFAULT_VERIFY_TOKEN,
                        LocalCloudOptions.DEFAULT_ACCESS_TOKEN),
                HttpClient.newHttpClient(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aTick_runsTheSchedulerFunction_andAnswersItsSummary() throws Exception {
        HttpResponse<String> tick = client.post("/_local/tick", "");

        assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
        JsonNode answer = Json.parse(tick.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.path("ran").asBoolean()).isTrue();
        List<String> keys = new java.util.ArrayList<>();
        answer.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("due", "sent", "templates", "deferred", "skipped", "expired", "failed",
                "indexItemsRead", "finished", "tookMillis");
        assertThat(client.stats().at("/functions/SchedulerFunction/invocations").asLong()).isPositive();
        assertThat(client.stats().at("/functions/SchedulerFunction/timeoutSeconds").asInt()).isEqualTo(60);
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("SchedulerFunction runs on POST /_local/tick only");
    }

    @Test
    void aCustomerWhoWrote_getsFreeFormReplies_untilTwentyFourHoursLater_thenOnlyTemplates() throws Exception {
        String waId = "33655501234";
        assertThat(client.postWebhook(client.textWebhook(waId, "Léa", "POINTS"))).isEqualTo(200);
        client.drain();
        assertThat(client.outbox(waId)).as("the game's reply, inside the window").hasSize(1);

        assertThat(graph.send(new TextMessage("+" + waId, "Encore là ?")).wamid()).startsWith("wamid.");

        client.advanceClock(Duration.ofHours(24).plusMinutes(1));
        GraphApiException refused = catchThrowableOfType(GraphApiException.class,
                () -> graph.send(new TextMessage("+" + waId, "Vos points expirent bientôt")));
        assertThat(refused.error().httpStatus()).isEqualTo(400);
        assertThat(refused.error().code()).isEqualTo(131047);
        assertThat(graph.send(new TemplateMessage("+" + waId, "points_expiring", "fr", List.of("Léa", "120")))
                .wamid()).startsWith("wamid.");

        List<JsonNode> outbox = client.outbox(waId);
        assertThat(outbox).as("the refused message never reached the customer").hasSize(3);
        assertThat(outbox.get(2).at("/body/type").asText()).isEqualTo("template");
        assertThat(outbox.get(2).at("/body/template/components/0/parameters/1/text").asText()).isEqualTo("120");
    }

    @Test
    void aCustomerWhoNeverWrote_getsNoFreeFormMessage() {
        GraphApiException refused = catchThrowableOfType(GraphApiException.class,
                () -> graph.send(new TextMessage("+33655509999", "Bonjour")));

        assertThat(refused.error().code()).isEqualTo(131047);
        assertThat(refused.error().details()).contains("more than 24 hours");
    }
}
