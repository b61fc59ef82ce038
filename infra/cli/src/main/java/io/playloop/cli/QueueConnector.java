package io.playloop.cli;

import io.playloop.config.AwsClients;
import io.playloop.rewards.RewardJobCodec;
import io.playloop.rewards.RewardQueue;
import io.playloop.rewards.SqsRewardQueue;
import java.net.URI;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Opens the rewards queue a command hands jobs to; tests pass a recording one. */
@FunctionalInterface
interface QueueConnector {
    RewardQueue connect(String queueUrl, TableOptions table);

    /**
     * The queue at {@code queueUrl} over SQS: the URL's host is the endpoint (AWS's regional one, or ElasticMQ's on
     * this machine); region and credentials as the table's.
     */
    static RewardQueue sqs(String queueUrl, TableOptions table) {
        URI url = URI.create(queueUrl);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("--rewards-queue must be the queue's URL, like "
                    + "https://sqs.eu-west-1.amazonaws.com/123456789012/playloop-rewards.fifo");
        }
        SqsClient sqs = SqsClient.builder()
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(AwsClients.timeouts())
                .region(table.resolveRegion())
                .credentialsProvider(table.credentials(url.getHost()))
                .endpointOverride(URI.create(url.getScheme() + "://" + url.getAuthority()))
                .build();
        return new SqsRewardQueue(sqs, queueUrl, new RewardJobCodec(new com.fasterxml.jackson.databind.ObjectMapper()),
                false);
    }
}
