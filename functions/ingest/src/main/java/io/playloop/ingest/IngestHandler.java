package io.playloop.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhook entry point (API Gateway HTTP API, payload 2.0): GET handshake and POST webhooks on
 * /webhooks/whatsapp. Verifies, splits per message, queues, answers. No game logic here.
 */
public final class IngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public IngestHandler(SqsClient sqs, PlayLoopConfig config, Secrets secrets, Clock clock) {
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
