package io.playloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.definitions.TemplateDefinitions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

// Integration tier: the CLI against DynamoDB Local, in process and over HTTP, and the built jar.
class PlayLoopCliIT {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient dynamo;
    private static DynamoConnector connector;

    @TempDir
    Path dir;
    private String table;

    @BeforeAll
    static void startDynamo() {
        dynamo = DynamoDBEmbedded.create().dynamoDbClient();
        connector = Cli.shared(dynamo);
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
    }

    @BeforeEach
    void createTable() {
        table = "playloop-" + TABLES.incrementAndGet();
        dynamo.createTable(TemplateDefinitions.bundled().createTableRequest(table));
    }

    @Test
    @DisplayName("push stores versions, --activate makes one play, list shows them and marks the active one")
    void push_activate_list() throws IOException {
        Cli.Result first = Cli.run(connector, "push", PlayLoopCliTest.DEMO.toString(), "--table", table);
        assertThat(first.status()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("pushed demo v1 to table " + table,
                "not activated; the game plays the bundled demo. To play this version: playloop-cli activate demo 1");

        Path summer = Files.writeString(dir.resolve("summer.yaml"), Files.readString(PlayLoopCliTest.DEMO,
                StandardCharsets.UTF_8).replace("id: demo\n", "id: summer-2025\n"), StandardCharsets.UTF_8);
        Cli.Result second = Cli.run(connector, "push", summer.toString(), "--table", table, "--activate");
        assertThat(second.out()).contains("pushed summer-2025 v1", "active: summer-2025 v1");

        Cli.Result list = Cli.run(connector, "list", "--table", table);
        assertThat(list.status()).isEqualTo(ExitCodes.OK);
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).startsWith("CAMPAIGN").contains("VERSION", "ACTIVE", "PUSHED", "SHA256", "NAME");
        assertThat(lines.get(1)).startsWith("demo ").contains(" 1 ", "2025-06-02T08:00:00Z", "PlayLoop demo")
                .doesNotContain("*");
        assertThat(lines.get(2)).startsWith("summer-2025 ").contains(" 1  *");
        assertThat(lines.get(3)).startsWith("active: summer-2025 v1 (since 2025-06-02T08:00:00Z, revision 1)");
    }

