package io.playloop.rewards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The rewards FIFO queue: one record per job, grouped by customer (a customer's CRM updates stay in order),
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
                        .messageBody(codec.write(job)).messageGroupId(job.customerKey())
                        .messageDeduplicationId(dedupId(job.jobId())).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " reward job(s) refused by SQS: "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }

    /** SQS allows 128 characters of a restricted set: a SHA-256 of the job id in hex. */
    static String dedupId(String jobId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(jobId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
