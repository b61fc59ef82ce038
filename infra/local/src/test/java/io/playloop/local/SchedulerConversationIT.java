package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scheduler end to end through a local cloud: customers chat (signed webhooks), the simulated clock moves,
 * {@code POST /_local/tick} runs the scheduler function, and what the business sends on its own is read from the
 * Graph simulator's outbox. The simulator refuses free-form messages outside the 24-hour window like Meta, so a
 * reminder that reaches the outbox after 3 silent days went as an approved template. Each test starts the clock
 * at its own later date (the tests share one table and the scheduler's cursor only moves forward).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerConversationIT extends LocalCloudConversation {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static void setClock(Instant at) throws Exception {
        HttpResponse<String> set = client.post("/_local/clock", "{\"set\":\"" + at + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private static JsonNode tick() throws Exception {
        HttpResponse<String> tick = client.post("/_local/tick", "");
        // The scheduler sends synchronously to the Graph simulator: the outbox holds its messages when tick answers.
        assertThat(tick.statusCode()).as(tick.body()).isEqualTo(200);
        return Json.parse(tick.body().getBytes(StandardCharsets.UTF_8));
    }

    /** A new customer greets the business and accepts proactive messages (START, "oui" in French). */
    private static void optsIn(String waId, String name, String language) throws Exception {
        client.say(waId, name, "fr".equals(language) ? "bonjour" : "hello");
        client.say(waId, name, "fr".equals(language) ? "oui" : "START");
    }

    private static List<JsonNode> outboxAfter(String waId, int seen) throws Exception {
        List<JsonNode> all = client.outbox(waId);
        return all.subList(seen, all.size());
    }

    @Test
    @Order(1)
    void aCustomerInactiveThreeDays_getsOneNudge_asATemplate_becauseTheWindowIsClosed() throws Exception {
        setClock(Instant.parse("2027-01-04T10:00:00Z")); // Monday 11:00 in Paris
        String lea = "33600000601";
        optsIn(lea, "Léa", "fr");
        int replies = client.outbox(lea).size();

        client.advanceClock(Duration.ofDays(2));
        JsonNode early = tick();
        client.advanceClock(Duration.ofDays(1));
        JsonNode due = tick();
        client.advanceClock(Duration.ofHours(3));
        tick();

        assertThat(early.path("sent").asInt()).isZero();
        assertThat(due.path("sent").asInt()).as(due.toString()).isEqualTo(1);
        assertThat(due.path("templates").asInt()).isEqualTo(1);
        List<JsonNode> proactive = outboxAfter(lea, replies);
        assertThat(proactive).as("exactly one nudge").hasSize(1);
        JsonNode body = proactive.get(0).path("body");
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("template").path("name").asText()).isEqualTo("playloop_nudge");
        assertThat(body.path("template").path("language").path("code").asText()).isEqualTo("fr");
        assertThat(body.path("template").path("components").get(0).path("parameters").get(0).path("text").asText())
                .contains("Léa");
    }

    @Test
    @Order(2)
    void afterStop_nothingProactive() throws Exception {
        setClock(Instant.parse("2027-02-01T10:00:00Z"));
        String sam = "447700900602";
        optsIn(sam, "Sam", "en");
        client.say(sam, "Sam", "STOP");
        int replies = client.outbox(sam).size();

        for (int day = 0; day < 5; day++) {
            client.advanceClock(Duration.ofDays(1));
            tick();
        }

        assertThat(outboxAfter(sam, replies)).isEmpty();
    }

    @Test
    @Order(3)
    void aSendRefusedWith130429_isDeliveredLater() throws Exception {
        setClock(Instant.parse("2027-03-01T10:00:00Z"));
        String chloe = "33600000603";
        optsIn(chloe, "Chloé", "fr");
        int replies = client.outbox(chloe).size();
        client.advanceClock(Duration.ofDays(3));
        HttpResponse<String> fault = client.post("/_local/faults",
                "{\"graph\":{\"status\":400,\"code\":130429,\"count\":1}}");
        assertThat(fault.statusCode()).as(fault.body()).isEqualTo(200);

        JsonNode refused = tick();
        int afterRefusal = outboxAfter(chloe, replies).size();
        client.advanceClock(Duration.ofMinutes(5));
        JsonNode later = tick();

        assertThat(refused.path("sent").asInt()).isZero();
        assertThat(refused.path("deferred").asInt()).isEqualTo(1);
        assertThat(afterRefusal).isZero();
        assertThat(later.path("sent").asInt()).isEqualTo(1);
        assertThat(outboxAfter(chloe, replies)).singleElement()
                .satisfies(e -> assertThat(e.path("body").path("template").path("name").asText())
                        .isEqualTo("playloop_nudge"));
        client.post("/_local/faults", "{}");
    }

    @Test
    @Order(4)
    void aFailedStatusReportedLater_131049_bringsTheNudgeBackADayLater() throws Exception {
        setClock(Instant.parse("2027-03-15T10:00:00Z"));
        String ines = "33600000609";
        optsIn(ines, "Inès", "fr");
        int replies = client.outbox(ines).size();
        client.advanceClock(Duration.ofDays(3));
        tick();
        String wamid = cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName())).items().stream()
                .filter(i -> i.get("pk").s().startsWith("OUTBOUND#") && i.get("customerKey").s().equals(ines))
                .map(i -> i.get("pk").s().substring("OUTBOUND#".length())).findFirst().orElseThrow();

        // Meta accepted the template, then reports it was not delivered (per-user marketing limit).
        assertThat(client.postWebhook(Webhooks.failed(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, wamid, ines,
                client.now().getEpochSecond(), 131049))).isEqualTo(200);
        client.advanceClock(Duration.ofHours(2));
        JsonNode soon = tick();
        client.advanceClock(Duration.ofHours(23));
        JsonNode dayAfter = tick();

        assertThat(soon.path("sent").asInt()).isZero();
        assertThat(dayAfter.path("sent").asInt()).isEqualTo(1);
        assertThat(outboxAfter(ines, replies)).hasSize(2);
    }

    @Test
    @Order(5)
    void anExpiringReward_isAnnouncedTwoDaysAhead() throws Exception {
        setClock(Instant.parse("2027-04-05T08:00:00Z")); // Monday 10:00 in Paris
        String noor = "971500000604";
        optsIn(noor, "Noor", "en");
        Seeds.points(cloud, client, noor, 60);
        JsonNode bought = client.say(noor, "Noor", "redeem 1");
        String code = LocalCloudClient.readable(bought).replaceAll("(?s).*?(CAFE-[A-Z0-9]{4}-[A-Z0-9]{4}).*", "$1");
        assertThat(code).startsWith("CAFE-");
        int replies = client.outbox(noor).size();
        Instant validUntil = Instant.parse("2027-04-05T08:00:00Z").plus(Duration.ofDays(14));

        // Eleven days on (the silence earns a nudge on the way), then every hour until a day before it expires.
        client.advanceClock(Duration.ofDays(11));
        tick();
        List<String> announcedAt = new ArrayList<>();
        int seen = client.outbox(noor).size();
        assertThat(outboxAfter(noor, replies)).noneMatch(e -> e.path("body").toString().contains(code));
        while (client.now().isBefore(validUntil.minus(Duration.ofDays(1)))) {
            client.advanceClock(Duration.ofHours(1));
            tick();
            for (JsonNode e : outboxAfter(noor, seen)) {
                if (e.path("body").toString().contains(code)) {
                    announcedAt.add(e.path("at").asText());
                }
            }
            seen = client.outbox(noor).size();
        }

        assertThat(announcedAt).as("announced once").hasSize(1);
        Instant at = Instant.parse(announcedAt.get(0));
        assertThat(Duration.between(at, validUntil)).isBetween(Duration.ofHours(46), Duration.ofDays(2));
        assertThat(outboxAfter(noor, replies)).isNotEmpty();
    }

    /**
     * Fourteen simulated days ticked every 3 hours, four customers in three countries who keep coming back (each spell
     * of silence earns a nudge) and hold an expiring reward: never more than 2 proactive messages in any 7 days, none
     * outside 09:00-20:00 in the customer's own time (the tick at 23:00 local finds work due and sends nothing).
     */
    @Test
    @Order(6)
    void fourteenDays_neverMoreThanTwoProactiveInAnySevenDays_andNothingOutsideLocalDaytime() throws Exception {
        Instant start = Instant.parse("2027-05-03T07:00:00Z");
        setClock(start);
        Map<String, ZoneId> zones = Map.of("33600000605", PARIS, "33600000606", PARIS,
                "212600000607", ZoneId.of("Africa/Casablanca"), "971500000608", ZoneId.of("Asia/Dubai"));
        Map<String, List<Instant>> proactive = new HashMap<>();
        for (String waId : zones.keySet()) {
            optsIn(waId, "Kim", "en");
            Seeds.points(cloud, client, waId, 60);
            client.say(waId, "Kim", "redeem 1");      // a coffee valid 14 days: announced on day 12
            proactive.put(waId, new ArrayList<>());
        }
        int deferredOrSkipped = 0;
        // A tick every 3 hours: every customer's night is visited (21:00, 00:00, 03:00... in Paris).
        for (int hour = 3; hour <= 14 * 24; hour += 3) {
            client.advanceClock(Duration.ofHours(3));
            // Every 81 hours each customer writes again (at night for some): a new silence, a new nudge.
            if (hour % 81 == 0) {
                for (String waId : zones.keySet()) {
                    client.say(waId, "Kim", "points");
                }
            }
            Map<String, Integer> before = new HashMap<>();
            for (String waId : zones.keySet()) {
                before.put(waId, client.outbox(waId).size());
            }
            JsonNode run = tick();
            deferredOrSkipped += run.path("deferred").asInt() + run.path("skipped").asInt();
            for (String waId : zones.keySet()) {
                for (JsonNode e : outboxAfter(waId, before.get(waId))) {
                    proactive.get(waId).add(Instant.parse(e.path("at").asText()));
                }
            }
        }

        int total = 0;
        for (Map.Entry<String, List<Instant>> e : proactive.entrySet()) {
            List<Instant> sent = e.getValue().stream().sorted().toList();
            total += sent.size();
            for (int i = 0; i + 2 < sent.size(); i++) {
                assertThat(Duration.between(sent.get(i), sent.get(i + 2))).as("%s: %s", e.getKey(), sent)
                        .isGreaterThanOrEqualTo(Duration.ofDays(7));
            }
            for (Instant at : sent) {
                LocalTime local = at.atZone(zones.get(e.getKey())).toLocalTime();
                assertThat(local).as("%s got a message at %s local", e.getKey(), local)
                        .isBetween(LocalTime.of(9, 0), LocalTime.of(20, 0));
            }
        }
        assertThat(total).as("the scenario makes the scheduler send").isGreaterThanOrEqualTo(8);
        assertThat(deferredOrSkipped).as("and hold some back (night, budget)").isPositive();
    }

    @Test
    @Order(7)
    void nothingAt23hLocal_theNudgeWaitsForTheMorning() throws Exception {
        setClock(Instant.parse("2027-06-07T21:00:00Z")); // Monday 23:00 in Paris (summer time)
        String hugo = "33600000610";
        optsIn(hugo, "Hugo", "fr");
        int replies = client.outbox(hugo).size();

        client.advanceClock(Duration.ofDays(3));                  // Thursday 23:00 in Paris: the nudge is due
        JsonNode night = tick();
        int atNight = outboxAfter(hugo, replies).size();
        client.advanceClock(Duration.ofHours(10).plusMinutes(5));  // Friday 09:05 in Paris
        JsonNode morning = tick();

        assertThat(atNight).isZero();
        assertThat(night.path("deferred").asInt()).isEqualTo(1);
        assertThat(morning.path("sent").asInt()).isEqualTo(1);
        Instant sentAt = Instant.parse(outboxAfter(hugo, replies).get(0).path("at").asText());
        assertThat(sentAt.atZone(PARIS).toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 10));
    }
}
