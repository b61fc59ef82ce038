package io.playloop.whatsapp.outbound;

import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * {@link GraphApi} over {@link java.net.http.HttpClient}: base URL, API version, phone-number id from
 * configuration, the bearer token from {@link Secrets} (read per call, so a rotated token is picked up).
 */
public final class GraphApiClient implements GraphApi {

    public GraphApiClient(PlayLoopConfig config, Secrets secrets, HttpClient http, Duration requestTimeout) {
    }

    @Override
    public SendResult send(OutboundMessage message) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
