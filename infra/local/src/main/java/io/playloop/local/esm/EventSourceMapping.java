package io.playloop.local.esm;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.definitions.QueueEventSource;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event-source mapping for one {@link QueueEventSource} of the template: a few poller
 * threads long-poll the queue (as Lambda's pollers do, so batches of different message groups run
 * concurrently), invoke the function with each batch, then delete what succeeded and leave what failed
 * on the queue, visible again after the {@link RetryDelay}. Once a record has been received
 * maxReceiveCount times, the queue's RedrivePolicy (enforced by ElasticMQ) moves it to the DLQ.
 *
 * <p>Deviations from AWS, on purpose: at most 10 records per batch (one ReceiveMessage; Lambda's
 * batching window for larger standard-queue batches is not emulated), the retry delay replaces the
 * visibility timeout (see {@link RetryDelay}), and a slow handler is counted, not stopped, at its
 * timeout.
 */
public final class EventSourceMapping implements AutoCloseable {
    /** Long-poll wait: short enough that closing the mapping takes about a second. */
    public static final int WAIT_SECONDS = 1;

    private final QueueEventSource source;
    private final ProvisionedQueue queue;
    private final SqsClient sqs;
    private final LocalFunction<SQSEvent, ?> function;
    private final RetryDelay retryDelay;
    private final int pollers;
    private final PrintStream log;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private final AtomicLong receives = new AtomicLong();
    private final AtomicLong emptyReceives = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong wholeBatchFailures = new AtomicLong();
    private final AtomicLong pollErrors = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    /**
     * @param source     the template's event source (batch size, ReportBatchItemFailures)
     * @param queue      the queue it polls, as created
     * @param sqs        a client whose read timeout exceeds {@link #WAIT_SECONDS}
     * @param function   the function to invoke
     * @param retryDelay how long a failed record stays invisible
     * @param pollers    concurrent pollers (each runs one batch at a time)
     * @param log        where failures are reported, one line each
     */
    public EventSourceMapping(QueueEventSource source, ProvisionedQueue queue, SqsClient sqs,
                              LocalFunction<SQSEvent, ?> function, RetryDelay retryDelay, int pollers, PrintStream log) {
        if (pollers < 1) {
            throw new IllegalArgumentException("at least one poller is needed, got " + pollers);
        }
        this.source = source;
        this.queue = queue;
        this.sqs = sqs;
        this.function = function;
        this.retryDelay = retryDelay;
        this.pollers = pollers;
        this.log = log;
    }

    /** Starts the pollers. */
    public synchronized EventSourceMapping start() {
        if (running) {
            return this;
        }
        running = true;
        for (int i = 1; i <= pollers; i++) {
            Thread t = new Thread(this::pollUntilClosed, "esm-" + source.functionLogicalId() + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    public QueueEventSource source() {
        return source;
    }

    public ProvisionedQueue queue() {
        return queue;
    }

    private void pollUntilClosed() {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                        .maxNumberOfMessages(Math.min(Math.max(source.batchSize(), 1), 10))
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                pollErrors.incrementAndGet();
                report("cannot receive from " + queue.name() + ": " + e.getMessage());
                pause(500);
                continue;
            }
            receives.incrementAndGet();
            if (messages.isEmpty()) {
                emptyReceives.incrementAndGet();
                continue;
            }
            process(messages);
        }
    }

    /** Invokes the function with one batch and settles each record by Lambda's rules. */
    void process(List<Message> messages) {
        batches.incrementAndGet();
        records.addAndGet(messages.size());
        SQSEvent event = SqsEvents.of(messages, queue.arn(), LocalAwsClients.REGION.id());
        Object response = null;
        Throwable thrown = null;
        try {
            response = function.invoke(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            thrown = e;
        }
        List<String> ids = messages.stream().map(Message::messageId).toList();
        BatchVerdict verdict = BatchVerdict.of(ids, response, thrown, source.reportBatchItemFailures());
        Map<String, Message> byId = new LinkedHashMap<>();
        messages.forEach(m -> byId.put(m.messageId(), m));
        delete(verdict.succeeded().stream().map(byId::get).toList());
        retryLater(verdict.failed().stream().map(byId::get).toList());
        if (verdict.wholeBatch()) {
            wholeBatchFailures.incrementAndGet();
            report(source.functionLogicalId() + ": the whole batch of " + messages.size() + " from " + queue.name()
                    + " failed (" + verdict.reason() + "); it is retried after " + retryDelay.effective(queue.definition()));
        }
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        for (List<Message> chunk : chunks(messages)) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            try {
                var result = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
                deleted.addAndGet(result.successful().size());
                result.failed().forEach(f -> report("cannot delete a processed record from " + queue.name()
                        + " (it will be delivered again): " + f.code() + " " + f.message()));
            } catch (SdkException e) {
                report("cannot delete processed records from " + queue.name() + " (they will be delivered again): "
                        + e.getMessage());
            }
        }
    }

    private void retryLater(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        retried.addAndGet(messages.size());
        int seconds = retryDelay.visibilitySeconds();
        if (seconds < 0) {
            return; // from-template: the record reappears when the queue's visibility timeout ends
        }
        for (List<Message> chunk : chunks(messages)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queue.url()).entries(entries));
            } catch (SdkException e) {
                report("cannot shorten the visibility of failed records on " + queue.name()
                        + " (they reappear after the queue's visibility timeout): " + e.getMessage());
            }
        }
    }

    private static List<List<Message>> chunks(List<Message> messages) {
        List<List<Message>> chunks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += 10) {
            chunks.add(messages.subList(i, Math.min(messages.size(), i + 10)));
        }
        return chunks;
    }

    private void report(String line) {
        lastFailure.set(line);
        log.println("local cloud: " + line);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counters for {@code /_local/stats}. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("function", source.functionLogicalId());
        stats.put("queue", queue.name());
        stats.put("batchSize", source.batchSize());
        stats.put("reportBatchItemFailures", source.reportBatchItemFailures());
        stats.put("pollers", pollers);
        stats.put("retryDelay", retryDelay.effective(queue.definition()).toString());
        stats.put("receives", receives.get());
        stats.put("emptyReceives", emptyReceives.get());
        stats.put("batches", batches.get());
        stats.put("records", records.get());
        stats.put("deleted", deleted.get());
        stats.put("retried", retried.get());
        stats.put("wholeBatchFailures", wholeBatchFailures.get());
        stats.put("pollErrors", pollErrors.get());
        stats.put("lastFailure", lastFailure.get());
        return stats;
    }

    /** Stops polling; a batch being processed is finished (and settled) first. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + (WAIT_SECONDS + 2L + function.timeoutSeconds()) * 1_000_000_000L;
        for (Thread t : threads) {
            try {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left > 0) {
                    t.join(left);
                }
                if (t.isAlive()) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