    @Test
    @DisplayName("schedule-backfill indexes a customer who chatted before the scheduler, once")
    void schedule_backfill() {
        // A customer as an earlier version left them: a profile, no schedule; last message 2 days before "now".
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> profile =
                new java.util.HashMap<>(io.playloop.store.Keys.customer("33612345678"));
        profile.put("customerKey", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("33612345678"));
        profile.put("waId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("33612345678"));
        profile.put("language", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("fr"));
        profile.put("points", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"));
        profile.put("version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("4"));
        profile.put("consent", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(java.util.Map.of(
                "proactive", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true))));
        profile.put("lastInboundAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                Cli.NOW.minus(java.time.Duration.ofDays(2)).toString()));
        dynamo.putItem(b -> b.tableName(table).item(profile));

        Cli.Result first = Cli.run(connector, "schedule-backfill", "--table", table);
        Cli.Result again = Cli.run(connector, "schedule-backfill", "--table", table);

        assertThat(first.status()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("customers: 1, indexed now: 1");
        var schedule = dynamo.getItem(b -> b.tableName(table).key(io.playloop.store.Keys.schedule("33612345678")))
                .item();
        // The nudge is due 3 days after the last message: tomorrow.
        assertThat(schedule.get("dueAt").s()).isEqualTo(io.playloop.store.Keys.sortable(
                Cli.NOW.plus(java.time.Duration.ofDays(1))));
        assertThat(schedule).containsKey("gsi1pk");
        assertThat(again.out()).contains("indexed now: 0, already scheduled: 1");
    }

    @Test
    @DisplayName("coupons-import adds each code once, skips what is already there, and refuses a file with bad lines")
    void coupons_import() throws IOException {
        Path csv = Files.writeString(dir.resolve("codes.csv"), "code,note\nTOTE-0001,first\ntote-0002\n\nTOTE-0001\n",
                StandardCharsets.UTF_8);
        Cli.Result first = Cli.run(connector, "coupons-import", "--pool", "tote-bags", csv.toString(), "--table", table);
        Cli.Result again = Cli.run(connector, "coupons-import", "--pool", "tote-bags", csv.toString(), "--table", table);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "TOTE-0003\nno spaces allowed\n", StandardCharsets.UTF_8);
        Cli.Result refused = Cli.run(connector, "coupons-import", "--pool", "tote-bags", bad.toString(), "--table", table);

        assertThat(first.status()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("pool tote-bags: 2 code(s) added, 0 already there");
        assertThat(again.out()).contains("pool tote-bags: 0 code(s) added, 2 already there or already given out");
        assertThat(refused.status()).isEqualTo(ExitCodes.INVALID_CAMPAIGN);
        assertThat(refused.err()).contains("bad.csv:2: 'no spaces allowed' is not a code");
        assertThat(dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(java.util.Map.of(":p",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("POOL#tote-bags"))))
                .items()).extracting(item -> item.get("sk").s()).containsExactly("CODE#TOTE-0001", "CODE#TOTE-0002");
    }

    @Test
    @DisplayName("activate rolls back to a stored version and refuses one that does not exist")
    void activate_and_roll_back() {
        Cli.run(connector, "push", PlayLoopCliTest.DEMO.toString(), "--table", table, "--activate");
        Cli.run(connector, "push", PlayLoopCliTest.DEMO.toString(), "--table", table, "--activate");
        Cli.Result back = Cli.run(connector, "activate", "demo", "1", "--table", table);
        assertThat(back.status()).isEqualTo(ExitCodes.OK);
        assertThat(back.out()).contains("active: demo v1");
        Cli.Result missing = Cli.run(connector, "activate", "demo", "7", "--table", table);
        assertThat(missing.status()).isEqualTo(ExitCodes.TABLE_ERROR);
        assertThat(missing.err()).contains("campaign demo v7 is not in table " + table + " (see list)");
        assertThat(Cli.run(connector, "list", "--table", table).out()).contains("active: demo v1");
    }

    @Test
    @DisplayName("an empty table lists nothing and says the demo plays; a missing table is a sentence, exit 3")
    void empty_and_missing_tables() {
        Cli.Result empty = Cli.run(connector, "list", "--table", table);
        assertThat(empty.out()).contains("no campaigns in table " + table,
                "no active campaign: the game plays the bundled demo");
        Cli.Result missing = Cli.run(connector, "list", "--table", "no-such-table");
        assertThat(missing.status()).isEqualTo(ExitCodes.TABLE_ERROR);
        assertThat(missing.err()).startsWith("the table does not exist there").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("over HTTP with --endpoint, as against the local cloud's DynamoDB Local")
    void over_http_with_endpoint() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port)});
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + port;
            TableOptions options = new TableOptions();
            options.endpoint = java.net.URI.create(endpoint);
            try (DynamoDbClient client = TableOptions.connect(options)) {
                client.createTable(TemplateDefinitions.bundled().createTableRequest("PlayLoopTable"));
            }
            Cli.Result push = Cli.run(TableOptions::connect, "push", PlayLoopCliTest.DEMO.toString(),
                    "--table", "PlayLoopTable", "--endpoint", endpoint, "--activate");
            assertThat(push.status()).as(push.err()).isEqualTo(ExitCodes.OK);
            Cli.Result list = Cli.run(TableOptions::connect, "list", "--table", "PlayLoopTable", "--endpoint", endpoint);
            assertThat(list.out()).contains("active: demo v1");
        } finally {
            server.stop();
        }
    }

    @Test
    @DisplayName("the built jar runs with its lib/ folder: java -jar playloop-cli.jar validate demo.yaml")
    void runnable_jar() throws Exception {
        Path jar = Path.of("target", "playloop-cli.jar");
        assertThat(jar).exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "validate", PlayLoopCliTest.DEMO.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("valid playloop/campaign@1").doesNotContain("SLF4J");
    }

    @Test
    @DisplayName("customer export writes everything held on her as JSON; customer erase removes it all and queues the CRM"
            + " deletion; a second export finds nothing (exit 4)")
    void customer_export_and_erase() throws IOException {
        String lea = "33612345678";
        java.time.Clock clock = java.time.Clock.fixed(Cli.NOW, java.time.ZoneOffset.UTC);
        io.playloop.store.DynamoGameStore store = new io.playloop.store.DynamoGameStore(dynamo, table,
                new io.playloop.store.CapacityMeter());
        io.playloop.engine.Engine engine = new io.playloop.engine.Engine(io.playloop.campaign.DemoCampaign.get(),
                io.playloop.engine.MessageCatalog.bundled(), "Café Lumière");
        io.playloop.game.MessageProcessor game = new io.playloop.game.MessageProcessor(store, engine,
                message -> new io.playloop.whatsapp.outbound.SendResult("wamid.out", null), clock,
                new com.fasterxml.jackson.databind.ObjectMapper());
        int n = 0;
        for (String text : List.of("Bonjour", "oui", "parrainer", "points")) {
            game.process(new io.playloop.whatsapp.inbound.InboundMessage("wamid.cli-" + n, lea, lea, null,
                    "100000000000001", "15550001111", "Léa Dupont", Cli.NOW.minusSeconds(60 - n), "text", text, null,
                    null, null, null, false, null), "sqs-" + n++);
        }
        Path file = dir.resolve("lea.json");

        Cli.Result export = Cli.run(connector, "customer", "export", "--phone", "+33 6 12 34 56 78", "--table", table,
                "--out", file.toString());

        assertThat(export.status()).as(export.err()).isEqualTo(ExitCodes.OK);
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(file.toFile());
        assertThat(document.path("format").asText()).isEqualTo("playloop/customer-export@1");
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        document.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        assertThat(kinds).contains("PROFILE", "CONSENT", "RECEIPT", "PROGRESS", "SCHEDULE", "REFERRAL_CODE");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Léa Dupont");

        List<io.playloop.rewards.RewardJob> queued = new java.util.ArrayList<>();
        Cli.Result erase = Cli.run(connector, (url, options) -> queued::addAll, "customer", "erase", "--key", lea,
                "--table", table, "--rewards-queue", "http://127.0.0.1:9324/000000000000/rewards.fifo");

        assertThat(erase.status()).as(erase.err()).isEqualTo(ExitCodes.OK);
        assertThat(erase.out()).contains("erased customer " + lea + ": ", "customer profile 1", "CRM deletion queued");
        assertThat(queued).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(io.playloop.rewards.RewardJob.Kind.ERASE);
            assertThat(job.customerKey()).isEqualTo(lea);
        });
        assertThat(dynamo.scanPaginator(b -> b.tableName(table)).items().stream()
                .flatMap(item -> item.values().stream()).map(String::valueOf))
                .noneMatch(value -> value.contains(lea) || value.contains("Léa"));
        Cli.Result again = Cli.run(connector, "customer", "export", "--key", lea, "--table", table);
        assertThat(again.status()).isEqualTo(ExitCodes.NO_SUCH_CUSTOMER);
        assertThat(again.err()).contains("the table holds nothing on customer " + lea);
        Cli.Result eraseAgain = Cli.run(connector, "customer", "erase", "--phone", "+33612345678", "--table", table);
        assertThat(eraseAgain.status()).isEqualTo(ExitCodes.OK);
        assertThat(eraseAgain.out()).contains("holds nothing");
        assertThat(eraseAgain.err()).contains("the CRMs were not told");
        assertThat(Cli.run(connector, "customer", "erase", "--phone", "0612345678", "--table", table).status())
                .isEqualTo(ExitCodes.USAGE);
    }
}
