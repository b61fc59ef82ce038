package io.playloop.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.logging.Masking;
import io.playloop.sqs.SqsErrors;
import io.playloop.sqs.SqsIds;
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
 * <p>Batches hold at most 10 entries and at most {@link #MAX_BATCH_BYTES} of bodies. Every message is
 * tried, whatever happens to the others, and ends in one of three places:
 * <ul>
 *   <li>queued;</li>
 *   <li>refused: SQS refused the entry for what it holds ({@link SqsErrors#refusesContent}, e.g.
 *       InvalidMessageContents, MessageTooLong): sending it again can never succeed, so it is reported, not
 *       retried (the door should have caught it; this is the second line). A whole request refused that way is
 *       split and each entry sent alone, so one bad entry never takes its nine neighbours with it;</li>
 *   <li>not queued: a throttle, a 5xx, a network failure or a configuration error: sent once more, then
 *       reported so the caller answers 5xx and Meta redelivers. Records already queued are harmless on
 *       redelivery (same deduplication id, then the receipts).</li>
 * </ul>
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
    /**
     * The largest record body: 8 KiB under the message size, so the game function can still set the record aside
     * in the dead-letter queue with its reason attributes (they count towards the same limit).
     */
    public static final int MAX_RECORD_BYTES = MAX_BATCH_BYTES - 8 * 1024;
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

    /** A message SQS refused for what it holds, with SQS's error code. */
    public record Refusal(InboundMessage message, String code) {
    }

    /**
     * What one publish did.
     *
     * @param queued      records SQS accepted
     * @param refused     messages SQS refused for their contents: never retried
     * @param notQueued   records SQS did not take for a reason a retry may fix (after one retry); non-zero means
     *                    answer 5xx
     * @param requests    SendMessageBatch calls made (retries included)
     * @param retried     entries sent a second time
     * @param failureCode the SQS error code of the first failure a retry may fix, or null
     */
    public record Result(int queued, List<Refusal> refused, int notQueued, int requests, int retried,
                         String failureCode) {
        public Result {
            refused = List.copyOf(refused);
        }

        public static final Result NOTHING = new Result(0, List.of(), 0, 0, 0, null);

        /** True when no message is left that a retry of the webhook could still queue. */
        public boolean allSettled() {
            return notQueued == 0;
        }
    }

    /** Queues every message, in order. Never throws for SQS failures: they are counted in the result. */
    public Result publish(List<InboundMessage> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        Map<String, InboundMessage> byEntry = new LinkedHashMap<>();
        for (InboundMessage m : messages) {
            String id = Integer.toString(entries.size());
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(id)
                    .messageBody(recordBody(m))
                    .messageGroupId(SqsIds.of(m.customerKey()))
                    .messageDeduplicationId(SqsIds.of(m.wamid()))
                    .build());
            byEntry.put(id, m);
        }
        Tally tally = new Tally(byEntry);
        for (List<SendMessageBatchRequestEntry> batch : batches(entries)) {
            settle(batch, tally, true);
        }
        return new Result(tally.queued, tally.refused, tally.notQueued, tally.requests, tally.retried,
                tally.failureCode);
    }

    /** The running count of one publish. */
    private static final class Tally {
        final Map<String, InboundMessage> byEntry;
        final List<Refusal> refused = new ArrayList<>();
        int queued;
        int notQueued;
        int requests;
        int retried;
        String failureCode;

        Tally(Map<String, InboundMessage> byEntry) {
            this.byEntry = byEntry;
        }

        void refuse(SendMessageBatchRequestEntry entry, String code) {
            refused.add(new Refusal(byEntry.get(entry.id()), code));
        }

        void notQueued(int n, String code) {
            notQueued += n;
            if (failureCode == null) {
                failureCode = code;
            }
        }
    }

    /** Sends a batch and puts each entry in its place: queued, refused, retried once, or not queued. */
    private void settle(List<SendMessageBatchRequestEntry> batch, Tally tally, boolean mayRetry) {
        Attempt attempt = send(batch);
        tally.requests++;
        if (attempt.exception() != null) {
            if (SqsErrors.refusesContent(attempt.failureCode()) && batch.size() > 1) {
                // One entry may be the cause: send each alone so the others are queued.
                for (SendMessageBatchRequestEntry entry : batch) {
                    settle(List.of(entry), tally, mayRetry);
                }
            } else if (SqsErrors.refusesContent(attempt.failureCode())) {
                tally.refuse(batch.get(0), attempt.failureCode());
            } else {
                // The SDK has already retried throttling and 5xx within its timeouts: do not pile on.
                tally.notQueued(batch.size(), attempt.failureCode());
            }
            return;
        }
        tally.queued += batch.size() - attempt.failed().size();
        List<SendMessageBatchRequestEntry> retry = new ArrayList<>();
        for (Map.Entry<SendMessageBatchRequestEntry, String> failed : attempt.failed().entrySet()) {
            if (SqsErrors.refusesContent(failed.getValue())) {
                tally.refuse(failed.getKey(), failed.getValue());
            } else {
                retry.add(failed.getKey());
            }
        }
        if (retry.isEmpty()) {
            return;
        }
        if (mayRetry) {
            tally.retried += retry.size();
            settle(retry, tally, false);
        } else {
            tally.notQueued(retry.size(), attempt.failed().get(retry.get(0)));
        }
    }

    /** The record body, shrunk when a very long message would not fit in an SQS message. */
    String recordBody(InboundMessage m) {
        String body = codec.write(m);
        if (utf8Length(body) <= MAX_RECORD_BYTES) {
            return body;
        }
        // The raw copy doubles the size of a long text; the lifted fields are what the game needs.
        InboundMessage withoutRaw = copy(m, m.text(), null);
        body = codec.write(withoutRaw);
        if (utf8Length(body) > MAX_RECORD_BYTES && m.text() != null) {
            String text = m.text();
            body = codec.write(copy(m, text.substring(0, text.offsetByCodePoints(0,
                    Math.min(TEXT_CAP_CODE_POINTS, text.codePointCount(0, text.length())))), null));
        }
        LOG.atWarn().addKeyValue("wamid", Masking.id(m.wamid())).addKeyValue("bytes", utf8Length(body))
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

    /**
     * One SendMessageBatch call: the entries it did not take, each with SQS's error code, or the exception that
     * failed the whole call (then {@code failureCode} is its code).
     */
    private record Attempt(Map<SendMessageBatchRequestEntry, String> failed, String failureCode,
                           SdkException exception) {
    }

    private Attempt send(List<SendMessageBatchRequestEntry> batch) {
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(batch).build());
        } catch (SdkException e) {
            // Never the exception's message: SQS (and the local queue) echoes the request, numbers and texts included.
            LOG.atWarn().addKeyValue("error", SqsErrors.describe(e)).addKeyValue("entries", batch.size())
                    .log("SendMessageBatch failed");
            return new Attempt(Map.of(), SqsErrors.code(e), e);
        }
        if (!response.hasFailed() || response.failed().isEmpty()) {
            return new Attempt(Map.of(), null, null);
        }
        Map<String, SendMessageBatchRequestEntry> byId = new LinkedHashMap<>();
        batch.forEach(e -> byId.put(e.id(), e));
        Map<SendMessageBatchRequestEntry, String> failed = new LinkedHashMap<>();
        for (BatchResultErrorEntry error : response.failed()) {
            SendMessageBatchRequestEntry entry = byId.get(error.id());
            if (entry != null) {
                failed.put(entry, error.code());
            }
            LOG.atWarn().addKeyValue("entryId", error.id()).addKeyValue("code", error.code())
                    .addKeyValue("senderFault", error.senderFault()).log("SendMessageBatch entry failed");
        }
        if (failed.isEmpty()) {
            // SQS named entries we did not send: treat the whole batch as unconfirmed rather than lose one.
            batch.forEach(e -> failed.put(e, response.failed().get(0).code()));
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
