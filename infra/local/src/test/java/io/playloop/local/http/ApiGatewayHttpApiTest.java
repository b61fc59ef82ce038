package io.playloop.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ApiGatewayHttpApiTest {
    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58.390Z");
    private final ApiGatewayHttpApi api = new ApiGatewayHttpApi(Clock.fixed(NOW, ZoneOffset.UTC));

    private static LocalRequest request(String method, String path, String query, List<Map.Entry<String, String>> headers,
                                        byte[] body) {
        return new LocalRequest(method, path, query, headers, body, "HTTP/1.1", "192.0.2.1", 8080);
    }

    @Test
    void aSignedWebhook_arrivesAsPayload2_withItsBodyAsUtf8Text() {
        String json = "{\"object\":\"whatsapp_business_account\",\"text\":\"نقاط\"}";
        LocalRequest post = request("POST", "/webhooks/whatsapp", null, List.of(
                Map.entry("Host", "127.0.0.1:8080"),
                Map.entry("Content-Type", "application/json"),
                Map.entry("X-Hub-Signature-256", "sha256=abc"),
                Map.entry("User-Agent", "facebookexternalua")), json.getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPEvent event = api.toEvent(post, "POST /webhooks/whatsapp");

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /webhooks/whatsapp");
        assertThat(event.getRawPath()).isEqualTo("/webhooks/whatsapp");
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.getHeaders())
                .containsEntry("x-hub-signature-256", "sha256=abc")
                .containsEntry("content-type", "application/json")
                .containsEntry("x-forwarded-for", "192.0.2.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "8080")
                .containsKey("x-amzn-trace-id");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("POST /webhooks/whatsapp");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestId()).hasSize(16).endsWith("=");
        assertThat(context.getTime()).isEqualTo("12/Mar/2026:19:03:58 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/webhooks/whatsapp");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("192.0.2.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("facebookexternalua");
    }

    @Test
    void theHandshakeQuery_isDecoded_andRepeatedNamesAreJoinedByCommas() {
        LocalRequest get = request("GET", "/webhooks/whatsapp",
                "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=local%2Dverify%20token&tag=a&tag=b&flag",
                List.of(), new byte[0]);

        APIGatewayV2HTTPEvent event = api.toEvent(get, "GET /webhooks/whatsapp");

        assertThat(event.getRawQueryString())
                .isEqualTo("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=local%2Dverify%20token&tag=a&tag=b&flag");
        assertThat(event.getQueryStringParameters())
                .containsEntry("hub.mode", "subscribe")
                .containsEntry("hub.challenge", "1158201444")
                .containsEntry("hub.verify_token", "local-verify token")
                .containsEntry("tag", "a,b")
                .containsEntry("flag", "");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void repeatedHeaders_areJoinedByCommas_andCookiesMoveToTheirOwnField() {
        LocalRequest post = request("POST", "/webhooks/whatsapp", null, List.of(
                Map.entry("Accept", "text/plain"),
                Map.entry("accept", "application/json"),
                Map.entry("Cookie", "a=1; b=2"),
                Map.entry("Cookie", "c=3")), new byte[0]);

        APIGatewayV2HTTPEvent event = api.toEvent(post, "POST /webhooks/whatsapp");

        assertThat(event.getHeaders()).containsEntry("accept", "text/plain,application/json").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2", "c=3");
    }

    @Test
    void aBinaryBody_orOneWithoutContentType_travelsAsBase64() {
        byte[] bytes = {0, (byte) 0xff, 10, 13, 'x'};
        APIGatewayV2HTTPEvent binary = api.toEvent(request("POST", "/webhooks/whatsapp", null,
                List.of(Map.entry("Content-Type", "application/octet-stream")), bytes), "POST /webhooks/whatsapp");
        APIGatewayV2HTTPEvent untyped = api.toEvent(request("POST", "/webhooks/whatsapp", null, List.of(),
                "{}".getBytes(StandardCharsets.UTF_8)), "POST /webhooks/whatsapp");
        APIGatewayV2HTTPEvent text = api.toEvent(request("POST", "/webhooks/whatsapp", null,
                List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")), "hé".getBytes(StandardCharsets.UTF_8)),
                "POST /webhooks/whatsapp");

        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(bytes);
        assertThat(untyped.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(untyped.getBody())).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(text.getBody()).isEqualTo("hé");
    }

    @Test
    void aJsonBodyWithInvalidUtf8_travelsAsBase64_byteForByte() {
        byte[] bytes = "{\"text\":\"caf\u00e9 \"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
        LocalRequest post = request("POST", "/webhooks/whatsapp", null,
                List.of(Map.entry("Content-Type", "application/json")), bytes);

        APIGatewayV2HTTPEvent event = api.toEvent(post, "POST /webhooks/whatsapp");

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
    }

    @Property
    void whateverBytesAreSent_theFunctionGetsExactlyThem(@ForAll byte[] bytes,
                                                         @ForAll("contentTypes") String contentType) {
        LocalRequest post = request("POST", "/webhooks/whatsapp", null, List.of(Map.entry("Content-Type", contentType)),
                bytes);

        APIGatewayV2HTTPEvent event = api.toEvent(post, "POST /webhooks/whatsapp");

        byte[] received = event.getBody() == null ? new byte[0] : event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody()) : event.getBody().getBytes(StandardCharsets.UTF_8);
        assertThat(received).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain",
                "application/octet-stream", "application/x-www-form-urlencoded");
    }

    @Test
    void contentTypesThatTravelAsText() {
        assertThat(ApiGatewayHttpApi.isText("application/json; charset=UTF-8")).isTrue();
        assertThat(ApiGatewayHttpApi.isText("application/vnd.api+json")).isTrue();
        assertThat(ApiGatewayHttpApi.isText("TEXT/HTML")).isTrue();
        assertThat(ApiGatewayHttpApi.isText("application/xml")).isTrue();
        assertThat(ApiGatewayHttpApi.isText("application/x-www-form-urlencoded")).isFalse();
        assertThat(ApiGatewayHttpApi.isText("image/png")).isFalse();
        assertThat(ApiGatewayHttpApi.isText(null)).isFalse();
    }

    @Test
    void theFunctionsResponse_becomesHttp_withBase64BodiesDecoded() {
        APIGatewayV2HTTPResponse challenge = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain")).withBody("1158201444").build();
        APIGatewayV2HTTPResponse binary = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withMultiValueHeaders(Map.of("X-Multi", List.of("1", "2")))
                .withCookies(List.of("session=x; HttpOnly"))
                .withBody(Base64.getEncoder().encodeToString("مرحبا".getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true).build();

        LocalResponse text = api.toResponse(challenge, "req-1");
        LocalResponse decoded = api.toResponse(binary, "req-2");

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.bodyText()).isEqualTo("1158201444");
        assertThat(text.header("content-type")).isEqualTo("text/plain");
        assertThat(text.header("apigw-requestid")).isEqualTo("req-1");
        assertThat(decoded.status()).isEqualTo(201);
        assertThat(decoded.body()).isEqualTo("مرحبا".getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.headers().get("X-Multi")).containsExactly("1", "2");
        assertThat(decoded.headers().get("Set-Cookie")).containsExactly("session=x; HttpOnly");
    }

    @Test
    void noResponse_orNoStatus_isApiGatewaysInternalServerError() {
        assertThat(api.toResponse(null, "r").status()).isEqualTo(500);
        LocalResponse noStatus = api.toResponse(new APIGatewayV2HTTPResponse(), "r");
        assertThat(noStatus.status()).isEqualTo(500);
        assertThat(noStatus.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
}
