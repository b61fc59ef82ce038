package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.local.chaos.LocalCloudProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 6: nothing a customer is (phone number, BSUID, name, address, e-mail) or wrote (a text, a product)
 * reaches a log line. The packaged local cloud runs as its own process, as on Lambda every function logs to stdout; a
 * conversation in three languages, a BSUID-only customer, messages the door refuses, Graph API failures, a failed
 * status, a Shopify order, a generic order, DELETE MY DATA and a scheduler nudge go through it; then everything the
 * process printed is searched.
 */
class LogPrivacyIT {
    private static final Path JAR = Path.of("target", "playloop-local.jar");
    private static final String ZOLTAN = "33698765432";
    private static final String MARYAM = "971501112233";
    private static final String RAVI_BSUID = "US.48151623420001";
    /** What must never be printed: identifiers in every writing, names, words, an address, an e-mail, products. */
    private static final List<String> SECRETS = List.of(ZOLTAN, "698765432", "6 98 76 54 32", MARYAM, "501112233",
            RAVI_BSUID, "48151623420001", "Zoltan", "Quixote", "\u0645\u0631\u064a\u0645", "\u0627\u0644\u0641\u0627\u0633\u064a",
            "Ravi", "Secretname", "entry-zebra-7431", "quokka", "Bonjour, ici", "\u0645\u0631\u062d\u0628\u0627 \u064a\u0627",
            "zoltan.q@example.org", "impasse des Secrets", "Savon de lavande", "Sac en osier");

    @Test
    void aWholeConversation_leavesNoPhoneNumberNameOrTextInAnyLogLine() throws Exception {
        Path console = Path.of("target", "log-privacy", "console.log");
        Files.createDirectories(console.getParent());
        Files.deleteIfExists(console);
        try (LocalCloudProcess cloud = LocalCloudProcess.start(JAR, List.of("--port", "0", "--no-schedule"), console,
                Duration.ofSeconds(180))) {
            LocalCloudClient client = new LocalCloudClient(cloud.baseUrl());
            long now = client.now().getEpochSecond();

            // A French customer plays, writes something private, stops and starts again.
            for (String text : List.of("Bonjour, ici Zoltan", "POINTS", "QUIZ")) {
                assertThat(client.postWebhook(Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                        LocalCloudClient.newWamid(), ZOLTAN, "Zoltan Quixote-Pryce", text, now))).isEqualTo(200);
                client.drain();
            }
            // The question is drawn at random: three options come as buttons, the four-option one as a list.
            JsonNode question = client.last(ZOLTAN);
            boolean asList = "list".equals(question.path("interactive").path("type").asText());
            List<String> answers = DemoQuiz.optionIds(question);
            assertThat(client.postWebhook(Webhooks.tap(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                    LocalCloudClient.newWamid(), ZOLTAN, "Zoltan Quixote-Pryce", asList, answers.get(0), "A",
                    "wamid.OUT", now))).isEqualTo(200);
            for (String text : List.of("SPIN", "my secret diary entry-zebra-7431", "STOP", "START")) {
                assertThat(client.postWebhook(Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                        LocalCloudClient.newWamid(), ZOLTAN, "Zoltan Quixote-Pryce", text, now))).isEqualTo(200);
            }
            client.drain();

