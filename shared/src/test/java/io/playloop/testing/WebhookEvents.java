package io.playloop.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) events of webhook POSTs, as the ingest function receives them. */
public final class WebhookEvents {
    private WebhookEvents() {
    }

    /** A POST to /webhooks/whatsapp whose body is signed with {@code appSecret}, as Meta signs it. */
    public static APIGatewayV2HTTPEvent signedPost(String body, String appSecret) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("POST /webhooks/whatsapp");
        event.setRawPath("/webhooks/whatsapp");
        event.setHeaders(Map.of("content-type", "application/json",
                "x-hub-signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), appSecret)));
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath("/webhooks/whatsapp");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
