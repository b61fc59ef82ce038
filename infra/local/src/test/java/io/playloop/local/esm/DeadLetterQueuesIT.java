package io.playloop.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.definitions.QueueDefinition;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.ResourceProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class DeadLetterQueuesIT {
    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMqServer.start(0);
        sqs = LocalAwsClients.sqs(elasticMq.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
    }

    @Test
    void everyRecord_isListed_alsoSeveralOfOneCustomer_andStaysInTheQueue() {
        String name = "dlq-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
        ProvisionedQueue dlq = ResourceProvisioner.createQueues(sqs, List.of(
                new QueueDefinition("Dlq", name, true, false, 30, 1_209_600, null, 0))).get("Dlq");
        for (int i = 1; i <= 12; i++) {
            String group = i <= 4 ? "customer-a" : "customer-" + i;
            String body = "{\"n\":" + i + "}";
            sqs.sendMessage(b -> b.queueUrl(dlq.url()).messageGroupId(group)
                    .messageDeduplicationId(UUID.randomUUID().toString()).messageBody(body));
        }
        DeadLetterQueues view = new DeadLetterQueues(elasticMq.mirror(), List.of(dlq));

        List<Map<String, Object>> first = view.list().get(name);
        List<Map<String, Object>> second = view.list().get(name);

        assertThat(first).hasSize(12);
        assertThat(first).extracting(r -> r.get("body").toString())
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "{\"n\":" + i + "}")
                        .toArray(String[]::new));
        assertThat(first).allSatisfy(r -> assertThat(r.get("attributes").toString()).contains("ApproximateReceiveCount=0"));
        assertThat(second).isEqualTo(first);
        assertThat(QueueDepth.of(sqs, dlq.url()).visible()).isEqualTo(12);
    }
}
