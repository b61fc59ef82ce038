package io.playloop.scheduler.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.config.PlayLoopConfig;
import io.playloop.metrics.EmfMetrics;
import io.playloop.scheduling.RunSummary;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class SchedulerHandlerTest {
    private static final RunSummary SUMMARY = new RunSummary(7, 4, 1, 2, 1, 3, 0, 9, true, Duration.ofMillis(1234));

    private final List<Duration> budgets = new ArrayList<>();
    private final ByteArrayOutputStream emf = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private final SchedulerHandler handler = new SchedulerHandler(SchedulerHandler.Dependencies.builder()
            .run(budget -> {
                budgets.add(budget);
                return SUMMARY;
            })
            .metrics(new EmfMetrics(new ObjectMapper(), new PrintStream(emf, true, StandardCharsets.UTF_8), clock,
                    "scheduler"))
            .build());

    @Test
    void aRun_getsTheRemainingTimeLessTenSeconds_andTheAnswerIsItsSummary() {
        Map<String, Object> answer = handler.handleRequest(Map.of(), new TestContext(300_000));

        assertThat(budgets).singleElement().satisfies(b ->
                assertThat(b).isBetween(Duration.ofMillis(289_000), Duration.ofSeconds(290)));
        assertThat(answer).isEqualTo(SUMMARY.toMap());
        assertThat(answer).containsEntry("sent", 4).containsEntry("templates", 1).containsEntry("finished", true);
    }

    @Test
    void withLessThanTheMarginLeft_aRunStillGetsOneSecond() {
        handler.handleRequest(Map.of(), new TestContext(4_000));

        assertThat(budgets).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anyInput_orNone_runsTheSameWay() {
        Map<String, Object> scheduled = new HashMap<>();
        scheduled.put("scheduleArn", "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/playloop");
        scheduled.put("scheduledTime", "2026-11-23T09:00:00Z");
        scheduled.put("anything", List.of(1, 2));

        assertThat(handler.handleRequest(scheduled, new TestContext(60_000))).isEqualTo(SUMMARY.toMap());
        assertThat(handler.handleRequest(Map.of(), new TestContext(60_000))).isEqualTo(SUMMARY.toMap());
        assertThat(handler.handleRequest(null, null)).isEqualTo(SUMMARY.toMap());
        assertThat(budgets).hasSize(3);
        assertThat(budgets.get(2)).isEqualTo(Duration.ofSeconds(290));
    }

    @Test
    void theRunsCounts_goOutAsEmfMetrics() throws Exception {
        handler.handleRequest(Map.of(), new TestContext(60_000));

        JsonNode line = new ObjectMapper().readTree(emf.toString(StandardCharsets.UTF_8).trim());
        assertThat(line.path("function").asText()).isEqualTo("scheduler");
        assertThat(line.path("Sent").asInt()).isEqualTo(4);
        assertThat(line.path("Templates").asInt()).isEqualTo(1);
        assertThat(line.path("Deferred").asInt()).isEqualTo(2);
        assertThat(line.path("Skipped").asInt()).isEqualTo(1);
        assertThat(line.path("Expired").asInt()).isEqualTo(3);
        assertThat(line.path("Failed").asInt()).isZero();
        assertThat(line.path("Due").asInt()).isEqualTo(7);
        assertThat(line.path("Finished").asInt()).isEqualTo(1);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name"))
                .contains("Sent", "Templates", "Deferred", "Skipped", "Expired", "Failed", "Due", "Finished");
    }

    @Test
    void aFailedRun_isReportedToLambda_withoutMetrics() {
        SchedulerHandler failing = new SchedulerHandler(SchedulerHandler.Dependencies.builder()
                .run(budget -> {
                    throw new IllegalStateException("table unreachable");
                })
                .metrics(new EmfMetrics(new ObjectMapper(), new PrintStream(emf, true, StandardCharsets.UTF_8), clock,
                        "scheduler"))
                .build());

        assertThatThrownBy(() -> failing.handleRequest(Map.of(), new TestContext(60_000)))
                .hasMessage("table unreachable");
        assertThat(emf.size()).isZero();
    }

    @Test
    void primingBeforeTheSnapshot_onlyReadsTheTable_andSendsNothing() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        GraphApi graph = message -> {
            sent.add(message);
            throw new AssertionError("priming must not send");
        };
        SchedulerHandler real = new SchedulerHandler(SchedulerHandler.Dependencies.builder()
                .dynamo(readOnlyDynamo(calls)).graph(graph).clock(clock)
                .config(new PlayLoopConfig("playloop", null, null, null, "100000000000001", "Shop", "en")).build());

        real.beforeCheckpoint(null);

        assertThat(calls).isNotEmpty().allMatch(c -> c.equals("getItem"));
        assertThat(sent).isEmpty();
    }

    @Test
    void aPrimingFailure_isSwallowed_soTheSnapshotIsStillTaken() {
        SchedulerHandler failingPrime = new SchedulerHandler(SchedulerHandler.Dependencies.builder()
                .run(budget -> SUMMARY)
                .priming(() -> {
                    throw new IllegalStateException("no network at snapshot time");
                })
                .metrics(new EmfMetrics(new ObjectMapper(), new PrintStream(emf), clock, "scheduler")).build());

        failingPrime.beforeCheckpoint(null);
        assertThat(failingPrime.handleRequest(Map.of(), new TestContext(60_000))).isEqualTo(SUMMARY.toMap());
    }

    /** A DynamoDB client that answers GetItem with nothing (no campaign pushed) and fails every other call. */
    private static DynamoDbClient readOnlyDynamo(List<String> calls) {
        InvocationHandler answer = (proxy, method, args) -> {
            if (method.isDefault() && args != null && args.length == 1 && !(args[0] instanceof GetItemRequest)
                    && method.getName().equals("getItem")) {
                return InvocationHandler.invokeDefault(proxy, method, args); // the builder overload
            }
            if (method.getName().equals("serviceName")) {
                return "dynamodb";
            }
            if (method.getName().equals("close")) {
                return null;
            }
            calls.add(method.getName());
            if (method.getName().equals("getItem")) {
                return GetItemResponse.builder().build();
            }
            throw new AssertionError("priming called DynamoDB " + method.getName());
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, answer);
    }

    /** A Lambda context whose remaining time is fixed. */
    private record TestContext(int remainingMillis) implements Context {
        @Override
        public String getAwsRequestId() {
            return "test-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/SchedulerFunction";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "SchedulerFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:SchedulerFunction:live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return remainingMillis;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
