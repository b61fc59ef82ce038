package io.playloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.testing.LocalSqs;
import io.playloop.testing.Messages;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The inbound queue against a real SQS API (embedded ElasticMQ, queues from template.yaml): what SQS itself refuses
 * for its contents is refused one message at a time, never retried and never failing its neighbours. These
 * messages are built directly, past the door that would clean or refuse them, so SQS's own checks are exercised.
 */
class InboundQueueIT {
    private static LocalSqs sqs;
    private static String queueUrl;
    private final InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());

    @BeforeAll
    static void start() {
        sqs = LocalSqs.start();
        queueUrl = sqs.createQueues().get("InboundQueue");
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static InboundMessage text(int i, String text) {
        return Messages.text("wamid.Q" + i + "-" + System.nanoTime(), "3360000" + String.format("%04d", i), "Sam",
                text, Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void messagesSqsRefusesForTheirContents_areRefusedAlone_andTheirNeighboursQueued() {
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(text(i, switch (i) {
                case 3 -> "noncharacter \uFFFE";
                case 7 -> "lone surrogate \uD800 here";
                default -> "POINTS " + i;
            }));
        }

        InboundQueue.Result result = new InboundQueue(sqs.client(), queueUrl, codec).publish(messages);

        assertThat(result.refused()).extracting(r -> r.message().text())
                .containsExactlyInAnyOrder("noncharacter \uFFFE", "lone surrogate \uD800 here");
        assertThat(result.refused()).allSatisfy(r -> assertThat(r.code()).isNotBlank());
        assertThat(result.queued()).isEqualTo(10);
        assertThat(result.notQueued()).isZero();
        assertThat(received()).hasSize(10);
    }

    @Test
    void aRecordOverSqssSizeLimit_isShrunk_notRefused() {
        InboundMessage huge = text(20, "x".repeat(300 * 1024));

        InboundQueue.Result result = new InboundQueue(sqs.client(), queueUrl, codec).publish(List.of(huge));

        assertThat(result.queued()).isEqualTo(1);
        assertThat(received()).singleElement().satisfies(m ->
                assertThat(codec.read(m.body()).text()).hasSize(InboundQueue.TEXT_CAP_CODE_POINTS));
    }

    private List<Message> received() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.client().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }
}
