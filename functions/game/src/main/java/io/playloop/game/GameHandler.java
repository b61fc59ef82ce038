package io.playloop.game;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.store.CapacityMeter;
import io.playloop.whatsapp.outbound.GraphApi;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Consumes the inbound FIFO queue (ReportBatchItemFailures): one record = one customer message,
 * processed exactly once by {@link MessageProcessor}.
 */
public final class GameHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    public GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter) {
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
