package io.playloop.rewards;

import io.playloop.sqs.SqsIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The rewards FIFO queue: one record per job, grouped by customer and kind ({@link SqsIds}, {@link RewardJob.Kind#group})
 * (a customer's CRM updates, and an erasure after them, stay in order, and a CRM outage holding them back never holds
 * back the customer's coupon codes),
 * deduplicated by job id (a job the game sends twice within 5 minutes is queued once; later duplicates are
 * caught by the reward function's own checks). Up to 10 jobs per SendMessageBatch.
 */
public final class SqsRewardQueue implements RewardQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final RewardJobCodec codec;
    private final boolean syncsCrm;

    /**
     * @param syncsCrm whether a CRM is configured (CRM sync jobs are made only then)
     */
    public SqsRewardQueue(SqsClient sqs, String queueUrl, RewardJobCodec codec, boolean syncsCrm) {
        this.syncsCrm = syncsCrm;
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * The rewards queue at {@code queueUrl}, making CRM sync jobs when {@code PLAYLOOP_CRM_SINKS} names any CRM.
     * Only the name list is read: the reward function, not the game, needs (and checks) the CRMs' settings.
     */
    public static SqsRewardQueue fromEnvironment(SqsClient sqs, String queueUrl, java.util.Map<String, String> env) {
        String sinks = env.get(io.playloop.config.EnvironmentVariables.CRM_SINKS);
        return new SqsRewardQueue(sqs, queueUrl, new RewardJobCodec(new com.fasterxml.jackson.databind.ObjectMapper()),
                sinks != null && !sinks.isBlank());
    }

    @Override
    public boolean syncsCrm() {
        return syncsCrm;
    }

    @Override
    public void send(List<RewardJob> jobs) {
        for (int from = 0; from < jobs.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (RewardJob job : jobs.subList(from, Math.min(jobs.size(), from + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .messageBody(codec.write(job)).messageGroupId(SqsIds.of(job.customerKey() + ":" + job.kind().group()))
                        .messageDeduplicationId(SqsIds.sha256Hex(job.jobId())).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                // SQS's message echoes the entry (the customer's key): only its code and fault travel on.
                throw new IllegalStateException(response.failed().size() + " reward job(s) refused by SQS: "
                        + response.failed().get(0).code() + (Boolean.TRUE.equals(response.failed().get(0).senderFault())
                        ? " (sender fault)" : ""));
            }
        }
    }
}
