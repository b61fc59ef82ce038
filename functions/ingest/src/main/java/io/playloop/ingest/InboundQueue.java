package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts inbound messages on the FIFO queue with SendMessageBatch: one record per message, group id =
 * the customer key (per-customer order), deduplication id = the wamid (a redelivered webhook within
 * SQS's five-minute window is dropped by SQS itself; later ones by the game function's receipts).
 *
 * <p>Batches hold at most 10 entries and at most {@link #MAX_BATCH_BYTES} of bodies. Entries SQS
 * reports as failed are sent once more; whatever still fails makes {@link #publish} report the
 * webhook as not queued, so the caller answers 5xx and Meta redelivers. Records already queued are
 * harmless on redelivery (same deduplication id, then the receipts).
 *
 * <p>Order: entries go out in the order given, so each customer's records queue in that order. The one
 * exception is an entry SQS refused and the retry then took: it lands behind later records of the
 * same customer from the same batch. Meta's delivery is unordered anyway, so the game orders by
 * {@code timestamp} where order matters.
 */
public final class InboundQueue {
    /** SendMessageBatch takes at most 10 entries. */
    public static final int MAX_ENTRIES = 10;
    /**
     * The queue's default maximum message size (256 KiB), which is also the most a batch may carry in
     * total. SQS can be raised to 1 MiB, but nothing here should depend on that.
     */
    public static final int MAX_BATCH_BYTES = 256 * 1024;
    /** Texts longer than this are cut when a record would not fit otherwise (WhatsApp allows 65,536). */
    static final int TEXT_CAP_CODE_POINTS = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final InboundMessageCodec codec;

    public InboundQueue(SqsClient sqs, String queueUrl, InboundMessageCodec codec) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.codec = codec;
    }

    /**
     * What one publish did.
     *
     * @param queued      records SQS accepted
     * @param notQueued   records SQS did not accept (after the retry); non-zero means answer 5xx
     * @param requests    SendMessageBatch calls made (retries included)
     * @param retried     entries sent a second time
     * @param failureCode the SQS error code of the first failure, or null
     */
    public record Result(int queued, int notQueued, int requests, int retried, String failureCode) {
        public boolean allQueued() {
            return notQueued == 0;
        }
    }

    /** Queues every message, in order. Never throws for SQS failures: they are counted in the result. */
    public Result publish(List<InboundMessage> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (InboundMessage m : messages) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .messageBody(recordBody(m))
                    .messageGroupId(SqsIds.of(m.customerKey()))
                    .messageDeduplicationId(SqsIds.of(m.wamid()))
                    .build());
        }
        int queued = 0;
        int requests = 0;
        int retried = 0;
        List<List<SendMessageBatchRequestEntry>> batches = batches(entries);
        for (int b = 0; b < batches.size(); b++) {
            List<SendMessageBatchRequestEntry> batch = batches.get(b);
            Attempt first = send(batch);
            requests++;
            Attempt last = first;
            if (!first.failed().isEmpty() && first.exception() == null) {
                retried += first.failed().size();
                last = send(first.failed());
                requests++;
            }
            queued += batch.size() - last.failed().size();
            if (!last.failed().isEmpty()) {
                int notQueued = entries.size() - queued;
                // Stop here: Meta will redeliver the whole webhook; the records already queued are deduplicated.
                return new Result(queued, notQueued, requests, retried, last.failureCode());
            }
        }
        return new Result(queued, 0, requests, retried, null);
    }

    /** The record body, shrunk when a very long message would not fit in an SQS message. */
    String recordBody(InboundMessage m) {
        String body = codec.write(m);
        if (utf8Length(body) <= MAX_BATCH_BYTES) {
            return body;
        }
        // The raw copy doubles the size of a long text; the lifted fields are what the game needs.
        InboundMessage withoutRaw = copy(m, m.text(), null);
        body = codec.write(withoutRaw);
        if (utf8Length(body) > MAX_BATCH_BYTES && m.text() != null) {
            String text = m.text();
            body = codec.write(copy(m, text.substring(0, text.offsetByCodePoints(0,
                    Math.min(TEXT_CAP_CODE_POINTS, text.codePointCount(0, text.length())))), null));
        }
        LOG.atWarn().addKeyValue("wamid", m.wamid()).addKeyValue("bytes", utf8Length(body))
                .log("inbound message too large for one SQS record: queued without its raw copy");
        return body;
    }

    private static InboundMessage copy(InboundMessage m, String text, ObjectNode raw) {
        return new InboundMessage(m.wamid(), m.customerKey(), m.waId(), m.bsuid(), m.phoneNumberId(),
                m.displayPhoneNumber(), m.profileName(), m.sentAt(), m.type(), text, m.replyId(), m.replyTitle(),
                m.contextId(), m.contextFrom(), m.forwarded(), raw);
    }

    /** Groups entries in order into batches of at most 10 entries and {@link #MAX_BATCH_BYTES}. */
    static List<List<SendMessageBatchRequestEntry>> batches(List<SendMessageBatchRequestEntry> entries) {
        List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
        List<SendMessageBatchRequestEntry> current = new ArrayList<>();
        int bytes = 0;
        for (SendMessageBatchRequestEntry e : entries) {
            int size = utf8Length(e.messageBody());
            if (!current.isEmpty() && (current.size() == MAX_ENTRIES || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private record Attempt(List<SendMessageBatchRequestEntry> failed, String failureCode, SdkException exception) {
    }

    private Attempt send(List<SendMessageBatchRequestEntry> batch) {
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(batch).build());
        } catch (SdkException e) {
            // The SDK has already retried throttling and 5xx within its timeouts; do not pile on.
            LOG.atWarn().addKeyValue("errorType", e.getClass().getSimpleName()).addKeyValue("entries", batch.size())
                    .setCause(e).log("SendMessageBatch failed");
            return new Attempt(batch, e.getClass().getSimpleName(), e);
        }
        if (!response.hasFailed() || response.failed().isEmpty()) {
            return new Attempt(List.of(), null, null);
        }
        Map<String, SendMessageBatchRequestEntry> byId = new LinkedHashMap<>();
        batch.forEach(e -> byId.put(e.id(), e));
        List<SendMessageBatchRequestEntry> failed = new ArrayList<>();
        for (BatchResultErrorEntry error : response.failed()) {
            SendMessageBatchRequestEntry entry = byId.get(error.id());
            if (entry != null) {
                failed.add(entry);
            }
            LOG.atWarn().addKeyValue("entryId", error.id()).addKeyValue("code", error.code())
                    .addKeyValue("senderFault", error.senderFault()).addKeyValue("sqsMessage", error.message())
                    .log("SendMessageBatch entry failed");
        }
        if (failed.isEmpty()) {
            // SQS named entries we did not send: treat the whole batch as unconfirmed rather than lose one.
            failed.addAll(batch);
        }
        return new Attempt(failed, response.failed().get(0).code(), null);
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
