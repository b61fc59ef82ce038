package io.playloop.local.esm;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the {@link SQSEvent} Lambda's event-source mapping passes for a batch of received messages. */
public final class SqsEvents {
    private SqsEvents() {
    }

    /**
     * One record per message, as Lambda fills them: ids, receipt handle, body and its MD5, the system
     * attributes under their SQS names (ApproximateReceiveCount, SentTimestamp, MessageGroupId, ...),
     * message attributes, {@code eventSource "aws:sqs"}, the queue's ARN and the region.
     */
    public static SQSEvent of(List<Message> messages, String queueArn, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
            r.setAttributes(new LinkedHashMap<>(m.attributesAsStrings()));
            r.setMessageAttributes(messageAttributes(m.messageAttributes()));
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(region);
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static Map<String, SQSEvent.MessageAttribute> messageAttributes(Map<String, MessageAttributeValue> in) {
        Map<String, SQSEvent.MessageAttribute> out = new LinkedHashMap<>();
        in.forEach((name, v) -> {
            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
            a.setDataType(v.dataType());
            a.setStringValue(v.stringValue());
            if (v.binaryValue() != null) {
                a.setBinaryValue(v.binaryValue().asByteBuffer());
            }
            a.setStringListValues(v.hasStringListValues() ? v.stringListValues() : List.of());
            a.setBinaryListValues(v.hasBinaryListValues()
                    ? v.binaryListValues().stream().map(b -> b.asByteBuffer()).toList() : List.of());
            out.put(name, a);
        });
        return out;
    }
}
