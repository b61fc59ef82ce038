package io.playloop.testing;

import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.GraphError;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link GraphApi} that records what was sent and can be told to fail the next calls. */
public final class RecordingGraphApi implements GraphApi {
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final Deque<GraphError> failures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public synchronized SendResult send(OutboundMessage message) {
        GraphError failure = failures.poll();
        if (failure != null) {
            throw new GraphApiException(failure);
        }
        sent.add(message);
        return new SendResult("wamid.out." + ids.incrementAndGet(), null);
    }

    /** The next {@code count} calls fail with Meta error {@code code} and HTTP {@code status}. */
    public synchronized RecordingGraphApi failNext(int count, int status, int code) {
        for (int i = 0; i < count; i++) {
            failures.add(new GraphError(status, code, 0, "OAuthException", "simulated failure", null, "trace"));
        }
        return this;
    }

    public synchronized List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }
}
