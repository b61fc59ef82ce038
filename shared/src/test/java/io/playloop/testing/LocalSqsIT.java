package io.playloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Integration test: the queues {@link LocalSqs} creates from template.yaml behave as declared. */
class LocalSqsIT {

    @Test
    void createQueues_makesTheTemplatesFifoQueues_andRedrivesAfterMaxReceiveCount() {
        try (LocalSqs sqs = LocalSqs.start()) {
            Map<String, String> urls = sqs.createQueues();
            assertThat(urls).containsOnlyKeys("InboundQueue", "InboundDeadLetterQueue", "RewardsQueue",
                    "RewardsDeadLetterQueue");
            assertThat(urls.get("InboundQueue")).startsWith(sqs.endpoint().toString()).endsWith("inbound-queue.fifo");
            Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(b -> b
                    .queueUrl(urls.get("InboundQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attributes).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                    .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "180")
                    .containsKey(QueueAttributeName.REDRIVE_POLICY);
            assertThat(sqs.createQueues()).as("idempotent").isEqualTo(urls);

            sqs.client().sendMessage(b -> b.queueUrl(urls.get("InboundQueue")).messageBody("{\"wamid\":\"wamid.P\"}")
                    .messageGroupId("33612345678").messageDeduplicationId("wamid.P"));
            sqs.client().sendMessage(b -> b.queueUrl(urls.get("InboundQueue")).messageBody("{\"wamid\":\"wamid.P\"}")
                    .messageGroupId("33612345678").messageDeduplicationId("wamid.P"));
            int maxReceiveCount = io.playloop.definitions.TemplateDefinitions.bundled().queue("InboundQueue")
                    .orElseThrow().maxReceiveCount();
            int receives = 0;
            for (int i = 0; i < maxReceiveCount + 5; i++) {
                List<Message> got = sqs.client().receiveMessage(b -> b.queueUrl(urls.get("InboundQueue"))
                        .visibilityTimeout(0).maxNumberOfMessages(10)).messages();
                receives += got.size();
            }
            List<Message> dead = sqs.client().receiveMessage(b -> b.queueUrl(urls.get("InboundDeadLetterQueue"))
                    .maxNumberOfMessages(10)).messages();

            assertThat(receives).as("deduplicated by wamid, then received maxReceiveCount times")
                    .isEqualTo(maxReceiveCount);
            assertThat(dead).singleElement().extracting(Message::body).isEqualTo("{\"wamid\":\"wamid.P\"}");
        }
    }
}
