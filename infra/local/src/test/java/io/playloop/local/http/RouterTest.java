package io.playloop.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .route("GET", "/webhooks/whatsapp", (r, p) -> LocalResponse.text(200, LocalResponse.TEXT, "get"))
            .route("POST", "/webhooks/whatsapp", (r, p) -> LocalResponse.text(200, LocalResponse.TEXT, "post"))
            .route("POST", "/graph/{version}/{phoneNumberId}/messages",
                    (r, p) -> LocalResponse.json(200, p));

    @Test
    void routesByMethodAndPath_andFillsPathParameters() throws Exception {
        assertThat(router.dispatch(LocalRequest.of("GET", "/webhooks/whatsapp?hub.mode=subscribe", Map.of(), null))
                .bodyText()).isEqualTo("get");
        assertThat(router.dispatch(LocalRequest.of("POST", "/webhooks/whatsapp", Map.of(), null)).bodyText())
                .isEqualTo("post");
        assertThat(router.dispatch(LocalRequest.of("POST", "/graph/v23.0/100000000000001/messages", Map.of(), null))
                .bodyText()).isEqualTo("{\"version\":\"v23.0\",\"phoneNumberId\":\"100000000000001\"}");
    }

    @Test
    void anUnknownPath_is404Json() throws Exception {
        LocalResponse response = router.dispatch(LocalRequest.of("GET", "/nope", Map.of(), null));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.bodyText()).contains("No route for GET /nope");
        assertThat(router.dispatch(LocalRequest.of("POST", "/graph/v23.0//messages", Map.of(), null)).status())
                .isEqualTo(404);
    }

    @Test
    void aKnownPathWithAnotherMethod_is405_withAllow() throws Exception {
        LocalResponse response = router.dispatch(LocalRequest.of("DELETE", "/webhooks/whatsapp", Map.of(), null));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, POST");
        assertThat(response.bodyText()).contains("DELETE is not allowed");
    }
}
