package io.playloop.definitions;

/**
 * One AWS::SQS::Queue of template.yaml.
 *
 * @param logicalId                 the resource's logical id, e.g. InboundQueue
 * @param localName                 the queue name used off AWS (local cloud, tests): the logical id in
 *                                  kebab case, a new word at each capital with acronyms kept together,
 *                                  plus {@code .fifo} for FIFO queues: InboundQueue is inbound-queue.fifo,
 *                                  InboundDeadLetterQueue inbound-dead-letter-queue.fifo, DLQForOrders
 *                                  dlq-for-orders. On AWS the template's QueueName applies instead.
 * @param fifo                      FifoQueue
 * @param contentBasedDeduplication ContentBasedDeduplication
 * @param visibilityTimeoutSeconds  VisibilityTimeout (SQS default 30)
 * @param messageRetentionSeconds   MessageRetentionPeriod (SQS default 345600)
 * @param deadLetterLogicalId       the RedrivePolicy's target queue logical id, or null
 * @param maxReceiveCount           the RedrivePolicy's maxReceiveCount, or 0 without one
 */
public record QueueDefinition(String logicalId, String localName, boolean fifo, boolean contentBasedDeduplication,
                              int visibilityTimeoutSeconds, int messageRetentionSeconds, String deadLetterLogicalId,
                              int maxReceiveCount) {
}