            // An Arabic customer asks to be forgotten and confirms.
            for (String text : List.of("\u0645\u0631\u062d\u0628\u0627 \u064a\u0627 \u0635\u062f\u064a\u0642\u064a",
                    "\u0627\u062d\u0630\u0641 \u0628\u064a\u0627\u0646\u0627\u062a\u064a")) {
                assertThat(client.postWebhook(Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                        LocalCloudClient.newWamid(), MARYAM, "\u0645\u0631\u064a\u0645 \u0627\u0644\u0641\u0627\u0633\u064a",
                        text, now))).isEqualTo(200);
                client.drain();
            }
            List<String> confirm = LocalCloudClient.buttonIds(client.last(MARYAM));
            assertThat(confirm).isNotEmpty();
            assertThat(client.postWebhook(Webhooks.tap(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                    LocalCloudClient.newWamid(), MARYAM, "\u0645\u0631\u064a\u0645", false, confirm.get(0), "\u0646\u0639\u0645",
                    "wamid.OUT", now))).isEqualTo(200);
            client.drain();

            // A customer Meta knows only by a BSUID (username, no phone number shared).
            String bsuidOnly = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                    + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                    + "\"15550783881\",\"phone_number_id\":\"" + LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID + "\"},"
                    + "\"contacts\":[{\"profile\":{\"name\":\"Ravi Secretname\"},\"wa_id\":\"\",\"user_id\":\"" + RAVI_BSUID
                    + "\"}],\"messages\":[{\"from\":\"\",\"from_user_id\":\"" + RAVI_BSUID + "\",\"id\":\"wamid.BSUID1\","
                    + "\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"quokka POINTS\"}}]}}]}]}";
            assertThat(client.postWebhook(bsuidOnly)).isEqualTo(200);

            // What the door refuses or cleans: a 3,000-character wamid, U+FFFF in a text, a lone surrogate in a name,
            // a blank sender, a timestamp far in the future: answered 200, the reasons logged.
            String refused = Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, "wamid." + "Q".repeat(3_000), ZOLTAN,
                    "Zoltan Quixote-Pryce", "quokka one", now)
                    .replace("]}}]}]}", ",{\"from\":\"" + ZOLTAN + "\",\"id\":\"wamid.FFFF1\",\"timestamp\":\"" + now
                            + "\",\"type\":\"text\",\"text\":{\"body\":\"quokka\\uffff two\"}},{\"from\":\"  \",\"id\":"
                            + "\"wamid.BLANK1\",\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"quokka"
                            + " three\"}},{\"from\":\"" + ZOLTAN + "\",\"id\":\"wamid.FUTURE1\",\"timestamp\":\"" + (now + 86_400)
                            + "\",\"type\":\"text\",\"text\":{\"body\":\"quokka four\"}}]}}]}]}")
                    .replace("\"name\":\"Zoltan Quixote-Pryce\"", "\"name\":\"Zoltan \\ud800 Quixote\"");
            assertThat(client.postWebhook(refused)).isEqualTo(200);

            // The Graph API fails twice on Zoltan's next reply; then the reply goes.
            client.post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":2,\"to\":\"" + ZOLTAN + "\"}}");
            assertThat(client.postWebhook(Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                    LocalCloudClient.newWamid(), ZOLTAN, "Zoltan Quixote-Pryce", "POINTS", now))).isEqualTo(200);
            client.drain();

            // Meta reports one of his replies failed.
            JsonNode sent = client.outbox(ZOLTAN).get(0);
            assertThat(client.postWebhook(Webhooks.failed(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID,
                    sent.path("wamid").asText(), ZOLTAN, now, 131026))).isEqualTo(200);

            // He orders in the shop: a Shopify order with his name, address and e-mail, and a generic one.
            CommerceSamples shop = new CommerceSamples(cloud.baseUrl(), () -> java.time.Instant.ofEpochSecond(now));
            String order = shop.sampleBody(CommerceSamples.SHOPIFY_ORDER).replace("L\u00e9a", "Zoltan")
                    .replace("Martin", "Quixote-Pryce").replace("lea.martin@example.com", "zoltan.q@example.org")
                    .replace("12 rue de la Paix", "7 impasse des Secrets").replace("+33 6 12 34 56 78", "+33 6 98 76 54 32")
                    .replace("+33612345678", "+" + ZOLTAN).replace("06 12 34 56 78", "06 98 76 54 32")
                    .replace("Savon au miel", "Savon de lavande").replace("Sac cabas en lin", "Sac en osier");
            HttpResponse<String> shopify = shop.postShopify("orders/paid", order);
            assertThat(shopify.statusCode()).as(shopify.body()).isEqualTo(200);
            byte[] generic = ("{\"type\":\"order.completed\",\"id\":\"PRIV-1\",\"occurred_at\":\""
                    + java.time.Instant.ofEpochSecond(now) + "\",\"customer\":{\"phone\":\"+33 6 98 76 54 32\"},"
                    + "\"total\":\"12.50\",\"currency\":\"EUR\",\"products\":[\"Savon de lavande\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-PlayLoop-Timestamp", Long.toString(now));
            headers.put("X-PlayLoop-Signature", GenericCommerceWebhooks.sign(now, generic,
                    LocalCloudOptions.DEFAULT_SHOP_SECRET));
            assertThat(shop.post(new String(generic, StandardCharsets.UTF_8), headers).statusCode()).isEqualTo(200);
            client.drain();

            // Four days of silence, at 10:30 in Paris: the scheduler nudges him (with a template, outside his window).
            java.time.Instant daytime = client.now().plus(Duration.ofDays(4)).atZone(java.time.ZoneId.of("Europe/Paris"))
                    .withHour(10).withMinute(30).toInstant();
            assertThat(client.post("/_local/clock", "{\"set\":\"" + daytime + "\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> tick = client.post("/_local/tick", "{}");
            assertThat(tick.statusCode()).isEqualTo(200);
            assertThat(tick.body()).as("the nudge went out").contains("\"sent\":1");
            client.drain();
        }

        String logs = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(logs).as("the functions' JSON lines were captured")
                .contains("\"message\":\"inbound message applied\"", "\"message\":\"webhook queued\"", "*******5432");
        assertThat(logs).as("the door's refusals were logged").contains("refused");
        for (String secret : SECRETS) {
            assertThat(logs).as("no log line holds \"" + secret + "\" (" + console.toAbsolutePath() + ")")
                    .doesNotContain(secret);
        }
    }
}
