package io.playloop.definitions;

/**
 * An SQS event of an AWS::Serverless::Function in template.yaml.
 *
 * @param functionLogicalId        e.g. GameFunction
 * @param handler                  the Handler property, e.g. io.playloop.game.GameHandler::handleRequest
 * @param queueLogicalId           the queue it polls
 * @param batchSize                BatchSize (default 10)
 * @param reportBatchItemFailures  FunctionResponseTypes contains ReportBatchItemFailures
 * @param functionTimeoutSeconds   the function's Timeout (its own, else Globals, else 3)
 */
public record QueueEventSource(String functionLogicalId, String handler, String queueLogicalId, int batchSize,
                               boolean reportBatchItemFailures, int functionTimeoutSeconds) {
}
